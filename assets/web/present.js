// Presenting, for the handout viewer (viewer.js): step by step, each step
// framed as the editor frames it (geometry.js), with pointers at the edge
// toward what does not fit. Only functions: they run in the viewer's scope
// (Argmap joins the parts) and use its camera, state and layers.

function presentAt(step) {
  const n = data.steps.length;
  if (!n) return;
  if (mode === 'list') {
    // Presenting shows the drawing; the list comes back after.
    presenting.fromList = true;
    setMode('map');
  }
  presenting.on = true;
  presenting.overview = false;
  presenting.step = clamp(step, 0, n - 1);
  presenting.revealed = new Set();
  for (let i = 0; i <= presenting.step; i++) for (const c of data.steps[i].claims) presenting.revealed.add(c);
  document.body.classList.add('presenting');
  presentBar.hidden = false;
  closePanel();
  stepCount.textContent = `Step ${presenting.step + 1} of ${n}`;
  refresh();
  frameStep(true);
}

// The camera for the current step on this screen, as the editor frames
// it; what it answers but does not fit is pointed at from the edge.
function frameStep(glide) {
  const { w, h } = stageSize();
  if (presenting.overview) {
    presenting.beyond = [];
    const all = ids.map(rectOf);
    const view = presentationFrame(all, w, h);
    if (view) show(view, glide);
    return;
  }
  const step = data.steps[presenting.step];
  const framing = frameFor(presenting.step, w, h);
  const own = step.own.filter((c) => claims[c.claim]);
  const context = step.context.filter((c) => claims[c.claim]);
  presenting.beyond = framing
    ? framing.beyondStep.map((i) => own[i]).concat(framing.beyond.map((i) => context[i]))
    : [];
  const view = framing ? framing.view : presentationFrame([{ x: bx, y: by, w: bw, h: bh }], w, h);
  if (view) show(view, glide);
}

function frameFor(index, w, h) {
  const step = data.steps[index];
  const cards = step.claims.filter((c) => claims[c]).map(rectOf);
  const context = step.context.filter((c) => claims[c.claim]);
  return stepFrame(cards, context.map((c) => rectOf(c.claim)), w, h);
}

function endPresenting() {
  presenting.on = false;
  presenting.beyond = [];
  document.body.classList.remove('presenting');
  presentBar.hidden = true;
  refresh();
  if (presenting.fromList) {
    presenting.fromList = false;
    setMode('list');
  } else requestAnimationFrame(() => fit(true));
}

function toggleOverview() {
  presenting.overview = !presenting.overview;
  if (presenting.overview) {
    presenting.revealed = new Set(ids);
    stepCount.textContent = `Overview · step ${presenting.step + 1} of ${data.steps.length}`;
    refresh();
    frameStep(true);
  } else {
    presentAt(presenting.step);
  }
}

// Pointers at the screen's edge toward what the step answers (or the
// rest of a step too large to show at once), each label slid along its
// edge clear of every card on show and of the labels before it
// (framing::pointer_place); with no clear place, the arrow alone.
function drawPointers() {
  pointersLayer.replaceChildren();
  if (!presenting.on || presenting.overview) return;
  const { w, h } = stageSize();
  const onScreen = (r) => ({
    x: (r.x - camera.x) * camera.s,
    y: (r.y - camera.y) * camera.s,
    w: r.w * camera.s,
    h: r.h * camera.s,
  });
  const avoid = [...presenting.revealed].filter((c) => claims[c]).map((c) => onScreen(rectOf(c)))
    .filter((r) => r.x < w && r.y < h && r.x + r.w > 0 && r.y + r.h > 0);
  const gap = 8;
  const clear = (r) => !avoid.some((a) =>
    r.x < a.x + a.w + gap && r.x + r.w + gap > a.x && r.y < a.y + a.h + gap && r.y + r.h + gap > a.y);
  for (const context of presenting.beyond) {
    const screen = center(onScreen(rectOf(context.claim)));
    const at = edgePoint(w, h, screen, 24);
    const box = el('div', 'pointer');
    const arrow = el('span', 'arrow', '→');
    arrow.style.display = 'inline-block';
    box.appendChild(arrow);
    const label = el('span', 'label', context.pointer);
    box.appendChild(label);
    pointersLayer.appendChild(box);
    const bw2 = box.offsetWidth;
    const bh2 = box.offsetHeight;
    const first = {
      x: clamp(at.x - bw2 / 2, 8, w - bw2 - 8),
      y: clamp(at.y - bh2 / 2, 8, h - bh2 - 8),
      w: bw2,
      h: bh2,
    };
    // Where it points from, else around the edge, a quarter of the box's
    // height at a time, the nearest first (framing::pointer_place).
    let place = clear(first) ? first : null;
    if (!place) {
      const stride = Math.max(1, bh2 / 4);
      const spots = [];
      const lo = { x: 8, y: 8 };
      const hi = { x: w - bw2 - 8, y: h - bh2 - 8 };
      for (let x = lo.x; x <= hi.x; x += stride) spots.push({ x, y: lo.y }, { x, y: hi.y });
      for (let y = lo.y; y <= hi.y; y += stride) spots.push({ x: lo.x, y }, { x: hi.x, y });
      const from = (p) => Math.hypot(p.x - first.x, p.y - first.y);
      spots.sort((p, q) => from(p) - from(q));
      place = spots.map((spot) => ({ ...first, ...spot })).find(clear) ?? null;
    }
    if (!place) {
      // No clear place: the arrow alone, at the edge.
      label.remove();
      box.classList.add('bare');
      place = { x: clamp(at.x - 12, 0, w - 24), y: clamp(at.y - 12, 0, h - 24), w: 24, h: 24 };
    } else {
      avoid.push(place);
    }
    const turned = Math.atan2(screen.y - (place.y + place.h / 2), screen.x - (place.x + place.w / 2));
    arrow.style.transform = `rotate(${turned}rad)`;
    box.style.left = `${place.x}px`;
    box.style.top = `${place.y}px`;
  }
}
