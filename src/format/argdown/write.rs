//! Writing a map as an Argdown document that Argdown's own tools open.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

use super::{ACCEPTED_TAG, DENIAL, REJECTED_TAG, THESIS_TAG};
use crate::model::reading::answers;
use crate::model::{
    Assessment, Claim, ClaimId, ClaimKind, LinkId, LinkKind, Map, Target, Weight, nav,
};

/// `map` as an Argdown document: the thesis and what answers it as a
/// relation tree, linked premises and undercut inferences as arguments
/// with premise–conclusion blocks, undercuts with `<_`.
pub fn to_argdown(map: &Map) -> String {
    Writer::new(map).write()
}

/// [`to_argdown`], with a note line (a comment, which Argdown's tools
/// skip) for each claim that quotes its source: `// [Title] quotes ¶4:
/// “…”`.
pub fn to_argdown_quoted(
    map: &Map,
    quotes: &std::collections::BTreeMap<ClaimId, String>,
) -> String {
    let mut writer = Writer::new(map);
    writer.quotes = Some(quotes);
    writer.write()
}

/// What an Argdown export of `map` leaves out, in sentences by count and
/// kind: a claim's own fields all travel (in Argdown's syntax or as its
/// data), and the sources in the front matter; the map's settings do not.
pub fn losses(map: &Map) -> Vec<String> {
    crate::format::map_losses(map, "Argdown")
}

/// A statement's inline data: what Argdown's own syntax cannot say
/// exactly — its proof standard, its title when the one written differs
/// (Argdown gives `[ ] < >` meaning), its words when they run over several
/// lines, its note, its citation, and its tags when one cannot be written
/// as a tag — as YAML that Argdown's parser keeps as the statement's data.
fn statement_data(claim: &Claim, written_title: &str) -> Vec<String> {
    let mut data = Vec::new();
    if let Some(standard) = claim.standard {
        data.push(format!("standard: {}", standard.name()));
    }
    if let Some(title) = claim.title.as_deref().filter(|t| t.trim() != written_title) {
        data.push(format!("title: {}", yaml_quoted(title)));
    }
    if claim.text.trim().contains('\n') {
        data.push(format!("text: {}", yaml_quoted(claim.text.trim())));
    }
    if let Some(note) = claim.note.as_deref().filter(|n| !n.trim().is_empty()) {
        data.push(format!("note: {}", yaml_quoted(note)));
    }
    if let Some(source) = &claim.source {
        let mut fields = vec![format!("doc: {}", yaml_quoted(&source.doc))];
        fields.extend(source.para.map(|p| format!("para: {p}")));
        fields.extend(source.to.map(|t| format!("to: {t}")));
        if let Some(quote) = &source.quote {
            let mut q = format!(
                "start: {}, end: {}, check: {}",
                quote.start,
                quote.end,
                yaml_quoted(&quote.check)
            );
            if let Some(ends_in) = quote.ends_in {
                let _ = write!(q, ", ends_in: {ends_in}");
            }
            fields.push(format!("quote: {{{q}}}"));
        }
        data.push(format!("source: {{{}}}", fields.join(", ")));
    }
    let exact = |tag: &str| {
        let tag = tag.trim();
        !tag.is_empty() && tag == tag.trim() && !tag.contains(['(', ')'])
    };
    if claim.tags.iter().any(|t| !exact(t)) {
        let tags: Vec<String> = claim.tags.iter().map(|t| yaml_quoted(t)).collect();
        data.push(format!("tags: [{}]", tags.join(", ")));
    }
    data
}

struct Writer<'a> {
    map: &'a Map,
    answers: HashMap<Target, Vec<LinkId>>,
    titles: HashMap<ClaimId, String>,
    arguments: HashMap<LinkId, String>,
    /// Argument-form links in the order first written.
    argument_order: Vec<LinkId>,
    declared: BTreeSet<ClaimId>,
    told: BTreeSet<LinkId>,
    /// `[Title] #tag …` lines, written after everything else.
    tag_lines: Vec<String>,
    /// The words claims quote, written as note lines at the end.
    quotes: Option<&'a std::collections::BTreeMap<ClaimId, String>>,
    out: String,
}

impl<'a> Writer<'a> {
    fn new(map: &'a Map) -> Self {
        let answers = answers(map);
        let mut used = BTreeSet::new();
        let titles = map
            .claims
            .iter()
            .map(|(&id, claim)| (id, unique_title(claim, id, &mut used)))
            .collect();
        Self {
            map,
            answers,
            titles,
            arguments: HashMap::new(),
            argument_order: Vec::new(),
            declared: BTreeSet::new(),
            told: BTreeSet::new(),
            tag_lines: Vec::new(),
            quotes: None,
            out: String::new(),
        }
    }

