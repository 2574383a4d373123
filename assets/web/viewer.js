// Argmap handout viewer: pans and zooms the map's drawing, opens a claim,
// folds answers, searches, walks the structure with the arrow keys,
// switches to the reading view (reading.js) and presents the map step by
// step (present.js). Everything it knows of the map is in the JSON element
// #argmap-data, written by Argmap; it fetches nothing. It runs after the
// other parts, in one scope (Argmap joins them).

const data = JSON.parse(document.getElementById('argmap-data').textContent);
// Argmap's rules, as numbers and words from the Rust code (geometry.js and
// search.js read them too).
const RULES = data.rules;
const stage = document.getElementById('stage');
const svg = stage.querySelector('svg');
const panel = document.getElementById('panel');
const panelBody = document.getElementById('panel-body');
const pointersLayer = document.getElementById('pointers');
const searchBox = document.getElementById('search');
const searchCount = document.getElementById('search-count');
const presentBar = document.getElementById('present-bar');
const stepCount = document.getElementById('step-count');
const help = document.getElementById('help');
const readingHost = document.getElementById('reading');
const viewToggle = document.getElementById('view-toggle');
const SVG_NS = 'http://www.w3.org/2000/svg';

const MIN_ZOOM = 0.02;
const MAX_ZOOM = 6;
// What cards show at a zoom, as on the canvas: their text, only their
// title set large, or nothing but the card.
const TEXT_ZOOM = RULES.zoom.text;
const BLOCKS_ZOOM = RULES.zoom.blocks;

const [bx, by, bw, bh] = data.bounds;
const claims = data.claims;
const links = data.links;
const ids = Object.keys(claims).map(Number);

// The drawing at its natural size; the camera moves it with a transform.
// The drawing fills the stage; the camera is its viewBox, so the
// browser draws only what is in view, at any size, sharp.
svg.setAttribute('width', '100%');
svg.setAttribute('height', '100%');
svg.setAttribute('preserveAspectRatio', 'xMinYMin meet');
svg.removeAttribute('font-family');

const claimNodes = new Map();
svg.querySelectorAll('[data-claim]').forEach((g) => claimNodes.set(Number(g.dataset.claim), g));
const titleNodes = new Map();
svg.querySelectorAll('[data-title]').forEach((g) => titleNodes.set(Number(g.dataset.title), g));
const linkNodes = new Map();
svg.querySelectorAll('[data-link]').forEach((g) => linkNodes.set(Number(g.dataset.link), g));

// Layers of our own: glows behind the cards, marks above them.
const glows = document.createElementNS(SVG_NS, 'g');
glows.setAttribute('class', 'glows');
svg.insertBefore(glows, svg.querySelector('.links'));
const marks = document.createElementNS(SVG_NS, 'g');
marks.setAttribute('class', 'marks');
svg.appendChild(marks);

// ---- Rectangles, in map units ------------------------------------------

const rectOf = (id) => {
  const r = claims[id].rect;
  return { x: r[0], y: r[1], w: r[2], h: r[3] };
};
const culler = makeCuller({ svg, ids, links, claims, claimNodes, titleNodes, linkNodes, rectOf });
const reading = makeReading({
  host: readingHost,
  data,
  claims,
  links,
  el,
  open: (id) => select(id, true),
  fold: (id) => toggleFold(id),
});

// ---- The camera ------------------------------------------------------------

// `s` screen pixels per map unit; (x, y) the map point at the stage's
// top-left corner.
const camera = { x: bx, y: by, s: 1 };

function stageSize() {
  return { w: stage.clientWidth || 1, h: stage.clientHeight || 1 };
}

// The camera as drawn: `camera` is where it is going, `drawnAt` where it
// is, the same but while it glides.
let drawnAt = { ...camera };
let glideFrame = 0;
// Whether a glide is under way, and who waits for it to end (`idle`).
let gliding = false;
let idleWaiters = [];

function glideEnded() {
  gliding = false;
  const waiters = idleWaiters;
  idleWaiters = [];
  for (const resolve of waiters) resolve(true);
}

