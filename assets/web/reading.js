// The reading view of the handout viewer (viewer.js): the map told row by
// row as the outline tells it, each claim a card the width of the screen,
// indented under what it answers, with "because", "but" and "and" in
// words. A phone opens here: the drawing is too wide to read on one, and
// this view wraps its words to any width.

// The view, built the first time it is shown, in `host`, its elements
// made by the viewer's `el`. `open(id)` is called when a card is tapped,
// `fold(id)` when a fold mark is.
function makeReading({ host, data, claims, links, el, open, fold }) {
  // Indented this far per level, up to this many levels: deeper rows keep
  // the last indent (their connective still says what they answer), so a
  // card never gets narrower than a phone can read.
  const INDENT = 14;
  const DEEPEST = 8;
  const cards = new Map();
  const rows = [];
  let built = false;

  function cardOf(id) {
    const c = claims[id];
    const card = el('div', `read-card role-${c.role}${c.kind === 'note' ? ' kind-note' : ''}`);
    card.dataset.read = String(id);
    card.tabIndex = 0;
    card.setAttribute('role', 'button');
    const head = el('div', 'read-head');
    head.appendChild(el('span', 'read-role', c.label));
    if (c.status) head.appendChild(el('span', `read-status ${c.status.word}`, `${c.status.symbol} ${c.status.word}`));
    card.appendChild(head);
    if (c.titled) card.appendChild(el('div', 'read-title', c.title));
    // Evidence as debaters cut it: the tag, then the cite and the quoted
    // words.
    if (c.short_cite) {
      const cut = el('div', 'read-cut');
      cut.appendChild(el('b', '', c.short_cite));
      if (c.quote) cut.appendChild(document.createTextNode(`: “${c.quote}”`));
      card.appendChild(cut);
    }
    card.appendChild(el('div', 'read-text', c.text));
    if (c.cite) card.appendChild(el('div', 'read-cite', c.cite));
    const folded = el('button', 'read-fold');
    folded.type = 'button';
    folded.hidden = true;
    folded.dataset.fold = String(id);
    card.appendChild(folded);
    cards.set(id, card);
    return card;
  }

  // A premise told in an earlier row: a pointer back to it.
  function againOf(id) {
    const c = claims[id];
    const again = el('button', 'read-again', `↑ ${c.title}`);
    again.appendChild(el('span', 'read-told', ' · told above'));
    again.type = 'button';
    again.dataset.read = String(id);
    again.title = `Told above (#${id}), with what answers it`;
    return again;
  }

  function build() {
    if (built) return;
    built = true;
    const list = el('div', 'read-list');
    for (const row of data.reading) {
      const shown = row.claims.filter((id) => claims[id]);
      if (!shown.length) continue;
      const line = el('div', 'read-row');
      line.style.marginLeft = `${Math.min(row.depth, DEEPEST) * INDENT}px`;
      if (row.depth === 0) line.classList.add('read-root');
      const kind = row.link !== undefined && links[row.link] ? links[row.link].kind : null;
      if (kind) line.classList.add(kind);
      if (row.connective) line.appendChild(el('div', 'read-connective', row.connective));
      shown.forEach((id, i) => {
        if (i > 0) line.appendChild(el('div', 'read-and', 'and'));
        line.appendChild((row.repeats || []).includes(id) ? againOf(id) : cardOf(id));
      });
      rows.push({ line, claims: shown });
      list.appendChild(line);
    }
    host.appendChild(list);
    host.addEventListener('click', (e) => {
      const target = e.target.closest ? e.target.closest('[data-fold], [data-read]') : null;
      if (!target) return;
      if (target.dataset.fold !== undefined) fold(Number(target.dataset.fold));
      else open(Number(target.dataset.read));
    });
    host.addEventListener('keydown', (e) => {
      const target = e.target.closest ? e.target.closest('.read-card') : null;
      if (!target || (e.key !== 'Enter' && e.key !== ' ')) return;
      e.preventDefault();
      open(Number(target.dataset.read));
    });
  }

  // Shows what is not folded away, the selection and the search's
  // matches; `folded` maps each fold to how many claims it hides.
  function mark({ visible, selected, matches, folded }) {
    if (!built) return;
    for (const row of rows) row.line.hidden = !row.claims.some(visible);
    const matching = new Set(matches);
    for (const [id, card] of cards) {
      card.classList.toggle('selected', id === selected);
      card.classList.toggle('match', matching.has(id));
      card.setAttribute('aria-pressed', String(id === selected));
      const badge = card.querySelector('.read-fold');
      const hidden = folded.get(id) || 0;
      badge.hidden = hidden === 0;
      badge.textContent = hidden ? `▸ ${hidden} folded` : '';
    }
  }

  // Scrolls `id`'s card into the part of the view `free` pixels tall
  // from the top (the rest is under the open sheet).
  function reveal(id, free) {
    const card = cards.get(id);
    if (!card) return;
    const view = host.getBoundingClientRect();
    const r = card.getBoundingClientRect();
    const room = Math.max(80, Math.min(view.height, free));
    const top = r.top - view.top;
    if (top < 8 || top + Math.min(r.height, room - 16) > room - 8) {
      host.scrollTop += top - Math.max(8, (room - Math.min(r.height, room)) / 3);
    }
  }

  return { build, mark, reveal, card: (id) => cards.get(id) };
}