    /// Whether `link` must be written as an argument: linked premises, an
    /// inference that something undercuts, or a weight (which Argdown
    /// keeps as the argument's data).
    fn is_argument(&self, link: LinkId) -> bool {
        self.map
            .links
            .get(&link)
            .is_some_and(|l| l.premises.len() > 1 || l.weight != Weight::FULL)
            || self.answers.contains_key(&Target::Link(link))
    }

    fn argument_title(&mut self, link: LinkId) -> String {
        if let Some(title) = self.arguments.get(&link) {
            return title.clone();
        }
        let title = format!("Argument {}", self.arguments.len() + 1);
        self.arguments.insert(link, title.clone());
        self.argument_order.push(link);
        title
    }

    /// `[Title]: text` the first time, `[Title]` after. Its tags wait for
    /// a line of their own at the end: on the declaring line Argdown would
    /// read them as part of the text.
    fn statement(&mut self, claim: ClaimId) -> String {
        let title = self.titles.get(&claim).cloned().unwrap_or_default();
        if !self.declared.insert(claim) {
            return format!("[{title}]");
        }
        let Some(c) = self.map.claims.get(&claim) else {
            return format!("[{title}]");
        };
        let mut line = format!("[{title}]: {}", escape(&c.text));
        let data = statement_data(c, &title);
        if !data.is_empty() {
            let _ = write!(line, " {{{}}}", data.join(", "));
        }
        let mut tags: Vec<&str> = c.tags.iter().map(String::as_str).collect();
        if self.map.thesis == Some(claim) {
            tags.push(THESIS_TAG);
        }
        match c.kind {
            ClaimKind::Claim => {}
            ClaimKind::Evidence => tags.push("evidence"),
            ClaimKind::Note => tags.push("note"),
        }
        match c.assessment {
            Some(Assessment::Accepted) => tags.push(ACCEPTED_TAG),
            Some(Assessment::Rejected) => tags.push(REJECTED_TAG),
            None => {}
        }
        let mut tag_line = format!("[{title}]");
        for tag in tags {
            let tag = tag.trim();
            if tag.is_empty() {
                continue;
            }
            if tag
                .chars()
                .all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '_')
            {
                let _ = write!(tag_line, " #{tag}");
            } else {
                let inside: String = tag.chars().filter(|&c| c != ')' && c != '(').collect();
                let _ = write!(tag_line, " #({})", inside.trim());
            }
        }
        if tag_line.len() > title.len() + 2 {
            self.tag_lines.push(tag_line);
        }
        line
    }

    fn write(mut self) -> String {
        let title = self.map.title.trim();
        let sources = (!self.map.sources.is_empty())
            .then(|| serde_json::to_string(&self.map.sources).ok())
            .flatten();
        if !title.is_empty() || sources.is_some() {
            self.out.push_str("===\n");
            if !title.is_empty() {
                let _ = writeln!(self.out, "title: {}", yaml_quoted(title));
            }
            // JSON is YAML's flow form: Argdown's parser keeps it as data.
            if let Some(sources) = sources {
                let _ = writeln!(self.out, "argmap-sources: {sources}");
            }
            self.out.push_str("===\n\n");
        }
        // Trees: the thesis, then claims that answer nothing, then the
        // premises of arguments, then anything left.
        let mut roots: Vec<ClaimId> = self.map.thesis.into_iter().collect();
        let premises: BTreeSet<ClaimId> = self
            .map
            .links
            .values()
            .flat_map(|l| l.premises.iter().copied())
            .collect();
        roots.extend(self.map.claims.keys().filter(|c| !premises.contains(c)));
        let mut queue: std::collections::VecDeque<ClaimId> = roots.into_iter().collect();
        let mut blocks = BTreeSet::new();
        let mut told_before_restart = None;
        loop {
            while let Some(root) = queue.pop_front() {
                if blocks.insert(root) {
                    let later = self.tree(root);
                    queue.extend(later);
                }
            }
            if told_before_restart == Some(self.told.len()) {
                break;
            }
            // Claims answering each other in a cycle have no root: start
            // from the claim an untold link answers (through any undercut
            // links), which tells at least that link.
            let Some(start) = self
                .map
                .links
                .keys()
                .find(|id| !self.told.contains(id))
                .and_then(|&link| nav::answered_claim(self.map, link))
            else {
                break;
            };
            told_before_restart = Some(self.told.len());
            blocks.remove(&start);
            queue.push_back(start);
        }
        self.pcs_blocks();
        let rest: Vec<ClaimId> = self
            .map
            .claims
            .keys()
            .copied()
            .filter(|c| !self.declared.contains(c))
            .collect();
        for claim in rest {
            let line = self.statement(claim);
            let _ = writeln!(self.out, "{line}\n");
        }
        if !self.tag_lines.is_empty() {
            self.out.push_str("// Tags\n\n");
            for line in std::mem::take(&mut self.tag_lines) {
                let _ = writeln!(self.out, "{line}\n");
            }
        }
        if let Some(quotes) = self.quotes.filter(|q| !q.is_empty()) {
            self.out.push_str("// Quotes from the sources\n");
            for (id, words) in quotes {
                let (Some(title), Some(citation)) = (
                    self.titles.get(id),
                    self.map.claims.get(id).and_then(|c| c.source.as_ref()),
                ) else {
                    continue;
                };
                let place = citation.label().unwrap_or_default();
                let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
                let _ = writeln!(self.out, "// [{title}] quotes {place}: “{words}”");
            }
            self.out.push('\n');
        }
        while self.out.ends_with("\n\n") {
            self.out.pop();
        }
        self.out
    }

    /// One relation tree under `root`; returns premises of arguments met
    /// on the way, whose own answers need trees of their own.
    fn tree(&mut self, root: ClaimId) -> Vec<ClaimId> {
        let pending: Vec<LinkId> = self
            .answers
            .get(&Target::Claim(root))
            .map(|v| {
                v.iter()
                    .copied()
                    .filter(|l| !self.told.contains(l))
                    .collect()
            })
            .unwrap_or_default();
        if pending.is_empty() && self.declared.contains(&root) {
            return Vec::new();
        }
        let declaration = self.statement(root);
        self.out.push_str(&declaration);
        self.out.push('\n');
        let mut later = Vec::new();
        let mut stack: Vec<(LinkId, usize)> = pending.into_iter().rev().map(|l| (l, 1)).collect();
        while let Some((id, depth)) = stack.pop() {
            if !self.told.insert(id) {
                continue;
            }
            let Some(link) = self.map.links.get(&id) else {
                continue;
            };
            let symbol = match (link.target, link.kind) {
                (Target::Link(_), _) => "<_",
                (Target::Claim(_), LinkKind::Support) => "+",
                (Target::Claim(_), LinkKind::Attack) => "-",
            };
            let indent = "  ".repeat(depth);
            if self.is_argument(id) {
                let title = self.argument_title(id);
                let _ = writeln!(self.out, "{indent}{symbol} <{title}>");
                later.extend(link.premises.iter().copied());
                if let Some(links) = self.answers.get(&Target::Link(id)) {
                    stack.extend(links.iter().rev().map(|&l| (l, depth + 1)));
                }
            } else if let Some(&premise) = link.premises.first() {
                let fresh = !self.declared.contains(&premise);
                let statement = self.statement(premise);
                let _ = writeln!(self.out, "{indent}{symbol} {statement}");
                if fresh && let Some(links) = self.answers.get(&Target::Claim(premise)) {
                    stack.extend(
                        links
                            .iter()
                            .rev()
                            .filter(|l| !self.told.contains(l))
                            .map(|&l| (l, depth + 1)),
                    );
                } else if !fresh {
                    // Its answers are (or will be) in its own tree.
                    later.push(premise);
                }
            }
        }
        self.out.push('\n');
        later
    }

    /// The premise–conclusion block of every argument, in order.
    fn pcs_blocks(&mut self) {
        let mut i = 0;
        while i < self.argument_order.len() {
            let id = self.argument_order[i];
            i += 1;
            let Some(link) = self.map.links.get(&id).cloned() else {
                continue;
            };
            let title = self.arguments.get(&id).cloned().unwrap_or_default();
            if link.weight == Weight::FULL {
                let _ = writeln!(self.out, "<{title}>\n");
            } else {
                // The weight as the argument's data, which Argdown keeps.
                let _ = writeln!(self.out, "<{title}> {{weight: {}}}\n", link.weight.value());
            }
            for (n, &premise) in link.premises.iter().enumerate() {
                let statement = self.statement(premise);
                let _ = writeln!(self.out, "({}) {statement}", n + 1);
            }
            self.out.push_str("----\n");
            let n = link.premises.len() + 1;
            match (link.target, link.kind) {
                (Target::Claim(target), LinkKind::Support) => {
                    let statement = self.statement(target);
                    let _ = writeln!(self.out, "({n}) {statement}");
                }
                (Target::Claim(target), LinkKind::Attack) => {
                    let target_title = self.titles.get(&target).cloned().unwrap_or_default();
                    let text = self
                        .map
                        .claims
                        .get(&target)
                        .map(|c| escape(&c.text))
                        .unwrap_or_default();
                    let _ = writeln!(self.out, "({n}) [{DENIAL}{title}]: Not so: {text}");
                    let _ = writeln!(self.out, "  -> [{target_title}]");
                }
                (Target::Link(target), _) => {
                    let target_title = self.argument_title(target);
                    let _ = writeln!(
                        self.out,
                        "({n}) [{DENIAL}{title}]: The inference of {target_title} does not hold."
                    );
                    let _ = writeln!(self.out, "  _> <{target_title}>");
                }
            }
            self.out.push('\n');
        }
    }
}