// Resolves once the camera is still: after the next frame, and after the
// glide under way, if any.
function idle() {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      if (gliding) idleWaiters.push(resolve);
      else resolve(true);
    });
  });
}

function viewOf(c) {
  const { w, h } = stageSize();
  return { x: c.x, y: c.y, w: w / c.s, h: h / c.s };
}

function draw(c) {
  const view = viewOf(c);
  svg.setAttribute('viewBox', `${view.x} ${view.y} ${view.w} ${view.h}`);
  stage.classList.toggle('titles', c.s < TEXT_ZOOM && c.s >= BLOCKS_ZOOM);
  stage.classList.toggle('blocks', c.s < BLOCKS_ZOOM);
  drawnAt = { ...c };
}

function apply(glide) {
  cancelAnimationFrame(glideFrame);
  const target = { ...camera };
  if (!glide) {
    culler.cull(viewOf(target), null);
    draw(target);
    drawPointers();
    glideEnded();
    return;
  }
  gliding = true;
  // A glide: the view moves in scale space (zoom evenly, not linearly),
  // eased, over under half a second.
  const from = { ...drawnAt };
  culler.cull(viewOf(target), viewOf(from));
  const start = performance.now();
  const duration = 450;
  const step = (now) => {
    const t = Math.min(1, (now - start) / duration);
    const k = t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
    const { w, h } = stageSize();
    const s = from.s * (target.s / from.s) ** k;
    // The middle of the screen travels in a straight line.
    const fx = from.x + w / 2 / from.s;
    const fy = from.y + h / 2 / from.s;
    const tx = target.x + w / 2 / target.s;
    const ty = target.y + h / 2 / target.s;
    const mx = fx + (tx - fx) * k;
    const my = fy + (ty - fy) * k;
    draw({ x: mx - w / 2 / s, y: my - h / 2 / s, s });
    if (t < 1) glideFrame = requestAnimationFrame(step);
    else {
      draw(target);
      drawPointers();
      glideEnded();
    }
  };
  pointersLayer.replaceChildren();
  glideFrame = requestAnimationFrame(step);
}

// Gestures start from what is on screen, even in the middle of a glide.
function settleCamera() {
  cancelAnimationFrame(glideFrame);
  Object.assign(camera, drawnAt);
  glideEnded();
}

function show(view, glide) {
  const { w, h } = stageSize();
  const s = clamp(Math.min(w / view.w, h / view.h), MIN_ZOOM, MAX_ZOOM);
  const c = center(view);
  camera.s = s;
  camera.x = c.x - w / 2 / s;
  camera.y = c.y - h / 2 / s;
  apply(glide);
}

function fit(glide) {
  const shown = ids.filter((id) => visible(id)).map(rectOf);
  const all = shown.length ? shown.reduce(union) : { x: bx, y: by, w: bw, h: bh };
  show({ x: all.x - 40, y: all.y - 40, w: all.w + 80, h: all.h + 80 }, glide);
}

function zoomAt(factor, sx, sy) {
  settleCamera();
  const s = clamp(camera.s * factor, MIN_ZOOM, MAX_ZOOM);
  const mx = camera.x + sx / camera.s;
  const my = camera.y + sy / camera.s;
  camera.s = s;
  camera.x = mx - sx / s;
  camera.y = my - sy / s;
  apply(false);
}

function panBy(dx, dy) {
  settleCamera();
  camera.x -= dx / camera.s;
  camera.y -= dy / camera.s;
  apply(false);
}

// The part of the stage the open panel leaves free, in stage pixels: on
// a phone the panel is a sheet over the lower part, on a desktop a
// column on the right.
function freeArea() {
  const { w, h } = stageSize();
  const area = { x: 0, y: 0, w, h };
  if (panel.hidden) return area;
  const s = stage.getBoundingClientRect();
  const p = panel.getBoundingClientRect();
  if (p.width >= s.width * 0.9) area.h = Math.max(80, Math.min(h, p.top - s.top));
  else area.w = Math.max(120, Math.min(w, p.left - s.left));
  return area;
}

