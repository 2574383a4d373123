//! Kialo's discussion export, read and written: a `Discussion Title:`
//! line, then one claim per numbered line — `1.` a thesis, `1.2.` an
//! answer to `1.`, `Pro:` supporting it or `Con:` attacking it — a claim's
//! text running on over the lines after it; `-> See 1.4.` where a claim
//! is used again (a link from that claim, never a copy); Markdown escapes
//! (`\(`) and links (`[text](url)`) in the text.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{Imported, ParseError};
use crate::model::{Claim, ClaimId, ClaimKind, Link, LinkKind, Map, Pos, Target};

/// The line a Kialo export begins with.
const TITLE: &str = "Discussion Title:";

/// Whether `bytes` look like a Kialo export: its first line with words on
/// it begins `Discussion Title:`.
pub fn is_kialo(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    bytes[start..].starts_with(TITLE.as_bytes())
}

/// One numbered line and what follows it.
#[derive(Debug)]
struct Entry {
    /// "1.2.3", as written (without the last dot).
    number: String,
    /// Where it is, for reports.
    line: usize,
    /// Pro, Con, or neither (a thesis).
    stance: Option<LinkKind>,
    /// Its text, escapes still in (lines joined with `\n`).
    text: String,
}

/// A numbered line: its number and the rest, if `line` is one.
fn numbered(line: &str) -> Option<(&str, &str)> {
    let digits_end = line
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.'))
        .map_or(line.len(), |(i, _)| i);
    let number = &line[..digits_end];
    let rest = &line[digits_end..];
    if !number.ends_with('.') || !rest.starts_with(' ') {
        return None;
    }
    let number = &number[..number.len() - 1];
    if number.is_empty() || number.split('.').any(str::is_empty) {
        return None;
    }
    Some((number, rest.trim_start()))
}

/// The number of what `number` answers ("1.2" for "1.2.3").
fn parent_of(number: &str) -> Option<&str> {
    number.rsplit_once('.').map(|(parent, _)| parent)
}

/// Kialo's text as Argmap keeps it: Markdown escapes undone, links kept
/// as their words with the address after them.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek().is_some_and(char::is_ascii_punctuation) => {
                if let Some(next) = chars.next() {
                    out.push(next);
                }
            }
            '[' => {
                // A Markdown link: [words](address).
                let rest: String = chars.clone().collect();
                match link_at(&rest) {
                    Some((words, address, used)) => {
                        let words = unescape(words);
                        if words.trim() == address.trim() || words.trim().is_empty() {
                            out.push_str(address.trim());
                        } else {
                            let _ = write!(out, "{words} ({})", address.trim());
                        }
                        for _ in 0..used {
                            chars.next();
                        }
                    }
                    None => out.push('['),
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// A Markdown link's words and address at the start of `rest` (just after
/// its `[`), and how many characters it takes.
fn link_at(rest: &str) -> Option<(&str, &str, usize)> {
    let mut escaped = false;
    let close = rest.char_indices().find_map(|(i, c)| {
        let found = c == ']' && !escaped;
        escaped = c == '\\' && !escaped;
        found.then_some(i)
    })?;
    let after = rest[close + 1..].strip_prefix('(')?;
    let end = after.find(')')?;
    let words = &rest[..close];
    let address = &after[..end];
    if address.contains(char::is_whitespace) && !address.trim().contains(' ') {
        return None;
    }
    let used = rest[..=close + 2 + end].chars().count();
    Some((words, address, used))
}

/// The numbered entries of an export's lines after its title, and how
/// many lines came before the first.
fn entries_of<'a>(lines: impl Iterator<Item = (usize, &'a str)>) -> (Vec<Entry>, usize) {
    let mut entries: Vec<Entry> = Vec::new();
    let mut known: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
    let mut stray = 0;
    let mut blank = false;
    for (n, line) in lines {
        if line.trim().is_empty() {
            blank = true;
            continue;
        }
        // A numbered line starts a claim when it could: a top-level number,
        // or the answer to a claim already read.
        if let Some((number, rest)) = numbered(line.trim_start())
            && (!number.contains('.') || parent_of(number).is_some_and(|p| known.contains(p)))
        {
            let (stance, rest) = if let Some(rest) = rest.strip_prefix("Pro:") {
                (Some(LinkKind::Support), rest.trim_start())
            } else if let Some(rest) = rest.strip_prefix("Con:") {
                (Some(LinkKind::Attack), rest.trim_start())
            } else {
                (None, rest)
            };
            known.insert(number.to_owned());
            entries.push(Entry {
                number: number.to_owned(),
                line: n + 1,
                stance,
                text: rest.to_owned(),
            });
            blank = false;
            continue;
        }
        match entries.last_mut() {
            Some(entry) => {
                entry.text.push_str(if blank { "\n\n" } else { "\n" });
                entry.text.push_str(line.trim_end());
            }
            None => stray += 1,
        }
        blank = false;
    }
    (entries, stray)
}

