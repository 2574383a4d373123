// Drives an exported HTML handout in headless Chromium and checks it
// against what Argmap says of the map (the expectations file that
// tests/html.rs writes from the library): every claim's words on the
// page, a click opening a claim's note, the arrow keys walking the
// structure, folding, search, panning and zooming, and each presentation
// step revealing the same claims with the same camera as the editor.
// Screenshots (desktop and phone) go to the output folder.
//
//   node tests/web/handout.mjs CHROMIUM PAGE.html EXPECT.json OUT_DIR
import fs from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, evaluate, navigate, click, drag, press, type, screenshot, viewport } from './cdp.mjs';

const [chromium, pagePath, expectPath, outDir] = process.argv.slice(2);
const expect = JSON.parse(fs.readFileSync(expectPath, 'utf8'));
const url = pathToFileURL(resolve(pagePath)).href;
fs.mkdirSync(outDir, { recursive: true });

const failures = [];
function check(ok, what) {
  if (!ok) failures.push(what);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
}
const squash = (s) => s.replace(/\s+/g, '');

async function centerOf(page, id) {
  return evaluate(page, `(() => {
    const r = document.querySelector('[data-claim="${id}"] rect').getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + Math.min(r.height / 2, 30) };
  })()`);
}

// Waits until the viewer says its camera is still (no glide under way).
async function settle(page) {
  await evaluate(page, 'argmap.idle()');
}

async function framesMatch(page, expected, label) {
  const cam = await evaluate(page, 'argmap.camera()');
  const shown = [cam.x, cam.y, cam.w / cam.s, cam.h / cam.s];
  const close = expected.every((v, i) => Math.abs(v - shown[i]) < 0.6);
  check(close, `${label}: camera shows [${shown.map((v) => v.toFixed(1))}], Argmap frames [${expected.map((v) => v.toFixed(1))}]`);
}