// Brings a claim into view, as the editor does when the selection moves,
// clear of the open panel.
function reveal(id, glide) {
  const r = rectOf(id);
  const area = freeArea();
  if (camera.s < 0.45) {
    // Far out: come close enough to read it, centred in the free part.
    const s = clamp(Math.min(area.w / (r.w + 120), area.h / (r.h + 120), 1), MIN_ZOOM, MAX_ZOOM);
    const c = center(r);
    camera.s = s;
    camera.x = c.x - (area.x + area.w / 2) / s;
    camera.y = c.y - (area.y + area.h / 2) / s;
    apply(glide);
    return;
  }
  const margin = 24 / camera.s;
  const view = {
    x: camera.x + area.x / camera.s,
    y: camera.y + area.y / camera.s,
    w: area.w / camera.s,
    h: area.h / camera.s,
  };
  let dx = 0;
  let dy = 0;
  if (r.w + 2 * margin > view.w) dx = r.x + r.w / 2 - (view.x + view.w / 2);
  else if (r.x - margin < view.x) dx = r.x - margin - view.x;
  else if (r.x + r.w + margin > view.x + view.w) dx = r.x + r.w + margin - (view.x + view.w);
  if (r.h + 2 * margin > view.h) dy = r.y - margin - view.y;
  else if (r.y - margin < view.y) dy = r.y - margin - view.y;
  else if (r.y + r.h + margin > view.y + view.h) dy = r.y + r.h + margin - (view.y + view.h);
  if (dx || dy) {
    camera.x += dx;
    camera.y += dy;
    apply(glide);
  }
}

// ---- What is shown ----------------------------------------------------------

const folds = new Set();
let hiddenByFold = new Set();
const search = { query: '', matches: [], at: -1 };
let selected = null;
const presenting = { on: false, step: 0, overview: false, revealed: new Set(), beyond: [], fromList: false };
// What the page shows: the drawing ('map') or the reading view ('list').
// A screen too narrow for the drawing opens on the list.
let mode = window.matchMedia('(max-width: 700px)').matches ? 'list' : 'map';

function descendants(id) {
  const found = new Set();
  const stack = [id];
  while (stack.length) {
    const c = stack.pop();
    for (const child of claims[c].children || []) {
      if (child !== id && !found.has(child)) {
        found.add(child);
        stack.push(child);
      }
    }
  }
  return found;
}

function visible(id) {
  if (presenting.on) return presenting.revealed.has(id);
  return !hiddenByFold.has(id);
}

function refresh() {
  hiddenByFold = new Set();
  for (const f of folds) for (const d of descendants(f)) hiddenByFold.add(d);
  for (const [id, node] of claimNodes) node.classList.toggle('hidden', !visible(id));
  for (const [id, node] of titleNodes) node.classList.toggle('hidden', !visible(id));
  for (const [id, node] of linkNodes) {
    const link = links[id];
    node.classList.toggle('hidden', !link || !link.ends.every(visible));
  }
  drawMarks();
}

function svgRect(r, cls, grow, radius) {
  const el = document.createElementNS(SVG_NS, 'rect');
  el.setAttribute('x', r.x - grow);
  el.setAttribute('y', r.y - grow);
  el.setAttribute('width', r.w + 2 * grow);
  el.setAttribute('height', r.h + 2 * grow);
  el.setAttribute('rx', radius);
  el.setAttribute('class', cls);
  return el;
}

