// The handout's rules against Argmap's own, with Node alone (no browser):
// loads the viewer's pure parts (assets/web/geometry.js, search.js) with
// the RULES the Rust code writes into every page, runs them on the cases
// the Rust test wrote (tests/library/handout_rules.rs: every presentation
// step of every shipped map on several screens, and searches), and
// compares with what the Rust code gave. Exit 1 on any difference.
//
//   node tests/web/conformance.mjs CASES.json
import fs from 'node:fs';

const [casesPath] = process.argv.slice(2);
const cases = JSON.parse(fs.readFileSync(casesPath, 'utf8'));
const root = new URL('../../', import.meta.url);
const source = ['assets/web/geometry.js', 'assets/web/search.js']
  .map((path) => fs.readFileSync(new URL(path, root), 'utf8'))
  .join('\n');
// The same strict scope as the page's script, RULES given as the page does.
const make = new Function('RULES', `'use strict';\n${source}\nreturn { presentationFrame, stepFrame, findClaims };`);
const viewer = make(cases.rules);

const rect = ([x, y, w, h]) => ({ x, y, w, h });
const close = (a, b) => Math.abs(a - b) <= 0.05 + 1e-5 * Math.abs(b);
const failures = [];
let frames = 0;
let searches = 0;

for (const map of cases.maps) {
  for (const f of map.frames) {
    frames++;
    const got = viewer.stepFrame(f.cards.map(rect), f.context.map(rect), f.size[0], f.size[1]);
    const view = got && [got.view.x, got.view.y, got.view.w, got.view.h];
    const same = got !== null && view.every((v, i) => close(v, f.view[i]))
      && JSON.stringify(got.beyond) === JSON.stringify(f.beyond)
      && JSON.stringify(got.beyondStep) === JSON.stringify(f.beyond_step);
    if (!same) {
      failures.push(`${map.name}, step ${f.step} on ${f.size.join('×')}: the handout frames ` +
        `${JSON.stringify(got && { view, beyond: got.beyond, beyondStep: got.beyondStep })}, ` +
        `Argmap ${JSON.stringify({ view: f.view, beyond: f.beyond, beyondStep: f.beyond_step })}`);
    }
  }
  for (const [w, h, expected] of map.overview) {
    frames++;
    const got = viewer.presentationFrame([rect(map.bounds)], w, h);
    const view = [got.x, got.y, got.w, got.h];
    if (!view.every((v, i) => close(v, expected[i]))) {
      failures.push(`${map.name}, the whole map on ${w}×${h}: the handout frames ${JSON.stringify(view)}, Argmap ${JSON.stringify(expected)}`);
    }
  }
  for (const s of map.searches) {
    searches++;
    const got = viewer.findClaims(map.order, map.claims, s.query);
    if (JSON.stringify(got) !== JSON.stringify(s.expected)) {
      failures.push(`${map.name}, search ${JSON.stringify(s.query)}: the handout finds ${JSON.stringify(got)}, Argmap ${JSON.stringify(s.expected)}`);
    }
  }
}

console.log(`${frames} frames and ${searches} searches on ${cases.maps.length} maps`);
for (const f of failures.slice(0, 40)) console.log(`FAIL ${f}`);
if (failures.length) {
  console.log(`${failures.length} differences`);
  process.exit(1);
}