/// Reads a Kialo export.
///
/// # Errors
/// When the bytes are not text, or do not begin `Discussion Title:`.
pub fn from_kialo(bytes: &[u8]) -> Result<Imported, ParseError> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| ParseError::NotText {
        offset: e.valid_up_to(),
    })?;
    if text.trim().is_empty() {
        return Err(ParseError::Empty);
    }
    let mut lines = text
        .lines()
        .enumerate()
        .skip_while(|(_, l)| l.trim().is_empty());
    let title = match lines.next() {
        Some((_, line)) if line.trim_start().starts_with(TITLE) => {
            unescape(line.trim_start()[TITLE.len()..].trim())
        }
        Some((n, _)) => {
            return Err(ParseError::Syntax {
                line: n + 1,
                col: 1,
                message: "a Kialo export begins with a `Discussion Title:` line".to_owned(),
            });
        }
        None => return Err(ParseError::Empty),
    };
    let mut report = Vec::new();
    let (entries, stray) = entries_of(lines);
    if stray > 0 {
        report.push(format!(
            "{} before the first claim left out",
            crate::words::count(stray, "line")
        ));
    }
    let mut map = Map::new(title);
    let ids = claims_and_links(&mut map, &entries, &mut report);
    let theses: Vec<ClaimId> = entries
        .iter()
        .filter(|e| !e.number.contains('.'))
        .filter_map(|e| ids.get(e.number.as_str()).copied())
        .collect();
    map.thesis = theses.first().copied();
    if theses.len() > 1 {
        report.push(format!(
            "{} theses: the first is the map's thesis, the others stand beside it",
            theses.len()
        ));
    }
    Ok(Imported {
        map,
        report,
        positioned: false,
    }
    .mended())
}

/// Adds `entries` to `map`: a claim for each of its own, a link for each
/// answer (a `-> See` answers with the claim it names); says what it left
/// out in `report`. Each claim's id, by its number.
fn claims_and_links<'e>(
    map: &mut Map,
    entries: &'e [Entry],
    report: &mut Vec<String>,
) -> BTreeMap<&'e str, ClaimId> {
    // Each claim of its own (not a `-> See`), by number.
    let mut ids: BTreeMap<&str, ClaimId> = BTreeMap::new();
    let mut see: Vec<(&Entry, String)> = Vec::new();
    for entry in entries {
        if let Some(target) = entry.text.trim().strip_prefix("-> See ") {
            see.push((entry, target.trim().trim_end_matches('.').to_owned()));
            continue;
        }
        let id = map.add_claim(Claim::new(unescape(entry.text.trim()), Pos::default()));
        ids.insert(&entry.number, id);
    }
    // A `-> See` entry stands for the claim it names: answers under it
    // answer that claim.
    let mut aliases: BTreeMap<&str, String> = BTreeMap::new();
    for (entry, target) in &see {
        aliases.insert(&entry.number, target.clone());
    }
    let resolve = |number: &str| -> Option<ClaimId> {
        let mut number = number.to_owned();
        for _ in 0..=aliases.len() {
            if let Some(&id) = ids.get(number.as_str()) {
                return Some(id);
            }
            number = aliases.get(number.as_str())?.clone();
        }
        None
    };
    let mut missing = Vec::new();
    let mut unmarked = 0;
    for entry in entries {
        let Some(parent) = parent_of(&entry.number) else {
            continue;
        };
        let from = match aliases.get(entry.number.as_str()) {
            Some(target) => {
                let Some(id) = resolve(target) else {
                    missing.push(format!("{} (line {}) → {target}", entry.number, entry.line));
                    continue;
                };
                id
            }
            None => match ids.get(entry.number.as_str()) {
                Some(&id) => id,
                None => continue,
            },
        };
        let Some(to) = resolve(parent) else {
            continue;
        };
        let kind = entry.stance.unwrap_or_else(|| {
            unmarked += 1;
            LinkKind::Support
        });
        if from != to
            && !map
                .links
                .values()
                .any(|l| l.premises == [from] && l.target == Target::Claim(to))
        {
            map.add_link(Link::new(kind, vec![from], Target::Claim(to)));
        }
    }
    if !missing.is_empty() {
        report.push(format!(
            "{} to claims the discussion does not have, left out: {}",
            crate::words::count(missing.len(), "reference"),
            missing.join(", ")
        ));
    }
    if unmarked > 0 {
        report.push(format!(
            "{} neither Pro nor Con, read as Pro",
            crate::words::count(unmarked, "answer")
        ));
    }
    ids
}

