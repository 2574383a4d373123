// Rectangles and frames in map units, for the handout viewer (viewer.js):
// the editor's framing rules (draw/geometry.rs) for the browser's window.
// Pure functions. Their numbers come from Argmap as RULES.present (the
// page's data, see src/web/data.rs), and tests/web/conformance.mjs runs
// them on every step of every shipped map against the Rust code.

const union = (a, b) => {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
};
const center = (r) => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });
const contains = (outer, inner) =>
  inner.x >= outer.x && inner.y >= outer.y &&
  inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;

// What a presentation shows of the map on a screen of vw × vh: the cards
// with a margin, never closer than the largest zoom, widened to the
// screen's shape (geometry::presentation_frame).
function presentationFrame(rects, vw, vh) {
  if (!rects.length) return null;
  const { margin, max_zoom: maxZoom } = RULES.present;
  let b = rects.reduce(union);
  b = { x: b.x - margin, y: b.y - margin, w: b.w + 2 * margin, h: b.h + 2 * margin };
  let w = Math.max(b.w, vw / maxZoom);
  let h = Math.max(b.h, vh / maxZoom);
  if (w / h > vw / vh) h = (w * vh) / vw;
  else w = (h * vw) / vh;
  const c = center(b);
  return { x: c.x - w / 2, y: c.y - h / 2, w, h };
}

// A step framed with what it answers, as far as text stays readable;
// the context left out is listed in `beyond` (geometry::step_frame).
function stepFrame(cards, context, vw, vh) {
  const zoom = (f) => vw / Math.max(f.w, 1e-7);
  const frameOf = (extra) => presentationFrame(cards.concat(extra.map((i) => context[i])), vw, vh);
  const all = context.map((_, i) => i);
  const whole = frameOf(all);
  const minZoom = RULES.present.min_zoom;
  if (whole && zoom(whole) >= minZoom) return { view: whole, beyond: [] };
  if (!cards.length) return null;
  const own = center(cards.reduce(union));
  const dist = (i) => {
    const c = center(context[i]);
    return (c.x - own.x) ** 2 + (c.y - own.y) ** 2;
  };
  const byDistance = all.slice().sort((a, b) => dist(a) - dist(b));
  const taken = [];
  for (const i of byDistance) {
    taken.push(i);
    const f = frameOf(taken);
    if (!f || zoom(f) < minZoom) taken.pop();
  }
  const view = frameOf(taken);
  if (!view) return null;
  return { view, beyond: all.filter((i) => !contains(view, context[i])) };
}

function clamp(v, lo, hi) {
  return Math.min(hi, Math.max(lo, v));
}

// Where a pointer toward `target` goes on the screen: on the line from
// the middle toward it, `inset` inside the edge (geometry::edge_point).
function edgePoint(w, h, target, inset) {
  const cx = w / 2;
  const cy = h / 2;
  const tx = target.x - cx;
  const ty = target.y - cy;
  const hx = w / 2 - inset;
  const hy = h / 2 - inset;
  const sx = Math.abs(tx) > 1e-6 ? hx / Math.abs(tx) : Infinity;
  const sy = Math.abs(ty) > 1e-6 ? hy / Math.abs(ty) : Infinity;
  const k = Math.min(sx, sy, 1);
  return { x: cx + tx * k, y: cy + ty * k };
}

// The part of a segment inside `r`, as fractions of it (Liang–Barsky).
function clipSegment(a, b, r) {
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  for (const [p, q] of [[-dx, a.x - r.x], [dx, r.x + r.w - a.x], [-dy, a.y - r.y], [dy, r.y + r.h - a.y]]) {
    if (p === 0) {
      if (q < 0) return null;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
    }
  }
  return t0 <= t1 ? [t0, t1] : null;
}
