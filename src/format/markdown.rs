//! The map as a Markdown outline for handouts: the thesis, then its
//! reasons ("because") and objections ("but"), nested as deep as the
//! argument goes, linked premises on one line, citations as footnotes.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::model::reading::{Step, walk};
use crate::model::{Citation, ClaimId, Map};

/// `map` as a Markdown outline.
pub fn to_markdown(map: &Map) -> String {
    to_markdown_marked(map, &BTreeMap::new())
}

/// `map` as a Markdown outline, each claim in `marks` followed by its mark
/// in italics and parentheses (an evaluation status, "✓ holds").
pub fn to_markdown_marked(map: &Map, marks: &BTreeMap<ClaimId, String>) -> String {
    to_markdown_quoted(map, marks, &BTreeMap::new())
}

/// [`to_markdown_marked`], each claim's footnote also giving the words it
/// quotes, from `quotes` (read from the sources by the caller).
pub fn to_markdown_quoted(
    map: &Map,
    marks: &BTreeMap<ClaimId, String>,
    quotes: &BTreeMap<ClaimId, String>,
) -> String {
    let mark = |id: &ClaimId| {
        marks
            .get(id)
            .map(|m| format!(" *({})*", inline(m)))
            .unwrap_or_default()
    };
    let mut out = String::new();
    let title = if map.title.trim().is_empty() {
        "Argument map"
    } else {
        map.title.trim()
    };
    let _ = writeln!(out, "# {}\n", inline(title));
    let mut notes = Footnotes::default();
    let mut first_root = true;
    for step in walk(map) {
        match step {
            Step::Root(id) => {
                let Some(claim) = map.claims.get(&id) else {
                    continue;
                };
                let label = if map.thesis == Some(id) {
                    "Thesis"
                } else {
                    "Claim"
                };
                if !first_root {
                    out.push('\n');
                }
                first_root = false;
                let _ = writeln!(
                    out,
                    "**{label}:** {}{}{}\n",
                    stated(claim),
                    notes.mark(claim.source.as_ref(), quotes.get(&id)),
                    mark(&id)
                );
            }
            Step::Link { id, depth, fresh } => {
                let Some(link) = map.links.get(&id) else {
                    continue;
                };
                let connective = link.connective();
                let premises: Vec<String> = link
                    .premises
                    .iter()
                    .zip(&fresh)
                    .filter_map(|(p, &new)| {
                        let claim = map.claims.get(p)?;
                        let again = if new { "" } else { " *(see above)*" };
                        Some(format!(
                            "{}{}{}{again}",
                            stated(claim),
                            notes.mark(claim.source.as_ref(), quotes.get(p)),
                            if new { mark(p) } else { String::new() }
                        ))
                    })
                    .collect();
                let _ = writeln!(
                    out,
                    "{}- **{connective}** {}",
                    "  ".repeat(depth),
                    premises.join(" **and** ")
                );
            }
        }
    }
    notes.write(&mut out, map);
    out
}

/// What makes two footnotes the same: source, first and last paragraph,
/// quoted words.
type NoteKey = (String, Option<u32>, Option<u32>, Option<String>);

/// Citations numbered in order of first use; the same citation twice
/// shares its number.
#[derive(Default)]
struct Footnotes {
    numbers: BTreeMap<NoteKey, usize>,
    order: Vec<(Citation, Option<String>)>,
}

impl Footnotes {
    fn mark(&mut self, citation: Option<&Citation>, quote: Option<&String>) -> String {
        let Some(citation) = citation else {
            return String::new();
        };
        let key = (
            citation.doc.clone(),
            citation.para,
            citation.paragraphs().map(|(_, last)| last),
            quote.cloned(),
        );
        let next = self.order.len() + 1;
        let number = *self.numbers.entry(key).or_insert_with(|| {
            self.order.push((citation.clone(), quote.cloned()));
            next
        });
        format!("[^{number}]")
    }

    fn write(&self, out: &mut String, map: &Map) {
        if self.order.is_empty() {
            return;
        }
        out.push('\n');
        for (i, (citation, quote)) in self.order.iter().enumerate() {
            let mut text = match map.sources.get(&citation.doc) {
                Some(source) => {
                    let mut text = format!("*{}*", inline(&source.title));
                    if let Some(author) = &source.author {
                        let _ = write!(text, ", {}", inline(author));
                    }
                    text
                }
                None => inline(&citation.doc),
            };
            match citation.paragraphs() {
                Some((first, last)) if last > first => {
                    let _ = write!(text, ", paragraphs {first}–{last}");
                }
                Some((first, _)) => {
                    let _ = write!(text, ", paragraph {first}");
                }
                None => {}
            }
            if let Some(quote) = quote {
                let _ = write!(text, ": “{}”", inline(quote));
            }
            if let Some(url) = map.sources.get(&citation.doc).and_then(|s| s.url.as_ref()) {
                let _ = write!(text, ". <{}>", url.trim());
            }
            let _ = writeln!(out, "[^{}]: {text}.", i + 1);
        }
    }
}

/// A claim as the outline states it: its title in italics first, when the
/// user gave it one, then its text.
fn stated(claim: &crate::model::Claim) -> String {
    match claim.title.as_deref().map(str::trim) {
        Some(title) if !title.is_empty() => format!("*{}:* {}", inline(title), inline(&claim.text)),
        _ => inline(&claim.text),
    }
}

/// `text` on one line, with Markdown's markup characters escaped so it
/// reads as written.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            if matches!(
                c,
                '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '`' | '#' | '|' | '~'
            ) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, Link, LinkKind, Pos, Source, Target};

    #[test]
    #[expect(
        clippy::many_single_char_names,
        reason = "Claims named by their initials."
    )]
    fn reasons_objections_linked_premises_and_footnotes() {
        let mut map = Map::new("Homework");
        let p = Pos::default();
        let t = map.add_claim(Claim::new("Homework should be *optional*.", p));
        let a = map.add_claim(Claim::new("Children need rest.", p));
        let b = map.add_claim(Claim::new("Evenings are short.", p));
        let o = map.add_claim(Claim {
            source: Some(Citation {
                doc: "study".into(),
                para: Some(4),
                ..Citation::default()
            }),
            ..Claim::new("Practice builds habits.", p)
        });
        let u = map.add_claim(Claim::new("Habits form at school too.", p));
        map.thesis = Some(t);
        map.sources.insert(
            "study".into(),
            Source {
                title: "A study".into(),
                author: Some("Ann Author".into()),
                ..Source::default()
            },
        );
        let linked = map.add_link(Link::new(LinkKind::Support, vec![a, b], Target::Claim(t)));
        map.add_link(Link::new(LinkKind::Attack, vec![o], Target::Claim(t)));
        map.add_link(Link::new(LinkKind::Attack, vec![u], Target::Link(linked)));
        assert_eq!(
            to_markdown(&map),
            "# Homework\n\n\
             **Thesis:** Homework should be \\*optional\\*.\n\n\
             - **because** Children need rest. **and** Evenings are short.\n  \
             - **but that does not follow:** Habits form at school too.\n\
             - **but** Practice builds habits.[^1]\n\n\
             [^1]: *A study*, Ann Author, paragraph 4.\n"
        );
        assert_eq!(crate::model::reading::order(&map), vec![t, a, b, u, o]);
    }
}