function drawMarks() {
  glows.replaceChildren();
  marks.replaceChildren();
  if (presenting.on && !presenting.overview) {
    for (const id of data.steps[presenting.step].claims) glows.appendChild(svgRect(rectOf(id), 'mark-glow', 7, 12));
  }
  if (!presenting.on) {
    for (const id of search.matches) if (visible(id)) glows.appendChild(svgRect(rectOf(id), 'mark-match', 7, 12));
    for (const f of folds) {
      if (!visible(f)) continue;
      const hidden = descendants(f).size;
      if (!hidden) continue;
      const r = rectOf(f);
      const g = document.createElementNS(SVG_NS, 'g');
      g.setAttribute('class', 'fold-badge');
      const label = `▸ ${hidden} folded`;
      const width = 14 + label.length * 6.4;
      // Just under the card, clear of its words.
  g.appendChild(svgRect({ x: r.x + r.w / 2 - width / 2, y: r.y + r.h + 3, w: width, h: 18 }, '', 0, 9));
      const t = document.createElementNS(SVG_NS, 'text');
      t.setAttribute('x', r.x + r.w / 2);
      t.setAttribute('y', r.y + r.h + 16);
      t.setAttribute('text-anchor', 'middle');
      t.textContent = label;
      g.appendChild(t);
      g.dataset.fold = String(f);
      marks.appendChild(g);
    }
  }
  if (selected !== null && visible(selected)) {
    marks.appendChild(svgRect(rectOf(selected), 'mark-selected', 4, 10));
  }
  if (mode === 'list') {
    const folded = new Map();
    for (const f of folds) if (visible(f)) folded.set(f, descendants(f).size);
    reading.mark({ visible, selected, matches: search.matches, folded });
  }
}

// ---- A claim, opened ---------------------------------------------------------

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function claimButton(id, words) {
  const b = el('button', 'claim-ref', words);
  b.type = 'button';
  b.addEventListener('click', () => select(id, true));
  return b;
}

function describe(id) {
  const c = claims[id];
  return `${c.role} #${id}: ${c.title}`;
}

function openPanel(id) {
  const c = claims[id];
  panelBody.replaceChildren();
  panelBody.appendChild(el('div', 'role', `${c.label} · #${id}`));
  if (c.titled) panelBody.appendChild(el('h2', '', c.title));
  panelBody.appendChild(el('p', 'text', c.text));
  if (c.status) {
    panelBody.appendChild(el('h3', '', 'Status'));
    const p = el('p', '');
    p.appendChild(el('span', `status ${c.status.word}`, `${c.status.symbol} ${c.status.word}`));
    if (c.assessed) p.appendChild(document.createTextNode(` (${c.assessed} by the author)`));
    const why = el('div', 'why');
    for (const part of c.status.why) {
      // A claim the reason names: by its title, its number on hover.
      if (typeof part === 'number' && claims[part]) {
        const b = claimButton(part, claims[part].title);
        b.title = `claim #${part}`;
        b.classList.add('named');
        why.appendChild(b);
      } else why.appendChild(document.createTextNode(String(part)));
    }
    panelBody.appendChild(p);
    panelBody.appendChild(why);
  } else if (c.assessed) {
    panelBody.appendChild(el('p', '', `Assessed: ${c.assessed}`));
  }
  if (c.note) {
    panelBody.appendChild(el('h3', '', 'Note'));
    panelBody.appendChild(el('p', 'note', c.note));
  }
  if (c.cite) {
    panelBody.appendChild(el('h3', '', 'Source'));
    const p = el('p', 'cite');
    if (c.url && /^(https?:|mailto:)/i.test(c.url)) {
      const a = el('a', '', c.cite);
      a.href = c.url;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      p.appendChild(a);
    } else {
      p.textContent = c.url ? `${c.cite} (${c.url})` : c.cite;
    }
    panelBody.appendChild(p);
    // The source's full reference, in the map's citation style.
    const runs = c.doc !== undefined && data.references ? data.references[c.doc] : undefined;
    if (runs) {
      const reference = el('p', 'reference');
      for (const [words, italic] of runs) reference.appendChild(italic ? el('i', '', words) : document.createTextNode(words));
      panelBody.appendChild(reference);
    }
  }
  if (c.quote) {
    panelBody.appendChild(el('h3', '', 'Quote'));
    const q = el('blockquote', 'quote', `“${c.quote}”`);
    panelBody.appendChild(q);
  }
  if (c.tags && c.tags.length) {
    const tags = el('p', 'tags');
    for (const t of c.tags) tags.appendChild(el('span', '', `#${t}`));
    panelBody.appendChild(tags);
  }
  if (c.parent !== undefined && claims[c.parent]) {
    panelBody.appendChild(el('h3', '', 'Answers'));
    panelBody.appendChild(claimButton(c.parent, describe(c.parent)));
  }
  const answers = c.children || [];
  if (answers.length) {
    panelBody.appendChild(el('h3', '', `Answered by ${answers.length}`));
    const list = el('ul', '');
    for (const a of answers) {
      const li = el('li', '');
      li.appendChild(claimButton(a, describe(a)));
      list.appendChild(li);
    }
    panelBody.appendChild(list);
    const fold = el('button', 'fold', folds.has(id) ? `Unfold its answers (${descendants(id).size})` : 'Fold its answers');
    fold.type = 'button';
    fold.addEventListener('click', () => toggleFold(id));
    panelBody.appendChild(fold);
  }
  panel.hidden = false;
  panel.scrollTop = 0;
  document.body.classList.add('panel-open');
}