/// Kialo's text for `text`: the characters Markdown gives meaning to
/// escaped, a line that would read as a number escaped too.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut line_out = String::with_capacity(line.len());
        for c in line.chars() {
            if matches!(c, '\\' | '(' | ')' | '[' | ']' | '*' | '_' | '`' | '#') {
                line_out.push('\\');
            }
            line_out.push(c);
        }
        // A claim's own words that would read as the line's marks: a
        // reference, or a stance on a thesis.
        if i == 0 {
            // The backslash goes before the mark's punctuation: `-\> See`,
            // `Pro\:`.
            for (mark, at) in [("-> See", 1), ("Pro:", 3), ("Con:", 3)] {
                if line_out.starts_with(mark) {
                    line_out.insert(at, '\\');
                    break;
                }
            }
        }
        // "1. " at the start of a continuation line would start a claim.
        if i > 0
            && numbered(line_out.trim_start()).is_some()
            && let Some(dot) = line_out.find(". ")
        {
            line_out.insert(dot, '\\');
        }
        out.push_str(&line_out);
    }
    out
}

/// `map` as a Kialo export, and what Kialo could not carry, each in a
/// sentence by count and kind.
pub fn to_kialo(map: &Map) -> (String, Vec<String>) {
    let mut out = String::new();
    let _ = writeln!(out, "{TITLE} {}", escape(map.heading()).replace('\n', " "));
    out.push('\n');
    // What answers each claim, by link, in id order: supports and attacks
    // on the claim, and attacks on its links (Kialo has no undercuts).
    let mut answers: BTreeMap<ClaimId, Vec<(ClaimId, LinkKind)>> = BTreeMap::new();
    let mut losses = Losses::default();
    for link in map.links.values() {
        let targets: Vec<ClaimId> = match link.target {
            Target::Claim(c) => vec![c],
            Target::Link(l) => {
                losses.undercuts += 1;
                map.links
                    .get(&l)
                    .map(|l| l.premises.clone())
                    .unwrap_or_default()
            }
        };
        if link.premises.len() > 1 {
            losses.linked += 1;
        }
        if !link.weight.is_full() {
            losses.weights += 1;
        }
        for &target in &targets {
            for &premise in &link.premises {
                answers
                    .entry(target)
                    .or_default()
                    .push((premise, link.kind));
            }
        }
    }
    for claim in map.claims.values() {
        losses.titles += usize::from(claim.title.as_deref().is_some_and(|t| !t.trim().is_empty()));
        losses.notes += usize::from(claim.note.as_deref().is_some_and(|t| !t.trim().is_empty()));
        losses.citations += usize::from(claim.source.is_some());
        losses.tags += usize::from(!claim.tags.is_empty());
        losses.assessments += usize::from(claim.assessment.is_some());
        losses.evidence += usize::from(claim.kind == ClaimKind::Evidence);
        losses.note_claims += usize::from(claim.kind == ClaimKind::Note);
    }
    // Theses: the map's, then every claim that answers nothing, in id order.
    let answering: std::collections::BTreeSet<ClaimId> = answers
        .values()
        .flatten()
        .map(|&(premise, _)| premise)
        .collect();
    let mut roots: Vec<ClaimId> = map.thesis.into_iter().collect();
    roots.extend(
        map.claims
            .iter()
            .filter(|(id, c)| {
                c.kind != ClaimKind::Note && !answering.contains(id) && Some(**id) != map.thesis
            })
            .map(|(&id, _)| id),
    );
    let mut numbers: BTreeMap<ClaimId, String> = BTreeMap::new();
    let mut writer = Writer {
        map,
        answers: &answers,
        numbers: &mut numbers,
        out: &mut out,
    };
    for (n, root) in roots.iter().enumerate() {
        writer.write(*root, &(n + 1).to_string(), None);
    }
    // Claims only reached through a cycle, never from a root.
    let mut next = roots.len();
    while let Some(&left) = map
        .claims
        .iter()
        .find(|(id, c)| c.kind != ClaimKind::Note && !writer.numbers.contains_key(id))
        .map(|(id, _)| id)
    {
        next += 1;
        writer.write(left, &next.to_string(), None);
    }
    (out, losses.sentences())
}