async function desktop(page) {
  await viewport(page, 1280, 800);
  await navigate(page, url);
  await evaluate(page, 'document.fonts.ready.then(() => true)');
  await settle(page);

  // The fonts load from the page itself, none fails.
  const faces = await evaluate(page, `Promise.all([...document.fonts].map((f) => f.load().then(() => f.status, () => 'error')))`);
  check(faces.length > 0 && faces.every((s) => s === 'loaded'), `${faces.length} embedded fonts load (${faces.join(', ')})`);

  // Every claim's words are on the page, in its card.
  const onPage = await evaluate(page, `Object.fromEntries([...document.querySelectorAll('svg [data-claim]')].map((g) => [g.dataset.claim, [...g.querySelectorAll('text.claim, text.title')].map((t) => t.textContent).join(' ')]))`);
  const missing = Object.entries(expect.claims).filter(([id, text]) => !squash(onPage[id] ?? '').includes(squash(text)));
  check(missing.length === 0, `all ${Object.keys(expect.claims).length} claims' texts are in the page's drawing${missing.length ? `; missing: ${missing.map(([id]) => id).join(', ')}` : ''}`);
  await screenshot(page, join(outDir, 'desktop-fit.png'), fs);

  // A click on a claim opens its note.
  const noted = expect.noted;
  await evaluate(page, `argmap.select(${noted.id})`);
  await press(page, 'Escape');
  await settle(page);
  const at = await centerOf(page, noted.id);
  await click(page, at.x, at.y);
  await settle(page);
  const panel = await evaluate(page, `({ open: !document.getElementById('panel').hidden, text: document.getElementById('panel').innerText })`);
  check(panel.open && squash(panel.text).includes(squash(noted.note)), `clicking claim #${noted.id} opens its note`);
  if (noted.reference) {
    check(squash(panel.text).includes(squash(noted.reference)), `claim #${noted.id}'s panel gives its source's reference in the map's style ("${noted.reference}")`);
  }
  check(await evaluate(page, 'argmap.state().selected') === noted.id, `clicking claim #${noted.id} selects it`);
  await screenshot(page, join(outDir, 'desktop-claim.png'), fs);

  // The arrow keys walk the structure as in the editor.
  for (const [key, want] of expect.walk) {
    await press(page, key);
    const now = await evaluate(page, 'argmap.state().selected');
    check(now === want, `${key} goes to #${want}, as in the editor (went to #${now})`);
  }

  // Folding the thesis's answers hides all below it; unfolding brings them back.
  await evaluate(page, `argmap.select(${expect.fold.claim})`);
  await press(page, '.', 2);
  let shown = await evaluate(page, 'argmap.state().shown.length');
  const drawn = await evaluate(page, `[...document.querySelectorAll('svg [data-claim]')].filter((g) => g.getBoundingClientRect().width > 0).length`);
  check(shown === expect.fold.shown && drawn === expect.fold.shown, `Ctrl+. folds #${expect.fold.claim}: ${drawn} cards drawn, ${expect.fold.shown} expected`);
  const badge = await evaluate(page, `document.querySelector('.fold-badge')?.textContent ?? ''`);
  check(badge.includes(String(expect.fold.hidden)), `the folded claim says how many it hides ("${badge}")`);
  await screenshot(page, join(outDir, 'desktop-folded.png'), fs);
  await press(page, '.', 2);
  shown = await evaluate(page, 'argmap.state().shown.length');
  check(shown === Object.keys(expect.claims).length, `Ctrl+. again unfolds (${shown} shown)`);
  await press(page, 'Escape');

  // Search highlights the matches and counts them.
  await press(page, 'F', 2);
  await type(page, expect.search.query);
  await settle(page);
  const found = await evaluate(page, `({ count: document.getElementById('search-count').textContent, marks: document.querySelectorAll('.mark-match').length, matches: argmap.state().matches })`);
  const want = expect.search.matches;
  check(found.marks === want.length && found.count.startsWith(String(want.length)) && JSON.stringify(found.matches) === JSON.stringify(want),
    `searching "${expect.search.query}" finds claims ${JSON.stringify(found.matches)} in reading order and highlights ${found.marks} ("${found.count}"); the editor finds ${JSON.stringify(want)}`);
  await press(page, 'Enter');
  await settle(page);
  await screenshot(page, join(outDir, 'desktop-search.png'), fs);
  await press(page, 'Escape');
  await press(page, 'Escape');

  // Drag pans, the wheel zooms, Fit shows it all again.
  await evaluate(page, 'document.getElementById("fit").click()');
  await settle(page);
  const before = await evaluate(page, 'argmap.camera()');
  await drag(page, { x: 640, y: 700 }, { x: 540, y: 650 });
  const dragged = await evaluate(page, 'argmap.camera()');
  const moved = (dragged.x - before.x) * before.s;
  check(Math.abs(moved - 100) < 2, `dragging 100 px pans by 100 px (${moved.toFixed(1)})`);
  await page.send('Input.dispatchMouseEvent', { type: 'mouseWheel', x: 640, y: 400, deltaX: 0, deltaY: -300 });
  await settle(page);
  const zoomed = await evaluate(page, 'argmap.camera()');
  check(zoomed.s > dragged.s * 1.2, `the wheel zooms in (${dragged.s.toFixed(3)} → ${zoomed.s.toFixed(3)})`);
  await screenshot(page, join(outDir, 'desktop-zoomed.png'), fs);

  // Presenting: each step reveals what the editor reveals, framed the same.
  await press(page, 'F5');
  await settle(page);
  await presentChecks(page, '1280x800', 'desktop');
  await press(page, 'Escape');
}

