//! A map diff in words, for people (lines marked `+`, `-` and `~`, word
//! changes inline, in colour on a terminal), in one line (`--stat`), or as
//! JSON for tools.

use std::fmt::Write as _;

use super::diff::{ClaimDiff, Counts, Field, LinkDiff, MapDiff};
use super::words::Piece;
use crate::model::{ClaimId, Link, LinkKind, Map, Target};

/// How to write a diff for people.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Style {
    /// ANSI colours (red gone, green added, yellow changed) instead of
    /// `[-…-]` and `{+…+}` around changed words.
    pub color: bool,
    /// List every moved card with where it went, instead of counting them.
    pub moves: bool,
}

const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const YELLOW: &str = "\x1b[33m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// The diff from `old` to `new`, a line per change, under a heading that
/// names the file.
pub fn human(name: &str, diff: &MapDiff, old: &Map, new: &Map, style: Style) -> String {
    let mut out = String::new();
    // Every line is painted: what a map says is made visible first, so
    // only these colours reach the terminal.
    let paint = |color: &str, text: &str| {
        let text = crate::words::visible(text);
        if style.color {
            format!("{color}{text}{RESET}")
        } else {
            text.into_owned()
        }
    };
    let _ = writeln!(out, "{}", paint(BOLD, &format!("map {name}")));
    if diff.is_empty() {
        let _ = writeln!(out, "  no changes");
        return out;
    }
    if let Some(title) = &diff.title {
        let line = format!("~ title: “{}” → “{}”", title.old, title.new);
        let _ = writeln!(out, "{}", paint(YELLOW, &line));
    }
    if let Some(thesis) = &diff.thesis {
        let shown = |t: Option<ClaimId>| t.map_or("none".to_owned(), |t| t.to_string());
        let line = format!("~ thesis: {} → {}", shown(thesis.old), shown(thesis.new));
        let _ = writeln!(out, "{}", paint(YELLOW, &line));
    }
    for claim in &diff.claims {
        match claim {
            ClaimDiff::Added { id, claim } => {
                let line = format!("+ {id}{}: “{}”", role(new, *id), one_line(&claim.text));
                let _ = writeln!(out, "{}", paint(GREEN, &line));
            }
            ClaimDiff::Removed { id, claim } => {
                let line = format!("- {id}{}: “{}”", role(old, *id), one_line(&claim.text));
                let _ = writeln!(out, "{}", paint(RED, &line));
            }
            ClaimDiff::Changed { id, fields, moved } => {
                for field in fields {
                    let line = field_line(*id, field, style);
                    let _ = writeln!(out, "{line}");
                }
                if let (Some(pos), true) = (moved, style.moves) {
                    let _ = writeln!(out, "~ {id} moved {} → {}", at(pos.old), at(pos.new));
                }
            }
        }
    }
    if style.moves {
        for moved in &diff.moved {
            let _ = writeln!(
                out,
                "~ {} moved {} → {}",
                moved.id,
                at(moved.pos.old),
                at(moved.pos.new)
            );
        }
    } else {
        let moved = diff.moved.len()
            + diff
                .claims
                .iter()
                .filter(|c| matches!(c, ClaimDiff::Changed { moved: Some(_), .. }))
                .count();
        if moved > 0 {
            let cards = if moved == 1 { "card" } else { "cards" };
            let _ = writeln!(out, "  {moved} {cards} moved (--moves lists them)");
        }
    }
    for link in &diff.links {
        let (color, words) = link_line(link);
        let line = paint(color, &words);
        let _ = writeln!(out, "{line}");
    }
    if diff.presentation {
        let _ = writeln!(out, "{}", paint(YELLOW, "~ presentation order changed"));
    }
    for setting in &diff.settings {
        let _ = writeln!(out, "{}", paint(YELLOW, &format!("~ {setting}")));
    }
    out
}

