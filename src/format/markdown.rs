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
                    stated(map, claim, quotes.get(&id)),
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
                            stated(map, claim, quotes.get(p)),
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
    write_references(&mut out, map);
    out
}

/// The reference list, in the map's citation style, of the sources that
/// have reference details.
fn write_references(out: &mut String, map: &Map) {
    let list = crate::cite::detailed_references(map);
    if list.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n## References\n");
    for reference in list {
        let _ = writeln!(out, "{}\n", reference.text.markdown());
    }
    // One blank line at the end, as after every other part.
    while out.ends_with("\n\n") {
        out.pop();
    }
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
            // A source with reference details is cited in the map's style
            // ("Doe, 2021, para. 4"), its reference in the list below.
            let styled = map
                .sources
                .get(&citation.doc)
                .filter(|s| s.has_reference_details())
                .and_then(|_| crate::cite::in_text(map, &citation.doc, citation.paragraphs()));
            if let Some(styled) = styled {
                let bare = styled.trim();
                let bare = bare
                    .strip_prefix('(')
                    .and_then(|b| b.strip_suffix(')'))
                    .unwrap_or(bare);
                let mut text = inline(bare);
                if let Some(quote) = quote {
                    let _ = write!(text, ": “{}”", inline(quote));
                }
                let stop = if ends_sentence(&text) { "" } else { "." };
                let _ = writeln!(out, "[^{}]: {text}{stop}", i + 1);
                continue;
            }
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
fn stated(map: &Map, claim: &crate::model::Claim, quote: Option<&String>) -> String {
    if let Some(line) = evidence_line(map, claim, quote) {
        return line;
    }
    match claim.title.as_deref().map(str::trim) {
        Some(title) if !title.is_empty() => format!("*{}:* {}", inline(title), inline(&claim.text)),
        _ => inline(&claim.text),
    }
}

/// Evidence as debaters cut it, when its source can be cited (it names
/// someone or gives a year):
/// the tag (its title), the cite, the quoted words (its own words when it
/// quotes nothing) — "*Tag* — Doe 2021: “…”".
fn evidence_line(map: &Map, claim: &crate::model::Claim, quote: Option<&String>) -> Option<String> {
    if claim.kind != crate::model::ClaimKind::Evidence {
        return None;
    }
    let cite = map.sources.get(&claim.source.as_ref()?.doc)?.short_cite()?;
    let words = match quote {
        Some(quote) => format!("“{}”", inline(quote)),
        None => inline(&claim.text),
    };
    Some(format!(
        "*{}* — {}: {words}",
        inline(&claim.shown_title()),
        inline(&cite)
    ))
}

/// `text` on one line, with Markdown's markup characters escaped so it
/// reads as written.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&crate::words::escape_markdown(word));
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
             [^1]: Ann Author, n.d., para. 4.\n\n\
             ## References\n\n\
             Ann Author. (n.d.). *A study*.\n"
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

    #[test]
    fn evidence_reads_as_a_cut_card_and_detailed_sources_are_cited_in_style() {
        let mut map = Map::new("Homework");
        map.sources.insert(
            "study".into(),
            Source {
                title: "Homework and achievement".into(),
                work: crate::model::Work::Article,
                authors: vec![crate::model::Name {
                    family: "Cooper".into(),
                    given: Some("Harris".into()),
                    ..crate::model::Name::default()
                }],
                container: Some("Review of Educational Research".into()),
                date: Some("2006".into()),
                volume: Some("76".into()),
                issue: Some("1".into()),
                pages: Some("1-62".into()),
                ..Source::default()
            },
        );
        let thesis = map.add_claim(Claim::new(
            "Homework should be optional.",
            Pos::new(0.0, 0.0),
        ));
        map.thesis = Some(thesis);
        let mut evidence = Claim::new("Little gain before age eleven.", Pos::new(0.0, 200.0));
        evidence.title = Some("No gain for young pupils".into());
        evidence.kind = crate::model::ClaimKind::Evidence;
        evidence.source = Some(Citation {
            doc: "study".into(),
            para: Some(4),
            ..Citation::default()
        });
        let evidence = map.add_claim(evidence);
        map.add_link(Link::new(
            LinkKind::Support,
            vec![evidence],
            Target::Claim(thesis),
        ));
        let quotes = BTreeMap::from([(evidence, "the link is weak in primary school".to_owned())]);
        let outline = to_markdown_quoted(&map, &Marks::default(), &quotes);
        assert!(
            outline.contains("- **because** *No gain for young pupils* — Cooper 2006: “the link is weak in primary school”[^1]"),
            "{outline}"
        );
        assert!(
            outline.contains("[^1]: Cooper, 2006, para. 4: “the link is weak in primary school”."),
            "{outline}"
        );
        assert!(
            outline.ends_with("## References\n\nCooper, H. (2006). Homework and achievement. *Review of Educational Research*, *76*(1), 1–62.\n"),
            "{outline}"
        );
        // Without a quote, its own words.
        let plain = to_markdown(&map);
        assert!(
            plain.contains(
                "*No gain for young pupils* — Cooper 2006: Little gain before age eleven."
            ),
            "{plain}"
        );
        map.citation_style = crate::model::CitationStyle::Mla;
        let mla = to_markdown(&map);
        assert!(mla.contains("[^1]: Cooper, par. 4."), "{mla}");
    }
}