async function presentChecks(page, size, name) {
  const steps = expect.steps;
  const frames = expect.frames[size];
  for (let i = 0; i < Math.min(steps.length, 3); i++) {
    if (i > 0) {
      await press(page, 'ArrowRight');
      await settle(page);
    }
    const state = await evaluate(page, `({ step: argmap.state().presenting, shown: argmap.state().shown, counter: document.getElementById('step-count').textContent })`);
    const want = [...new Set(steps.slice(0, i + 1).flat())].sort((a, b) => a - b);
    const got = state.shown.slice().sort((a, b) => a - b);
    check(state.step === i && state.counter === `Step ${i + 1} of ${steps.length}`, `${name}: → shows step ${i + 1} ("${state.counter}")`);
    check(JSON.stringify(want) === JSON.stringify(got), `${name}: step ${i + 1} reveals claims ${want.join(', ')}`);
    const drawn = await evaluate(page, `[...document.querySelectorAll('svg [data-claim]')].filter((g) => g.getBoundingClientRect().width > 0).map((g) => Number(g.dataset.claim)).sort((a, b) => a - b)`);
    check(JSON.stringify(drawn) === JSON.stringify(want), `${name}: step ${i + 1} draws exactly those cards`);
    await framesMatch(page, frames[i], `${name}: step ${i + 1}`);
    if (i === 1) await screenshot(page, join(outDir, `${name}-present-step2.png`), fs);
  }
  await press(page, 'ArrowLeft');
  await settle(page);
  check(await evaluate(page, 'argmap.state().presenting') === 1, `${name}: ← goes back a step`);
  // Every step: no pointer's label over a card on show.
  const covered = [];
  let labels = 0;
  for (let i = 0; i < steps.length; i++) {
    await evaluate(page, `argmap.present(${i})`);
    await settle(page);
    const found = await evaluate(page, `(() => {
      const boxes = [...document.querySelectorAll('#pointers .pointer:not(.bare)')].map((b) => b.getBoundingClientRect());
      const cards = [...document.querySelectorAll('svg [data-claim]')]
        .map((g) => [g.dataset.claim, g.querySelector('rect').getBoundingClientRect()])
        .filter(([, r]) => r.width > 0);
      const hits = [];
      for (const b of boxes) for (const [id, r] of cards) {
        if (b.left < r.right && b.right > r.left && b.top < r.bottom && b.bottom > r.top) hits.push(id);
      }
      return { labels: boxes.length, hits };
    })()`);
    labels += found.labels;
    if (found.hits.length) covered.push(`step ${i + 1}: #${found.hits.join(', #')}`);
  }
  check(covered.length === 0, `${name}: no pointer label covers a card at any of ${steps.length} steps (${labels} labels)${covered.length ? `; covered: ${covered.join('; ')}` : ''}`);
  await evaluate(page, `argmap.present(1)`);
  await settle(page);
}