function closePanel() {
  panel.hidden = true;
  document.body.classList.remove('panel-open');
}

// The part of the reading view the open panel leaves free, in pixels
// from its top (on a phone the panel is a sheet over its lower part).
function readingRoom() {
  const view = readingHost.getBoundingClientRect();
  if (panel.hidden) return view.height;
  const p = panel.getBoundingClientRect();
  return p.width >= view.width * 0.9 ? p.top - view.top : view.height;
}

// Shows the drawing or the reading view; the selection and the search
// carry over.
function setMode(next) {
  mode = next === 'list' ? 'list' : 'map';
  const list = mode === 'list';
  document.body.classList.toggle('reading', list);
  stage.hidden = list;
  readingHost.hidden = !list;
  viewToggle.textContent = list ? 'Map' : 'List';
  viewToggle.title = list ? 'Show the drawing (L)' : 'Read the map as a list (L)';
  if (list) {
    reading.build();
    drawMarks();
    if (selected !== null) reading.reveal(selected, readingRoom());
  } else {
    fit(false);
    if (selected !== null) reveal(selected, false);
  }
}

function select(id, glide) {
  if (id === null || !claims[id]) return;
  // A claim inside a fold is brought out.
  for (const f of Array.from(folds)) if (descendants(f).has(id)) folds.delete(f);
  selected = id;
  refresh();
  openPanel(id);
  if (mode === 'list') reading.reveal(id, readingRoom());
  else reveal(id, glide);
}

function deselect() {
  selected = null;
  closePanel();
  drawMarks();
}

function toggleFold(id) {
  if (folds.has(id)) folds.delete(id);
  else if ((claims[id].children || []).length) folds.add(id);
  refresh();
  if (selected !== null && claims[selected]) openPanel(selected);
}

// ---- The arrow keys: the structure, as in the editor (model/nav.rs) ----

function siblings(id) {
  const parent = claims[id].parent;
  return parent !== undefined && claims[parent] ? claims[parent].children : data.roots;
}

function walk(direction) {
  if (selected === null) {
    const first = data.thesis !== null && claims[data.thesis] ? data.thesis : data.roots[0];
    if (first !== undefined) select(first, true);
    return;
  }
  const c = claims[selected];
  let next;
  if (direction === 'up') next = c.parent;
  else if (direction === 'down') next = folds.has(selected) ? undefined : (c.children || [])[0];
  else {
    const row = siblings(selected);
    const i = row.indexOf(selected);
    next = row[direction === 'left' ? i - 1 : i + 1];
  }
  if (next !== undefined && claims[next]) select(next, true);
}

// ---- Search -----------------------------------------------------------------

function runSearch(query) {
  search.query = query.trim();
  search.matches = findClaims(data.order, claims, query);
  search.at = -1;
  searchCount.textContent = search.query
    ? search.matches.length === 1 ? '1 match' : `${search.matches.length} matches`
    : '';
  drawMarks();
}