/// One changed field as a line: the text word by word, the rest as old →
/// new.
fn field_line(id: ClaimId, field: &Field, style: Style) -> String {
    let change = |name: &str, old: String, new: String| {
        let line = format!("~ {id} {name}: {old} → {new}");
        let line = crate::words::visible(&line);
        if style.color {
            format!("{YELLOW}{line}{RESET}")
        } else {
            line.into_owned()
        }
    };
    let quoted = |v: &Option<String>| {
        v.as_deref()
            .map_or("none".to_owned(), |v| format!("“{}”", one_line(v)))
    };
    match field {
        Field::Text { words, .. } => {
            let mut line = format!("~ {id} text: ");
            for piece in words {
                match (piece, style.color) {
                    (Piece::Same(t), _) => line.push_str(&flat(t)),
                    (Piece::Gone(t), true) => {
                        let _ = write!(line, "{RED}{}{RESET}", flat(t));
                    }
                    (Piece::Came(t), true) => {
                        let _ = write!(line, "{GREEN}{}{RESET}", flat(t));
                    }
                    (Piece::Gone(t), false) => {
                        let _ = write!(line, "[-{}-]", flat(t));
                    }
                    (Piece::Came(t), false) => {
                        let _ = write!(line, "{{+{}+}}", flat(t));
                    }
                }
            }
            line
        }
        Field::Title(c) => change("title", quoted(&c.old), quoted(&c.new)),
        Field::Kind(c) => change(
            "kind",
            c.old.label().to_lowercase(),
            c.new.label().to_lowercase(),
        ),
        Field::Note(c) => change("note", quoted(&c.old), quoted(&c.new)),
        Field::Citation(c) => {
            let shown = |v: &Option<crate::model::Citation>| {
                v.as_ref().map_or("none".to_owned(), |c| {
                    c.label()
                        .map_or(c.doc.clone(), |label| format!("{} {label}", c.doc))
                })
            };
            change("citation", shown(&c.old), shown(&c.new))
        }
        Field::Assessment(c) => {
            let shown = |a: Option<crate::model::Assessment>| {
                a.map_or("unassessed".to_owned(), |a| format!("{a:?}").to_lowercase())
            };
            change("assessment", shown(c.old), shown(c.new))
        }
        Field::Tags(c) => change("tags", tags(&c.old), tags(&c.new)),
        Field::Pinned(c) => change(
            "pinned",
            if c.old { "yes" } else { "no" }.to_owned(),
            if c.new { "yes" } else { "no" }.to_owned(),
        ),
        Field::Standard(c) => {
            let shown = |s: Option<crate::model::Standard>| {
                s.map_or("the map's default".to_owned(), |s| s.label().to_owned())
            };
            change("standard", shown(c.old), shown(c.new))
        }
        Field::Speech(c) => change("speech", quoted(&c.old), quoted(&c.new)),
    }
}

