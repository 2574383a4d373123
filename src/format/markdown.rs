//! The map as a Markdown outline for handouts: the thesis, then its
//! reasons ("because") and objections ("but"), nested as deep as the
//! argument goes, linked premises on one line, citations as footnotes.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::model::reading::{Step, walk};
use crate::model::{Citation, ClaimId, LinkId, Map};

/// `map` as a Markdown outline.
pub fn to_markdown(map: &Map) -> String {
    to_markdown_marked(map, &Marks::default())
}

/// What an evaluated outline adds to the claims and links it lists, in
/// plain words (escaped when written).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Marks {
    /// After each claim, in italics and parentheses: its status and why
    /// ("✓ holds: “A” (strong) outweighs “B” (weak) — preponderance").
    pub claims: BTreeMap<ClaimId, String>,
    /// After a link's connective, in italics and parentheses: why it
    /// fails ("✗ does not follow").
    pub links: BTreeMap<LinkId, String>,
}

/// `map` as a Markdown outline with `marks` (see [`Marks`]).
pub fn to_markdown_marked(map: &Map, marks: &Marks) -> String {
    to_markdown_quoted(map, marks, &BTreeMap::new())
}

/// [`to_markdown_marked`], each claim's footnote also giving the words it
/// quotes, from `quotes` (read from the sources by the caller).
pub fn to_markdown_quoted(map: &Map, marks: &Marks, quotes: &BTreeMap<ClaimId, String>) -> String {
    let mark = |id: &ClaimId| {
        marks
            .claims
            .get(id)
            .map(|m| format!(" *({})*", inline(m)))
            .unwrap_or_default()
    };
    let mut out = String::new();
    let title = map.heading();
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
                } else if claim.kind == crate::model::ClaimKind::Note {
                    "Note"
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
                let connective = link.weighed_connective();
                let failing = marks
                    .links
                    .get(&id)
                    .map(|m| format!(" *({})*", inline(m)))
                    .unwrap_or_default();
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
                    "{}- **{connective}**{failing} {}",
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
            // A quote that ends its sentence ends the footnote too.
            let stop = if ends_sentence(&text) { "" } else { "." };
            let _ = writeln!(out, "[^{}]: {text}{stop}", i + 1);
        }
    }
}

/// Whether `text` ends a sentence already: with a full stop, question or
/// exclamation mark, also inside closing quotation marks.
fn ends_sentence(text: &str) -> bool {
    let text = text.trim_end().trim_end_matches(['”', '’', '"', '\'', ')']);
    text.ends_with(['.', '!', '?', '…'])
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
    use crate::model::{Claim, Link, LinkKind, Pos, Source, Target, Weight};

    #[test]
    fn a_note_is_called_a_note_and_a_quoted_sentence_ends_once() {
        let mut map = Map::new("Notes");
        let p = Pos::default();
        let t = map.add_claim(Claim::new("A thesis", p));
        map.thesis = Some(t);
        map.add_claim(Claim {
            kind: crate::model::ClaimKind::Note,
            ..Claim::new("Read paragraph 3 first", p)
        });
        let quoted = map.add_claim(Claim {
            source: Some(Citation {
                doc: "essay".into(),
                para: Some(2),
                ..Citation::default()
            }),
            ..Claim::new("Taken seriously", p)
        });
        map.add_link(Link::new(LinkKind::Support, vec![quoted], Target::Claim(t)));
        let words = [(quoted, "They take it seriously.".to_owned())].into();
        let text = to_markdown_quoted(&map, &Marks::default(), &words);
        assert!(text.contains("**Note:** Read paragraph 3 first"), "{text}");
        assert!(!text.contains("**Claim:** Read paragraph 3"), "{text}");
        assert!(text.contains("“They take it seriously.”\n"), "{text}");
        assert!(!text.contains("seriously.”."), "{text}");
    }

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
        let undercut = map.add_link(Link::new(LinkKind::Attack, vec![u], Target::Link(linked)));
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

        // Weighed links say their weight; marks follow claims and links.
        for (link, weight) in [(linked, 0.8), (undercut, 0.2)] {
            if let (Some(link), Some(weight)) = (map.links.get_mut(&link), Weight::new(weight)) {
                link.weight = weight;
            }
        }
        let marks = Marks {
            claims: [(t, "✓ holds: “A” (strong) outweighs “B” (weak)".to_owned())].into(),
            links: [(linked, "✗ does not follow".to_owned())].into(),
        };
        let marked = to_markdown_marked(&map, &marks);
        assert!(
            marked.contains(
                "**Thesis:** Homework should be \\*optional\\*. *(✓ holds: “A” (strong) \
                 outweighs “B” (weak))*"
            ),
            "{marked}"
        );
        assert!(
            marked.contains(
                "- **because (strong)** *(✗ does not follow)* Children need rest. **and**"
            ),
            "{marked}"
        );
        assert!(
            marked.contains("- **but that does not follow (weak):** Habits form"),
            "{marked}"
        );
    }
}