/// Writes claims and what answers them, numbered.
struct Writer<'a> {
    map: &'a Map,
    answers: &'a BTreeMap<ClaimId, Vec<(ClaimId, LinkKind)>>,
    numbers: &'a mut BTreeMap<ClaimId, String>,
    out: &'a mut String,
}

impl Writer<'_> {
    fn write(&mut self, id: ClaimId, number: &str, stance: Option<LinkKind>) {
        let prefix = match stance {
            Some(LinkKind::Support) => "Pro: ",
            Some(LinkKind::Attack) => "Con: ",
            None => "",
        };
        if let Some(first) = self.numbers.get(&id) {
            let _ = writeln!(self.out, "{number}. {prefix}-> See {first}.");
            return;
        }
        let text = self
            .map
            .claims
            .get(&id)
            .map_or(String::new(), |c| escape(c.text.trim()));
        let _ = writeln!(self.out, "{number}. {prefix}{text}");
        self.numbers.insert(id, number.to_owned());
        let mut n = 0;
        for &(answer, kind) in self.answers.get(&id).map_or(&[][..], Vec::as_slice) {
            if self
                .map
                .claims
                .get(&answer)
                .is_none_or(|c| c.kind == ClaimKind::Note)
            {
                continue;
            }
            n += 1;
            self.write(answer, &format!("{number}.{n}"), Some(kind));
        }
    }
}

/// What a Kialo export leaves out, counted.
#[derive(Debug, Default)]
struct Losses {
    undercuts: usize,
    linked: usize,
    weights: usize,
    titles: usize,
    notes: usize,
    citations: usize,
    tags: usize,
    assessments: usize,
    evidence: usize,
    note_claims: usize,
}

impl Losses {
    /// Each loss in a sentence: what Kialo lacks, how many, and what
    /// became of them.
    fn sentences(&self) -> Vec<String> {
        // What Kialo lacks, how many of what, and what became of them.
        [
            (
                self.undercuts,
                "undercuts",
                "undercut",
                "written as attacks on the premise",
            ),
            (
                self.linked,
                "linked premises",
                "link",
                "of several premises written as separate reasons",
            ),
            (self.weights, "weights", "weight", "not carried"),
            (self.titles, "titles", "title", "not carried"),
            (self.notes, "notes on claims", "note", "not carried"),
            (self.citations, "citations", "citation", "not carried"),
            (self.tags, "tags", "tagged claim", "not carried"),
            (self.assessments, "assessments", "assessment", "not carried"),
            (
                self.evidence,
                "evidence",
                "evidence claim",
                "written as plain claims",
            ),
            (self.note_claims, "note cards", "note card", "left out"),
        ]
        .into_iter()
        .filter(|&(n, ..)| n > 0)
        .map(|(n, lacks, noun, fate)| {
            format!(
                "Kialo has no {lacks}: {} {fate}",
                crate::words::count(n, noun)
            )
        })
        .collect()
    }
}
