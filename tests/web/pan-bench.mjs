// How a handout opens and pans in headless Chromium: the time from
// navigation to the first frame with the fonts in, then the frame times
// of a steady pan (one step per frame) at three zooms: the whole map
// (blocks), titles, and text at reading size. Not a test: numbers for
// the README. `node tests/web/pan-bench.mjs CHROMIUM PAGE.html`
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, evaluate, navigate, viewport } from './cdp.mjs';

const [chromium, pagePath] = process.argv.slice(2);
const url = pathToFileURL(resolve(pagePath)).href;
const page = await launch(chromium);
try {
  await viewport(page, 1280, 800);
  const started = Date.now();
  await navigate(page, url);
  await evaluate(page, 'document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))');
  const opened = Date.now() - started;
  const timing = await evaluate(page, 'JSON.stringify(performance.getEntriesByType("navigation")[0])');
  const nav = JSON.parse(timing);
  console.log(`${pagePath}: ${(statSync(pagePath).size / 1e6).toFixed(2)} MB, ${await evaluate(page, 'Object.keys(argmap.data.claims).length')} claims`);
  console.log(`opened (load event ${Math.round(nav.loadEventEnd)} ms, first frame with fonts ${opened} ms)`);
  for (const [name, zoom] of [['whole map', null], ['titles', 0.3], ['text', 1.0]]) {
    const result = await evaluate(page, `new Promise((done) => {
      argmap.fit(false);
      ${zoom === null ? '' : `argmap.zoomAt(${zoom} / argmap.camera().s, 640, 400);`}
      const times = [];
      let last = performance.now();
      let n = 0;
      function frame(now) {
        if (n > 0) times.push(now - last);
        last = now;
        if (n++ >= 180) {
          times.sort((a, b) => a - b);
          done({ median: times[times.length >> 1], p95: times[Math.floor(times.length * 0.95)], max: times[times.length - 1], s: argmap.camera().s });
          return;
        }
        argmap.panBy(n % 120 < 60 ? 6 : -6, 2 * Math.sin(n / 10));
        requestAnimationFrame(frame);
      }
      requestAnimationFrame(frame);
    })`);
    console.log(`pan, ${name} (zoom ${result.s.toFixed(2)}): frame median ${result.median.toFixed(1)} ms, 95th percentile ${result.p95.toFixed(1)} ms, worst ${result.max.toFixed(1)} ms`);
  }
} finally {
  await page.close();
}