function nextMatch(back) {
  if (!search.matches.length) return;
  const n = search.matches.length;
  search.at = back ? (search.at - 1 + n) % n : (search.at + 1) % n;
  searchCount.textContent = `${search.at + 1} of ${n}`;
  select(search.matches[search.at], true);
}

// ---- Pointer and touch: pan, pinch, tap -----------------------------------

const touches = new Map();
let gesture = null;

stage.addEventListener('pointerdown', (e) => {
  if (e.button !== undefined && e.button > 0) return;
  stage.setPointerCapture(e.pointerId);
  touches.set(e.pointerId, { x: e.clientX, y: e.clientY });
  gesture = { moved: false, start: { x: e.clientX, y: e.clientY }, target: e.target, pinch: null };
  if (touches.size === 2) {
    const [a, b] = Array.from(touches.values());
    gesture.pinch = { d: Math.hypot(a.x - b.x, a.y - b.y), mx: (a.x + b.x) / 2, my: (a.y + b.y) / 2 };
    gesture.moved = true;
  }
});

stage.addEventListener('pointermove', (e) => {
  if (!touches.has(e.pointerId) || !gesture) return;
  const last = touches.get(e.pointerId);
  touches.set(e.pointerId, { x: e.clientX, y: e.clientY });
  if (touches.size >= 2 && gesture.pinch) {
    const [a, b] = Array.from(touches.values());
    const d = Math.hypot(a.x - b.x, a.y - b.y);
    const mx = (a.x + b.x) / 2;
    const my = (a.y + b.y) / 2;
    const box = stage.getBoundingClientRect();
    panBy(mx - gesture.pinch.mx, my - gesture.pinch.my);
    if (gesture.pinch.d > 0) zoomAt(d / gesture.pinch.d, mx - box.left, my - box.top);
    gesture.pinch = { d, mx, my };
    return;
  }
  if (!gesture.moved && Math.hypot(e.clientX - gesture.start.x, e.clientY - gesture.start.y) > 5) {
    gesture.moved = true;
    stage.classList.add('dragging');
  }
  if (gesture.moved) panBy(e.clientX - last.x, e.clientY - last.y);
});

function pointerEnd(e) {
  if (!touches.has(e.pointerId)) return;
  touches.delete(e.pointerId);
  if (touches.size === 1 && gesture) gesture.pinch = null;
  if (touches.size > 0 || !gesture) return;
  stage.classList.remove('dragging');
  if (!gesture.moved && e.type === 'pointerup') tap(gesture.target);
  gesture = null;
}
stage.addEventListener('pointerup', pointerEnd);
stage.addEventListener('pointercancel', pointerEnd);

function tap(target) {
  const node = target && target.closest ? target.closest('[data-claim], [data-fold]') : null;
  if (!node) {
    if (!presenting.on) deselect();
    return;
  }
  if (node.dataset.fold !== undefined) {
    toggleFold(Number(node.dataset.fold));
    return;
  }
  const id = Number(node.dataset.claim);
  if (presenting.on) {
    openPanel(id);
    return;
  }
  select(id, false);
}

stage.addEventListener('wheel', (e) => {
  e.preventDefault();
  const box = stage.getBoundingClientRect();
  const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? box.height : 1;
  // A trackpad's pinch comes as a wheel with Ctrl held.
  const k = e.ctrlKey ? 0.01 : 0.0015;
  zoomAt(Math.exp(-e.deltaY * unit * k), e.clientX - box.left, e.clientY - box.top);
}, { passive: false });

// ---- Buttons and keys ---------------------------------------------------------