async function phone(page) {
  await viewport(page, 390, 844, true);
  await page.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
  await navigate(page, url);
  await evaluate(page, 'document.fonts.ready.then(() => true)');
  await settle(page);
  await readingChecks(page);
  await screenshot(page, join(outDir, 'phone-fit.png'), fs);

  // A tap on a claim in the list opens it as a sheet, the claim in view
  // above it.
  const noted = expect.noted;
  const card = await evaluate(page, `(() => {
    const card = document.querySelector('#reading .read-card[data-read="${noted.id}"]');
    card.scrollIntoView({ block: 'center' });
    const r = card.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + Math.min(r.height / 2, 30) };
  })()`);
  await tap(page, card);
  await settle(page);
  const panel = await evaluate(page, `(() => {
    const p = document.getElementById('panel');
    const card = document.querySelector('#reading .read-card[data-read="${noted.id}"]').getBoundingClientRect();
    return { open: !p.hidden, text: p.innerText, top: p.getBoundingClientRect().top, card: { top: card.top, bottom: card.bottom }, selected: argmap.state().selected };
  })()`);
  check(panel.open && squash(panel.text).includes(squash(noted.note)) && panel.selected === noted.id, `phone: tapping claim #${noted.id} in the list opens its note`);
  check(panel.top > 844 * 0.4, `phone: the claim opens as a sheet over the lower half (top at ${Math.round(panel.top)} px)`);
  check(panel.card.top >= 0 && panel.card.top < panel.top, `phone: the tapped claim stays in view above the sheet (its top at ${Math.round(panel.card.top)} px)`);
  await screenshot(page, join(outDir, 'phone-claim.png'), fs);
  await evaluate(page, `document.getElementById('panel-close').click()`);

  // Search marks the matches in the list; Enter brings the first into view.
  await evaluate(page, `(() => { const box = document.getElementById('search'); box.value = ${JSON.stringify(expect.search.query)}; box.dispatchEvent(new Event('input')); })()`);
  const marked = await evaluate(page, `[...document.querySelectorAll('#reading .read-card.match')].map((c) => Number(c.dataset.read))`);
  check(JSON.stringify(marked) === JSON.stringify(expect.search.matches), `phone: searching marks claims ${JSON.stringify(marked)} in the list; the editor finds ${JSON.stringify(expect.search.matches)}`);
  await evaluate(page, `(() => { const box = document.getElementById('search'); box.value = ''; box.dispatchEvent(new Event('input')); })()`);

  // The drawing, on request: pinching zooms it.
  const toggle = await evaluate(page, `(() => { const r = document.getElementById('view-toggle').getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2, label: document.getElementById('view-toggle').textContent }; })()`);
  check(toggle.label === 'Map', `phone: the bar offers the drawing ("${toggle.label}")`);
  await tap(page, toggle);
  await settle(page);
  check(await evaluate(page, 'argmap.state().mode') === 'map', 'phone: tapping Map shows the drawing');
  const before = await evaluate(page, 'argmap.camera().s');
  await page.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: 150, y: 300, id: 1 }, { x: 240, y: 300, id: 2 }] });
  for (let k = 1; k <= 6; k++) {
    await page.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: 150 - k * 10, y: 300, id: 1 }, { x: 240 + k * 10, y: 300, id: 2 }] });
  }
  await page.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  const after = await evaluate(page, 'argmap.camera().s');
  check(after > before * 1.5, `phone: pinching zooms in (${before.toFixed(3)} → ${after.toFixed(3)})`);
  await evaluate(page, `argmap.setMode('list')`);

  // Presenting from the list shows the drawing, and the list comes back
  // after.
  await evaluate(page, `document.getElementById('present').click()`);
  await settle(page);
  await presentChecks(page, '390x844', 'phone');
  await evaluate(page, `document.getElementById('present-end').click()`);
  await settle(page);
  check(await evaluate(page, 'argmap.state().mode') === 'list', 'phone: ending the presentation goes back to the list');
}

async function tap(page, at) {
  for (const type of ['touchStart', 'touchEnd']) {
    await page.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x: at.x, y: at.y }] });
  }
}

