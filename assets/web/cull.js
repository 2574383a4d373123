// Culling for the handout viewer (viewer.js): on a large map only what is
// near the view is in the document, so a browser has little to lay out
// and draw whatever the size of the map.

// The culler of a drawing: `cull(view, from)` after each camera move.
function makeCuller({ svg, ids, links, claims, claimNodes, titleNodes, linkNodes, rectOf }) {
  // Below this many claims the browser draws the whole map at once.
  const CULL_FROM = 400;
  const CELL = 1000;
  const culling = ids.length >= CULL_FROM;
  const cells = new Map();
  const onShow = new Set();
  let culledFor = null;

  function cellKeys(r) {
    const keys = [];
    for (let cx = Math.floor(r.x / CELL); cx <= Math.floor((r.x + r.w) / CELL); cx++) {
      for (let cy = Math.floor(r.y / CELL); cy <= Math.floor((r.y + r.h) / CELL); cy++) keys.push(`${cx},${cy}`);
    }
    return keys;
  }

  // Many changes at once are made with the layers out of the document:
  // a browser then does its bookkeeping once, not once per card.
  const layers = [svg.querySelector('.links'), svg.querySelector('.cards'), svg.querySelector('.overview-titles')].filter(Boolean);
  function offstage(work) {
    const spots = layers.map((layer) => {
      const spot = document.createComment('');
      layer.replaceWith(spot);
      return spot;
    });
    work();
    spots.forEach((spot, i) => spot.replaceWith(layers[i]));
  }

  if (culling) offstage(() => {
    const entries = [];
    for (const id of ids) {
      const nodes = [claimNodes.get(id), titleNodes.get(id)].filter(Boolean);
      entries.push({ nodes, rect: rectOf(id) });
    }
    for (const [id, node] of linkNodes) {
      const ends = (links[id] ? links[id].ends : []).filter((c) => claims[c]).map(rectOf);
      if (!ends.length) continue;
      const r = ends.reduce(union);
      entries.push({ nodes: [node], rect: { x: r.x - 60, y: r.y - 60, w: r.w + 120, h: r.h + 120 } });
    }
    // Each node's place among its layer's children, to put it back in.
    const place = new Map();
    for (const layer of layers) Array.from(layer.children).forEach((n, i) => place.set(n, i));
    for (const e of entries) {
      e.parents = e.nodes.map((n) => n.parentNode);
      e.places = e.nodes.map((n) => place.get(n) ?? 0);
      for (const key of cellKeys(e.rect)) {
        if (!cells.has(key)) cells.set(key, []);
        cells.get(key).push(e);
      }
    }
    for (const layer of layers) layer.replaceChildren();
  });

  // A browser dashes a line along all its length, however little of it is
  // on screen: on a large map, each dashed arrow (an objection's) is cut
  // to the part that crosses the region drawn, its dashes kept in step.
  const dashed = [];
  if (culling) {
    // From the link groups themselves: culling has taken them out already.
    const arrows = [];
    for (const node of linkNodes.values()) arrows.push(...node.querySelectorAll('line[stroke-dasharray], polyline[stroke-dasharray]'));
    arrows.forEach((el) => {
      const pts = el.tagName === 'line'
        ? [['x1', 'y1'], ['x2', 'y2']].map(([x, y]) => ({ x: Number(el.getAttribute(x)), y: Number(el.getAttribute(y)) }))
        : el.getAttribute('points').trim().split(/\s+/).map((p) => {
          const [x, y] = p.split(',').map(Number);
          return { x, y };
        });
      dashed.push({ el, pts });
    });
  }

  function cutDashes(region) {
    for (const d of dashed) {
      let along = 0;
      let first = null;
      let last = null;
      for (let i = 0; i + 1 < d.pts.length; i++) {
        const a = d.pts[i];
        const b = d.pts[i + 1];
        const length = Math.hypot(b.x - a.x, b.y - a.y);
        const inside = clipSegment(a, b, region);
        if (inside) {
          if (first === null) first = { i, t: inside[0], at: along + inside[0] * length };
          last = { i, t: inside[1] };
        }
        along += length;
      }
      const lerp = (i, t) => ({ x: d.pts[i].x + (d.pts[i + 1].x - d.pts[i].x) * t, y: d.pts[i].y + (d.pts[i + 1].y - d.pts[i].y) * t });
      if (first === null) {
        // Nowhere near: nothing to draw until the view comes to it.
        first = { i: 0, t: 0, at: 0 };
        last = { i: 0, t: 0 };
      }
      const run = [lerp(first.i, first.t)];
      for (let i = first.i + 1; i <= last.i; i++) run.push(d.pts[i]);
      run.push(lerp(last.i, last.t));
      if (d.el.tagName === 'line') {
        d.el.setAttribute('x1', run[0].x);
        d.el.setAttribute('y1', run[0].y);
        d.el.setAttribute('x2', run[run.length - 1].x);
        d.el.setAttribute('y2', run[run.length - 1].y);
      } else {
        d.el.setAttribute('points', run.map((p) => `${p.x},${p.y}`).join(' '));
      }
      d.el.setAttribute('stroke-dashoffset', String(-first.at));
    }
  }

  // Draws what lies within `region` (map units), and nothing else.
  function cullTo(region) {
    cutDashes(region);
    const wanted = new Set();
    for (const key of cellKeys(region)) for (const e of cells.get(key) || []) wanted.add(e);
    offstage(() => update(wanted));
    culledFor = region;
  }

  // Out of the document, not merely hidden: a browser lays out hidden SVG
  // text again whenever the view moves. Each layer gets its children anew,
  // in their first order, at once: one by one costs a browser dearly.
  function update(wanted) {
    const children = new Map(layers.map((layer) => [layer, []]));
    for (const e of wanted) {
      e.nodes.forEach((n, i) => {
        const list = children.get(e.parents[i]);
        if (list) list.push([e.places[i], n]);
        else e.parents[i].appendChild(n);
      });
    }
    for (const [layer, list] of children) {
      list.sort((a, b) => a[0] - b[0]);
      layer.replaceChildren(...list.map((pair) => pair[1]));
    }
    onShow.clear();
    for (const e of wanted) onShow.add(e);
  }

  // After a camera move: if `view` has left the region drawn, draw the
  // region around it (the view and half a screen on every side), joined
  // with where a glide starts.
  function cull(view, from) {
    if (!culling) return;
    if (!from && culledFor && contains(culledFor, view) && culledFor.w < view.w * 4) return;
    const around = { x: view.x - view.w / 2, y: view.y - view.h / 2, w: view.w * 2, h: view.h * 2 };
    cullTo(from ? union(around, from) : around);
  }

  return { cull };
}
