// Search, for the handout viewer (viewer.js): the rule of the editor's
// Find (src/model/find.rs). Each claim's searched words come lowercased in
// the page's data (`search`), the characters between a query's words as
// RULES.search.separators, and the claims in reading order (`order`); a
// claim matches when every word of the query is in its searched words.
// Pure functions; tests/web/conformance.mjs runs them on cases the Rust
// code generates.

let separatorPattern = null;

// The words of `query`, lowercased.
function queryWords(query) {
  if (!separatorPattern) {
    const chars = Array.from(RULES.search.separators, (c) => `\\u{${c.codePointAt(0).toString(16)}}`);
    separatorPattern = new RegExp(`[${chars.join('')}]`, 'u');
  }
  return query.split(separatorPattern).filter((w) => w.length > 0).map((w) => w.toLowerCase());
}

// The claims of `order` that match `query`, in that order.
function findClaims(order, claims, query) {
  const words = queryWords(query);
  if (!words.length) return [];
  return order.filter((id) => {
    const c = claims[id];
    return c !== undefined && words.every((w) => c.search.includes(w));
  });
}