// A phone opens on the reading view: every claim in the outline's order,
// indented as deep as the outline puts it, its words wrapped to the
// screen at a size that reads, nothing cut off.
async function readingChecks(page) {
  const list = await evaluate(page, `(() => {
    const host = document.getElementById('reading');
    const cards = [...host.querySelectorAll('.read-card')];
    const size = (e) => parseFloat(getComputedStyle(e).fontSize);
    const titles = cards.map((c) => c.querySelector('.read-title')).filter(Boolean);
    const thesis = cards[0].getBoundingClientRect();
    return {
      mode: argmap.state().mode,
      stage: document.getElementById('stage').getBoundingClientRect().width,
      pageWidth: document.documentElement.scrollWidth,
      listWidth: host.scrollWidth,
      listClient: host.clientWidth,
      outside: cards.filter((c) => { const r = c.getBoundingClientRect(); return r.left < 0 || r.right > innerWidth; }).map((c) => c.dataset.read),
      titles: titles.length,
      smallestTitle: Math.min(...titles.map(size)),
      smallestText: Math.min(...cards.map((c) => size(c.querySelector('.read-text')))),
      narrowest: Math.min(...cards.map((c) => c.getBoundingClientRect().width)),
      order: cards.map((c) => Number(c.dataset.read)),
      left: Object.fromEntries(cards.map((c) => [c.dataset.read, c.getBoundingClientRect().left])),
      words: Object.fromEntries(cards.map((c) => [c.dataset.read, c.innerText])),
      thesis: { top: thesis.top, bottom: thesis.bottom },
    };
  })()`);
  const claimCount = Object.keys(expect.claims).length;
  check(list.mode === 'list' && list.stage === 0, `phone: opens on the reading view (the drawing hidden)`);
  check(list.pageWidth <= 390 && list.listWidth <= list.listClient && list.outside.length === 0,
    `phone: nothing is cut off at the right (page ${list.pageWidth} px, list ${list.listWidth} of ${list.listClient} px${list.outside.length ? `; cards past the edge: ${list.outside.join(', ')}` : ''})`);
  check(list.smallestTitle >= 16 && list.smallestText >= 15,
    `phone: ${list.titles} titles at ${list.smallestTitle} px or more, claim text at ${list.smallestText} px or more`);
  check(list.narrowest >= 240, `phone: the deepest card is still ${Math.round(list.narrowest)} px wide`);
  check(list.thesis.top >= 0 && list.thesis.bottom < 844, `phone: the thesis opens in view (${Math.round(list.thesis.top)}–${Math.round(list.thesis.bottom)} px)`);
  check(JSON.stringify(list.order) === JSON.stringify(expect.reading.order), `phone: the list tells all ${list.order.length} of ${claimCount} claims in the outline's order`);
  const missing = Object.entries(expect.claims).filter(([id, text]) => !squash(list.words[id] ?? '').includes(squash(text)));
  check(missing.length === 0, `phone: every claim's words are in the list${missing.length ? `; missing: ${missing.map(([id]) => id).join(', ')}` : ''}`);
  // Deeper in the outline is further right (up to the deepest indent).
  const depths = expect.reading.depths;
  const wrong = [];
  for (const [a, da] of Object.entries(depths)) {
    for (const [b, db] of Object.entries(depths)) {
      if (da < db && da < 8 && !(list.left[a] < list.left[b])) wrong.push(`#${a} (depth ${da}) vs #${b} (depth ${db})`);
    }
  }
  check(wrong.length === 0, `phone: each claim is indented as deep as the outline puts it${wrong.length ? `; not so: ${wrong.slice(0, 5).join('; ')}` : ''}`);
}

// A large map draws only what is near the view, and draws what comes in.
async function large(page) {
  const big = expect.large;
  await page.send('Emulation.setTouchEmulationEnabled', { enabled: false });
  await viewport(page, 1280, 800);
  await navigate(page, pathToFileURL(resolve(big.page)).href);
  await settle(page);
  const whole = await evaluate(page, 'argmap.drawn().length');
  check(whole === big.claims, `large map: the whole map in view draws all ${big.claims} cards (${whole})`);
  await evaluate(page, `argmap.select(${big.far})`);
  await settle(page);
  const near = await evaluate(page, `({ drawn: argmap.drawn(), inPage: document.querySelectorAll('svg [data-claim]').length })`);
  check(near.drawn.includes(big.far) && near.inPage < big.claims / 2, `large map: close up on #${big.far}, it is drawn with ${near.inPage - 1} others near it, of ${big.claims}`);
  const at = await centerOf(page, big.far);
  await click(page, at.x, at.y);
  check(await evaluate(page, 'argmap.state().selected') === big.far, `large map: the card brought in can be clicked`);
  await screenshot(page, join(outDir, 'large-close-up.png'), fs);
}

const page = await launch(chromium);
try {
  await desktop(page);
  await phone(page);
  if (expect.large) await large(page);
  check(page.errors.length === 0, `no script errors${page.errors.length ? `: ${JSON.stringify(page.errors).slice(0, 500)}` : ''}`);
} catch (e) {
  failures.push(String(e.stack ?? e));
  console.log(`FAIL ${e.stack ?? e}`);
} finally {
  await page.close();
}
if (failures.length) {
  console.log(`${failures.length} failed`);
  process.exit(1);
}
console.log('all passed');