/// A short title from the first words of `text`, unique among `used`.
fn unique_title(claim: &Claim, id: ClaimId, used: &mut BTreeSet<String>) -> String {
    let own = claim
        .title
        .as_deref()
        .map(|t| {
            t.chars()
                .map(|c| {
                    if matches!(c, '[' | ']' | '<' | '>') || c.is_control() {
                        ' '
                    } else {
                        c
                    }
                })
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .trim_start_matches(['-', '¬', ' '])
                .to_owned()
        })
        .filter(|t| !t.is_empty());
    let base = own.unwrap_or_else(|| {
        let base = title_base(&claim.text);
        if base.is_empty() {
            format!("Claim {}", id.0)
        } else {
            base
        }
    });
    let mut title = base.clone();
    let mut n = 2;
    while !used.insert(title.clone()) {
        title = format!("{base} ({n})");
        n += 1;
    }
    title
}

/// The title Argmap derives for a claim without one: its first five
/// words, letters and a little punctuation only (possibly empty).
pub(super) fn title_base(text: &str) -> String {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '.' | ',' | '’'))
                .collect::<String>()
        })
        .map(|w| w.trim_start_matches('-').to_owned())
        .filter(|w| !w.is_empty())
        .take(5)
        .collect();
    words.join(" ").trim_end_matches([',', '.']).to_owned()
}