const button = (id, action) => document.getElementById(id).addEventListener('click', action);
button('fit', () => fit(true));
const toggleMode = () => setMode(mode === 'list' ? 'map' : 'list');
button('view-toggle', toggleMode);
// The buttons and keys zoom about the middle of the stage.
const zoomIn = () => { const { w, h } = stageSize(); zoomAt(RULES.zoom.step, w / 2, h / 2); };
const zoomOut = () => { const { w, h } = stageSize(); zoomAt(1 / RULES.zoom.step, w / 2, h / 2); };
button('zoom-in', zoomIn);
button('zoom-out', zoomOut);
button('present', () => presentAt(0));
button('step-next', () => presentAt(presenting.step + 1));
button('step-back', () => presentAt(presenting.step - 1));
button('step-overview', toggleOverview);
button('present-end', endPresenting);
button('panel-close', () => { if (presenting.on) closePanel(); else deselect(); });
button('help-button', () => { help.hidden = !help.hidden; });
button('help-close', () => { help.hidden = true; });
searchBox.addEventListener('input', () => runSearch(searchBox.value));
searchBox.addEventListener('keydown', (e) => {
  if (e.key === 'Enter') {
    e.preventDefault();
    nextMatch(e.shiftKey);
  } else if (e.key === 'Escape') {
    searchBox.value = '';
    runSearch('');
    searchBox.blur();
  }
});

document.addEventListener('keydown', (e) => {
  const typing = e.target instanceof HTMLInputElement;
  const command = e.ctrlKey || e.metaKey;
  if (command && (e.key === 'f' || e.key === 'F') && !presenting.on) {
    e.preventDefault();
    searchBox.focus();
    searchBox.select();
    return;
  }
  if (typing || e.altKey) return;
  if (!help.hidden && e.key === 'Escape') {
    help.hidden = true;
    return;
  }
  if (presenting.on) {
    const keys = {
      ArrowRight: () => presentAt(presenting.step + 1),
      ArrowDown: () => presentAt(presenting.step + 1),
      PageDown: () => presentAt(presenting.step + 1),
      ' ': () => presentAt(presenting.step + (e.shiftKey ? -1 : 1)),
      ArrowLeft: () => presentAt(presenting.step - 1),
      ArrowUp: () => presentAt(presenting.step - 1),
      PageUp: () => presentAt(presenting.step - 1),
      Home: () => presentAt(0),
      End: () => presentAt(data.steps.length - 1),
      o: toggleOverview,
      O: toggleOverview,
      Escape: () => (panel.hidden ? endPresenting() : closePanel()),
    };
    const action = keys[e.key];
    if (action && !command) {
      e.preventDefault();
      action();
    }
    return;
  }
  const keys = {
    ArrowUp: () => walk('up'),
    ArrowDown: () => walk('down'),
    ArrowLeft: () => walk('left'),
    ArrowRight: () => walk('right'),
    Home: () => (mode === 'list' ? readingHost.scrollTo({ top: 0 }) : fit(true)),
    F5: () => presentAt(0),
    l: toggleMode,
    L: toggleMode,
    Escape: deselect,
    '/': () => { searchBox.focus(); searchBox.select(); },
    '+': zoomIn,
    '=': zoomIn,
    '-': zoomOut,
    '?': () => { help.hidden = !help.hidden; },
  };
  if (e.key === '.' && selected !== null) {
    e.preventDefault();
    toggleFold(selected);
    return;
  }
  const action = keys[e.key];
  if (action && !command) {
    e.preventDefault();
    action();
  }
});

window.addEventListener('resize', () => {
  if (presenting.on) frameStep(false);
  else if (mode === 'map') apply(false);
});

// What tests and curious readers can ask of the viewer.
window.argmap = {
  data,
  camera: () => ({ ...camera, ...stageSize() }),
  frameFor,
  presentationFrame,
  state: () => ({
    mode,
    selected,
    folds: Array.from(folds),
    presenting: presenting.on ? presenting.step : null,
    matches: search.matches.slice(),
    shown: ids.filter(visible),
  }),
  select: (id) => select(id, false),
  present: presentAt,
  panBy,
  zoomAt,
  fit,
  setMode,
  drawn: () => ids.filter((id) => visible(id) && claimNodes.get(id).isConnected),
  idle,
};

refresh();
setMode(mode);
