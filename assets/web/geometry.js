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

// The farthest a presentation frames a step on a screen of vw × vh: card
// text at least RULES.present.min_text points, and that share of the
// screen's height (framing::screen_min_zoom).
function screenMinZoom(vh) {
  const { min_text: minText, min_text_share: share, text_size: size } = RULES.present;
  return Math.max(minText, vh * share) / size;
}

// `start`, then each of `rest` nearest to `from` first that still fits
// with those taken (framing::greedy).
function greedy(start, rest, rects, from, fits) {
  const dist = (i) => {
    const c = center(rects[i]);
    return (c.x - from.x) ** 2 + (c.y - from.y) ** 2;
  };
  const sorted = rest.slice().sort((a, b) => dist(a) - dist(b));
  const taken = start.slice();
  for (const i of sorted) {
    taken.push(i);
    if (!fits(taken)) taken.pop();
  }
  return taken;
}

// A step framed with what it answers, as far as text stays readable: the
// step's own cards first (the first and the nearest to it when all do not
// fit), then the context nearest first; what is left out is listed in
// `beyond` (context) and `beyondStep` (the step's own cards), as
// framing::step_frame does.
function stepFrame(cards, context, vw, vh) {
  if (!cards.length) return null;
  const minZoom = screenMinZoom(vh);
  const zoom = (f) => vw / Math.max(f.w, 1e-7);
  const frameOf = (own, extra) =>
    presentationFrame(own.map((i) => cards[i]).concat(extra.map((i) => context[i])), vw, vh);
  const fits = (own, extra) => {
    const f = frameOf(own, extra);
    return !!f && zoom(f) >= minZoom;
  };
  const allOwn = cards.map((_, i) => i);
  const allContext = context.map((_, i) => i);
  const own = fits(allOwn, [])
    ? allOwn
    : greedy([0], allOwn.slice(1), cards, center(cards[0]), (t) => fits(t, []));
  const middle = center(own.map((i) => cards[i]).reduce(union));
  const taken = fits(own, allContext)
    ? allContext
    : greedy([], allContext, context, middle, (t) => fits(own, t));
  const view = frameOf(own, taken);
  if (!view) return null;
  return {
    view,
    beyond: allContext.filter((i) => !contains(view, context[i])),
    beyondStep: allOwn.filter((i) => !contains(view, cards[i])),
  };
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