/// Whether `title` is one Argmap's writer derived for `text` (so reading
/// it back does not give the claim a title it never had).
pub(super) fn is_derived_title(title: &str, text: &str) -> bool {
    let base = title_base(text);
    let numbered = |base: &str| {
        title
            .strip_prefix(base)
            .and_then(|rest| rest.strip_prefix(" ("))
            .and_then(|rest| rest.strip_suffix(')'))
            .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
    };
    if base.is_empty() {
        return title.starts_with("Claim ");
    }
    title == base || numbered(&base)
}

/// What Argdown trims from the ends of a statement's text (but not other
/// Unicode spaces, such as U+00A0).
pub(super) const BLANK: [char; 4] = [' ', '\t', '\n', '\r'];

/// Text that Argdown reads back as exactly itself (trimmed, on one line):
/// every character Argdown's lexer gives a meaning to inside a line is
/// escaped with a backslash, which it drops again.
///
/// Always: `\\ @ # * _ [ ] < > { }` and tabs (escapes, mentions, tags, emphasis,
/// references and links, argument references and HTML comments, data).
/// In context: `/` before `/` or `*` (comments), `=` before `==` (front
/// matter), and `.` or `:` when another one follows before the next space
/// (Argdown's shortcodes `.A.` and `:smile:`; its lexer reads an escape
/// inside one as two characters, so the opening one is escaped), and the
/// second space of a run (Argdown drops spaces after the first one that
/// follows a mark), and every tab.
pub(super) fn escape(text: &str) -> String {
    let one_line: String = text
        .trim_matches(BLANK)
        .chars()
        .map(|c| if matches!(c, '\n' | '\r') { ' ' } else { c })
        .collect();
    let chars: Vec<char> = one_line.chars().collect();
    let mut out = String::with_capacity(one_line.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let special = match c {
            // Argdown skips a tab after an escaped character.
            '\\' | '@' | '#' | '*' | '_' | '[' | ']' | '<' | '>' | '{' | '}' | '\t' => true,
            '/' => matches!(next, Some('/' | '*')),
            '=' => next == Some('=') && chars.get(i + 2) == Some(&'='),
            // After a mark, Argdown keeps one space and skips the rest;
            // an escaped space keeps every space after it.
            ' ' => i > 0 && matches!(chars[i - 1], ' ' | '\t'),
            '.' | ':' => chars[i + 1..]
                .iter()
                .take_while(|c| !c.is_whitespace())
                .any(|&d| d == c),
            _ => false,
        };
        if special {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A YAML double-quoted scalar for the front matter: quotes, backslashes
/// and control characters escaped, and `=` written as `\x3D` so that no
/// `===` inside it can end Argdown's front matter early.
pub(super) fn yaml_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '=' => out.push_str("\\x3D"),
            // Braces would end an inline data block early.
            '{' => out.push_str("\\x7B"),
            '}' => out.push_str("\\x7D"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            // Controls, and the separators JavaScript ends a line at.
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