fn tags(tags: &[String]) -> String {
    if tags.is_empty() {
        "none".to_owned()
    } else {
        tags.iter()
            .map(|t| format!("#{t}"))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Text on one line: line breaks as "⏎ ", control characters shown.
fn flat(text: &str) -> String {
    crate::words::visible(&text.replace('\n', "⏎ ")).into_owned()
}

/// A claim's text on one line, cut short.
fn one_line(text: &str) -> String {
    crate::words::one_line(text, 80)
}

fn at(pos: crate::model::Pos) -> String {
    format!("({:.0}, {:.0})", pos.x, pos.y)
}

/// What the claim answers in `map`: " (reason for #1)", " (objection to
/// #3)", " (undercuts link #4)", or nothing.
fn role(map: &Map, id: ClaimId) -> String {
    let Some((_, link)) = map.links_from(id).next() else {
        return String::new();
    };
    match (link.kind, link.target) {
        (_, Target::Link(l)) => format!(" (undercuts link {l})"),
        (LinkKind::Support, Target::Claim(t)) => format!(" (reason for {t})"),
        (LinkKind::Attack, Target::Claim(t)) => format!(" (objection to {t})"),
    }
}

/// One changed link as a line, with the colour it is painted in.
fn link_line(link: &LinkDiff) -> (&'static str, String) {
    match link {
        LinkDiff::Added { id, link } => (GREEN, format!("+ link {id}: {}", describe(link))),
        LinkDiff::Removed { id, link } => (RED, format!("- link {id}: {}", describe(link))),
        // Only its weight: said as a field, like a claim's.
        LinkDiff::Changed { id, old, new } if old.joins_as(new) => (
            YELLOW,
            format!(
                "~ link {id} ({}) weight: {} → {}",
                joins(new),
                old.weight.name(),
                new.weight.name()
            ),
        ),
        LinkDiff::Changed { id, old, new } => (
            YELLOW,
            format!("~ link {id}: {} → {}", describe(old), describe(new)),
        ),
    }
}

/// A link in words: "#4 supports #1", "#4 and #6 support #1", "#9
/// attacks link #3", with its weight when it is not full ("#4 supports
/// #1 (modest)").
pub fn describe(link: &Link) -> String {
    let weight = if link.weight == crate::model::Weight::FULL {
        String::new()
    } else {
        format!(" ({})", link.weight.name())
    };
    format!("{}{weight}", joins(link))
}

/// What a link joins, in words, its weight aside: "#4 supports #1".
fn joins(link: &Link) -> String {
    let premises: Vec<String> = link.premises.iter().map(ToString::to_string).collect();
    let verb = match (link.kind, link.premises.len()) {
        (LinkKind::Support, 1) => "supports",
        (LinkKind::Support, _) => "support",
        (LinkKind::Attack, 1) => "attacks",
        (LinkKind::Attack, _) => "attack",
    };
    let target = match link.target {
        Target::Claim(c) => c.to_string(),
        Target::Link(l) => format!("link {l}"),
    };
    format!("{} {verb} {target}", premises.join(" and "))
}

/// The diff in one line: "3 claims added, 1 changed, 5 moved; 2 links
/// added", or "no changes".
pub fn stat(name: &str, diff: &MapDiff) -> String {
    let Counts {
        claims_added,
        claims_removed,
        claims_changed,
        moved,
        links_added,
        links_removed,
        links_changed,
    } = diff.counts();
    let part = |n: usize, what: &str| (n > 0).then(|| format!("{n} {what}"));
    let claims: Vec<String> = [
        part(claims_added, "added"),
        part(claims_removed, "removed"),
        part(claims_changed, "changed"),
        part(moved, "moved"),
    ]
    .into_iter()
    .flatten()
    .collect();
    let links: Vec<String> = [
        part(links_added, "added"),
        part(links_removed, "removed"),
        part(links_changed, "changed"),
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut parts = Vec::new();
    if !claims.is_empty() {
        parts.push(format!("claims: {}", claims.join(", ")));
    }
    if !links.is_empty() {
        parts.push(format!("links: {}", links.join(", ")));
    }
    let settings = usize::from(diff.title.is_some())
        + usize::from(diff.thesis.is_some())
        + usize::from(diff.presentation)
        + diff.settings.len();
    if settings > 0 {
        parts.push(format!(
            "{settings} map setting{} changed",
            if settings == 1 { "" } else { "s" }
        ));
    }
    if parts.is_empty() {
        format!("{name}: no changes")
    } else {
        format!("{name}: {}", parts.join("; "))
    }
}

/// The diff as JSON: the two files, the counts, and every change.
pub fn json(old_name: &str, new_name: &str, diff: &MapDiff) -> String {
    let value = serde_json::json!({
        "old": old_name,
        "new": new_name,
        "counts": diff.counts(),
        "changes": diff,
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// The map as text for a line diff (git's `textconv`): the title and
/// thesis, then a line per claim and per link, by id, each on its own so
/// that a change touches only its line; positions are left out, so a
/// dragged card changes nothing.
pub fn listing(map: &Map) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "title: {}", flat(&map.title));
    if let Some(thesis) = map.thesis {
        let _ = writeln!(out, "thesis: {thesis}");
    }
    for (id, claim) in &map.claims {
        let mut marks = Vec::new();
        if claim.kind != crate::model::ClaimKind::Claim {
            marks.push(claim.kind.label().to_lowercase());
        }
        if let Some(citation) = &claim.source {
            marks.push(citation.label().map_or(citation.doc.clone(), |label| {
                format!("{} {label}", citation.doc)
            }));
        }
        if let Some(assessment) = claim.assessment {
            marks.push(format!("{assessment:?}").to_lowercase());
        }
        if claim.pinned {
            marks.push("pinned".to_owned());
        }
        marks.extend(claim.tags.iter().map(|t| format!("#{t}")));
        let marks = if marks.is_empty() {
            String::new()
        } else {
            format!(" ({})", marks.join(", "))
        };
        let title = claim
            .title
            .as_deref()
            .map_or(String::new(), |t| format!(" [{}]", flat(t)));
        let _ = writeln!(out, "{id}{marks}{title}: {}", flat(&claim.text));
        if let Some(note) = &claim.note {
            let _ = writeln!(out, "{id} note: {}", flat(note));
        }
    }
    for (id, link) in &map.links {
        let _ = writeln!(out, "link {id}: {}", describe(link));
    }
    // What git shows a line at a time: nothing in it may steer the
    // terminal.
    crate::words::visible(&out).into_owned()
}
