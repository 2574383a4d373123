//! Argdown, the Markdown-like syntax for arguments (argdown.org): reading
//! documents written for Argdown's own tools, and writing maps they open.
//!
//! Reading takes statements `[Title]: text`, arguments `<Title>: text`,
//! relation trees (`+ - _` and the directed `<+ +> <- -> <_ _>`, and `><`),
//! premise–conclusion blocks, references by title, tags, headings (kept
//! as tags), comments and front matter. What has no place in a map is
//! named in the report.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

use super::{Imported, ParseError, text_of};
use crate::model::reading::answers;
use crate::model::{Claim, ClaimId, ClaimKind, Link, LinkId, LinkKind, Map, Pos, Target, nav};

// ---------------------------------------------------------------- writing

/// The tag that marks the thesis, read back by [`from_argdown`].
const THESIS_TAG: &str = "thesis";
/// Titles of the stand-in conclusions of attacking arguments start with
/// this: Argdown's reconstructions end in a conclusion, an attack on a
/// claim concludes its denial.
const DENIAL: &str = "¬ ";

/// `map` as an Argdown document: the thesis and what answers it as a
/// relation tree, linked premises and undercut inferences as arguments
/// with premise–conclusion blocks, undercuts with `<_`.
pub fn to_argdown(map: &Map) -> String {
    Writer::new(map).write()
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
    out: String,
}

impl<'a> Writer<'a> {
    fn new(map: &'a Map) -> Self {
        let answers = answers(map);
        let mut used = BTreeSet::new();
        let titles = map
            .claims
            .iter()
            .map(|(&id, claim)| (id, unique_title(&claim.text, id, &mut used)))
            .collect();
        Self {
            map,
            answers,
            titles,
            arguments: HashMap::new(),
            argument_order: Vec::new(),
            declared: BTreeSet::new(),
            told: BTreeSet::new(),
            out: String::new(),
        }
    }

    /// Whether `link` must be written as an argument: linked premises, or
    /// an inference that something undercuts.
    fn is_argument(&self, link: LinkId) -> bool {
        self.map
            .links
            .get(&link)
            .is_some_and(|l| l.premises.len() > 1)
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

    /// `[Title]: text #tags` the first time, `[Title]` after.
    fn statement(&mut self, claim: ClaimId) -> String {
        let title = self.titles.get(&claim).cloned().unwrap_or_default();
        if !self.declared.insert(claim) {
            return format!("[{title}]");
        }
        let Some(c) = self.map.claims.get(&claim) else {
            return format!("[{title}]");
        };
        let mut line = format!("[{title}]: {}", escape(&c.text));
        let mut tags: Vec<&str> = c.tags.iter().map(String::as_str).collect();
        if self.map.thesis == Some(claim) {
            tags.push(THESIS_TAG);
        }
        match c.kind {
            ClaimKind::Claim => {}
            ClaimKind::Evidence => tags.push("evidence"),
            ClaimKind::Note => tags.push("note"),
        }
        for tag in tags {
            let tag = tag.trim();
            if tag.is_empty() {
                continue;
            }
            if tag
                .chars()
                .all(|ch| ch.is_alphanumeric() || ch == '-' || ch == '_')
            {
                let _ = write!(line, " #{tag}");
            } else {
                let _ = write!(line, " #({})", tag.replace([')', '('], ""));
            }
        }
        line
    }

    fn write(mut self) -> String {
        let title = self.map.title.trim();
        if !title.is_empty() {
            let _ = write!(
                self.out,
                "===\ntitle: {}\n===\n\n",
                title.replace(['\n', '\r'], " ")
            );
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
            let _ = writeln!(self.out, "<{title}>\n");
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
                        "({n}) [{DENIAL}{title}]: The inference of <{target_title}> does not hold."
                    );
                    let _ = writeln!(self.out, "  _> <{target_title}>");
                }
            }
            self.out.push('\n');
        }
    }
}

/// A short title from the first words of `text`, unique among `used`.
fn unique_title(text: &str, id: ClaimId, used: &mut BTreeSet<String>) -> String {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '.' | ',' | '’'))
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .take(5)
        .collect();
    let mut base = words.join(" ");
    base = base.trim_end_matches([',', '.']).to_owned();
    if base.is_empty() || base.starts_with('¬') {
        base = format!("Claim {}", id.0);
    }
    let mut title = base.clone();
    let mut n = 2;
    while !used.insert(title.clone()) {
        title = format!("{base} ({n})");
        n += 1;
    }
    title
}

/// Text that reads back as itself: one line, with the characters that
/// start tags, data, comments and mentions escaped.
fn escape(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(one_line.len());
    let mut previous = ' ';
    for c in one_line.chars() {
        let special = matches!(c, '#' | '{' | '}' | '\\' | '@' | '[' | ']' | '<' | '>')
            || (c == '/' && previous == '/')
            || (c == '*' && previous == '/');
        if special {
            out.push('\\');
        }
        out.push(c);
        previous = c;
    }
    out
}

// ---------------------------------------------------------------- reading

/// What a title names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Node {
    Statement(usize),
    Argument(usize),
}

#[derive(Default, Debug)]
struct Statement {
    title: Option<String>,
    text: String,
    tags: Vec<String>,
    /// Declared at the top level without a title and never related: prose.
    top_level_untitled: bool,
    formulations: usize,
}

#[derive(Default, Debug)]
struct Argument {
    title: String,
    text: String,
    tags: Vec<String>,
    /// Premise–conclusion structure: statements, with `None` marking an
    /// inference line.
    pcs: Vec<Option<usize>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Relation {
    Support,
    Attack,
    Undercut,
    Contradiction,
}

#[derive(Default)]
struct Document {
    title: String,
    statements: Vec<Statement>,
    arguments: Vec<Argument>,
    statement_titles: HashMap<String, usize>,
    argument_titles: HashMap<String, usize>,
    /// (from, to, kind): `from` supports, attacks or undercuts `to`.
    relations: Vec<(Node, Node, Relation)>,
    headings: usize,
    data_blocks: usize,
}

impl Document {
    /// The statement titled `title` (a new one for each untitled one).
    fn statement(&mut self, title: Option<&str>) -> usize {
        if let Some(&i) = title.and_then(|t| self.statement_titles.get(t)) {
            return i;
        }
        let i = self.statements.len();
        self.statements.push(Statement {
            title: title.map(str::to_owned),
            ..Statement::default()
        });
        if let Some(title) = title {
            self.statement_titles.insert(title.to_owned(), i);
        }
        i
    }

    /// The argument titled `title`.
    fn argument(&mut self, title: &str) -> usize {
        if let Some(&i) = self.argument_titles.get(title) {
            return i;
        }
        let i = self.arguments.len();
        self.arguments.push(Argument {
            title: title.to_owned(),
            ..Argument::default()
        });
        self.argument_titles.insert(title.to_owned(), i);
        i
    }
}

/// Adds the `new` tags not in `tags` yet.
fn merge_tags(tags: &mut Vec<String>, new: Vec<String>) {
    for tag in new {
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
}

/// Replaces comments by spaces, keeping every line break where it was,
/// so line numbers still point into the original.
fn strip_comments(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let starts = |i: usize, pat: &str| {
        pat.chars()
            .enumerate()
            .all(|(k, p)| chars.get(i + k) == Some(&p))
    };
    while i < chars.len() {
        let escaped = i > 0 && chars[i - 1] == '\\';
        let end = if escaped {
            None
        } else if starts(i, "<!--") {
            Some("-->")
        } else if starts(i, "/*") {
            Some("*/")
        } else if starts(i, "//") && (i == 0 || chars[i - 1].is_whitespace()) {
            Some("\n")
        } else {
            None
        };
        let Some(end) = end else {
            out.push(chars[i]);
            i += 1;
            continue;
        };
        // Skip to the end marker, keeping line breaks.
        let mut j = i + 2;
        while j < chars.len() && !starts(j, end) {
            j += 1;
        }
        for &c in &chars[i..j.min(chars.len())] {
            out.push(if c == '\n' { '\n' } else { ' ' });
        }
        i = if end == "\n" {
            j
        } else {
            (j + end.chars().count()).min(chars.len())
        };
        if end != "\n" {
            for _ in 0..end.chars().count().min(chars.len().saturating_sub(j)) {
                out.push(' ');
            }
        }
    }
    out
}

/// The relation symbols, longest first; `true` when the child is the
/// source (incoming to the parent).
const SYMBOLS: [(&str, Relation, bool); 10] = [
    ("<+", Relation::Support, true),
    ("+>", Relation::Support, false),
    ("<-", Relation::Attack, true),
    ("->", Relation::Attack, false),
    ("<_", Relation::Undercut, true),
    ("_>", Relation::Undercut, false),
    ("><", Relation::Contradiction, true),
    ("+", Relation::Support, true),
    ("-", Relation::Attack, true),
    ("_", Relation::Undercut, true),
];

fn relation_symbol(line: &str) -> Option<(Relation, bool, &str)> {
    for (symbol, relation, incoming) in SYMBOLS {
        if let Some(rest) = line.strip_prefix(symbol)
            && (rest.is_empty() || rest.starts_with(char::is_whitespace))
        {
            return Some((relation, incoming, rest.trim_start()));
        }
    }
    None
}

/// `[Title]: text`, `[Title]`, `<Title>: text`, `<Title>`, or plain text.
enum Head<'t> {
    Statement(Option<&'t str>, &'t str),
    Argument(&'t str, &'t str),
}

fn head(line: &str) -> Head<'_> {
    let bracketed = |open: char, close: char| -> Option<(&str, &str)> {
        let rest = line.strip_prefix(open)?;
        let end = rest.find(close)?;
        let (title, after) = (&rest[..end], &rest[end + close.len_utf8()..]);
        if title.trim().is_empty() {
            return None;
        }
        if let Some(text) = after.strip_prefix(':') {
            Some((title.trim(), text.trim()))
        } else if after.trim().is_empty() || after.starts_with(char::is_whitespace) {
            Some((title.trim(), after.trim()))
        } else {
            None
        }
    };
    if let Some((title, text)) = bracketed('[', ']') {
        Head::Statement(Some(title), text)
    } else if let Some((title, text)) = bracketed('<', '>') {
        Head::Argument(title, text)
    } else {
        Head::Statement(None, line.trim())
    }
}

/// Text with tags, data and Markdown emphasis taken out, escapes undone.
fn clean(text: &str) -> (String, Vec<String>, bool) {
    let mut out = String::with_capacity(text.len());
    let mut tags = Vec::new();
    let mut had_data = false;
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && i + 1 < chars.len() {
            out.push(chars[i + 1]);
            i += 2;
            continue;
        }
        let at_word_start = i == 0 || chars[i - 1].is_whitespace();
        if c == '#' && at_word_start && i + 1 < chars.len() {
            if chars[i + 1] == '(' {
                if let Some(end) = chars[i + 2..].iter().position(|&c| c == ')') {
                    let tag: String = chars[i + 2..i + 2 + end].iter().collect();
                    tags.push(tag.trim().to_owned());
                    i += end + 3;
                    continue;
                }
            } else if chars[i + 1].is_alphanumeric() || chars[i + 1] == '_' {
                let mut j = i + 1;
                while j < chars.len()
                    && (chars[j].is_alphanumeric() || matches!(chars[j], '-' | '_'))
                {
                    j += 1;
                }
                tags.push(chars[i + 1..j].iter().collect());
                i = j;
                continue;
            }
        }
        if c == '{' && at_word_start {
            // Inline data `{key: value}`: not part of the text.
            let mut depth = 0;
            let mut j = i;
            while j < chars.len() {
                match chars[j] {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            had_data = true;
            i = j + 1;
            continue;
        }
        if (c == '*' || c == '_') && chars.get(i + 1) == Some(&c) {
            i += 2;
            continue;
        }
        out.push(c);
        i += 1;
    }
    let text = out.split_whitespace().collect::<Vec<_>>().join(" ");
    (text, tags, had_data)
}

/// Where a line's element goes while reading.
#[derive(Clone, Copy)]
enum Open {
    Statement(usize),
    Argument(usize),
}

/// Reads an Argdown document.
///
/// # Errors
/// When the bytes are not UTF-8 text or hold nothing.
#[allow(clippy::too_many_lines)] // One reading pass, line by line.
pub fn from_argdown(bytes: &[u8]) -> Result<Imported, ParseError> {
    let source = text_of(bytes)?;
    let text = strip_comments(source);
    let mut doc = Document::default();
    let mut lines: Vec<&str> = text.lines().collect();
    // Front matter.
    let first = lines.iter().position(|l| !l.trim().is_empty());
    if let Some(first) = first
        && lines[first].trim() == "==="
    {
        let end = lines[first + 1..].iter().position(|l| l.trim() == "===");
        if let Some(end) = end {
            for line in &lines[first + 1..first + 1 + end] {
                if let Some(title) = line.strip_prefix("title:") {
                    title
                        .trim()
                        .trim_matches(['"', '\''])
                        .clone_into(&mut doc.title);
                }
            }
            for line in &mut lines[first..=first + 1 + end] {
                *line = "";
            }
        }
    }

    let mut group: Option<String> = None;
    // The relation tree being read: (indent, node) from the root down.
    let mut stack: Vec<(usize, Node)> = Vec::new();
    // The element whose text a continuation line extends.
    let mut open: Option<(Open, String, usize)> = None;
    // The argument whose premise–conclusion block is being read, if any.
    let mut pcs: Option<usize> = None;
    let mut last_top_argument: Option<usize> = None;
    let mut in_rule = false;
    let mut anonymous_arguments = 0;

    let finish = |doc: &mut Document, open: &mut Option<(Open, String, usize)>| {
        if let Some((element, text, _)) = open.take() {
            let (text, tags, data) = clean(&text);
            if data {
                doc.data_blocks += 1;
            }
            match element {
                Open::Statement(i) => {
                    let statement = &mut doc.statements[i];
                    if statement.text.is_empty() {
                        statement.text = text;
                    } else if !text.is_empty() && statement.text != text {
                        statement.formulations += 1;
                    }
                    merge_tags(&mut statement.tags, tags);
                }
                Open::Argument(i) => {
                    let argument = &mut doc.arguments[i];
                    if argument.text.is_empty() {
                        argument.text = text;
                    }
                    merge_tags(&mut argument.tags, tags);
                }
            }
        }
    };

    for raw in &lines {
        let expanded = raw.replace('\t', "    ");
        let indent = expanded.len() - expanded.trim_start().len();
        let line = expanded.trim();
        if line.is_empty() {
            finish(&mut doc, &mut open);
            continue;
        }
        // Headings group what follows.
        if indent == 0 && line.starts_with('#') {
            let hashes = line.chars().take_while(|&c| c == '#').count();
            if line[hashes..].starts_with(' ') {
                finish(&mut doc, &mut open);
                let heading = clean(&line[hashes..]).0;
                let heading = strip_shortcodes(&heading);
                group = (!heading.is_empty()).then_some(heading);
                doc.headings += 1;
                stack.clear();
                pcs = None;
                last_top_argument = None;
                continue;
            }
        }
        // Premise–conclusion blocks.
        if indent == 0
            && let Some(rest) = numbered(line)
        {
            finish(&mut doc, &mut open);
            let argument = if let Some(a) = pcs.or(last_top_argument) {
                a
            } else {
                anonymous_arguments += 1;
                let title = format!("Argument {anonymous_arguments} (untitled)");
                doc.argument(&title)
            };
            if pcs != Some(argument) {
                doc.arguments[argument].pcs.clear();
            }
            pcs = Some(argument);
            in_rule = false;
            let statement = match head(rest) {
                Head::Statement(title, text) => {
                    let i = doc.statement(title);
                    open = Some((Open::Statement(i), text.to_owned(), 0));
                    i
                }
                Head::Argument(title, text) => {
                    // An argument cannot be a premise: read its text as one.
                    let i = doc.statement(Some(title));
                    open = Some((Open::Statement(i), text.to_owned(), 0));
                    i
                }
            };
            doc.arguments[argument].pcs.push(Some(statement));
            stack = vec![(0, Node::Statement(statement))];
            continue;
        }
        if let Some(argument) = pcs
            && indent == 0
            && line.starts_with("--")
        {
            finish(&mut doc, &mut open);
            let all_dashes = line.chars().all(|c| c == '-');
            if all_dashes && in_rule {
                in_rule = false;
            } else {
                doc.arguments[argument].pcs.push(None);
                in_rule = all_dashes;
            }
            stack.clear();
            continue;
        }
        if in_rule {
            continue;
        }
        // Relations.
        if let Some((relation, incoming, rest)) = relation_symbol(line)
            && (indent > 0 || !stack.is_empty())
        {
            finish(&mut doc, &mut open);
            while stack.last().is_some_and(|&(i, _)| i >= indent.max(1)) {
                stack.pop();
            }
            let Some(&(_, parent)) = stack.last() else {
                continue;
            };
            let (child, element, text) = match head(rest) {
                Head::Statement(title, text) => {
                    let i = doc.statement(title);
                    (Node::Statement(i), Open::Statement(i), text)
                }
                Head::Argument(title, text) => {
                    let i = doc.argument(title);
                    (Node::Argument(i), Open::Argument(i), text)
                }
            };
            if let Some(group) = &group {
                tag_node(&mut doc, child, group);
            }
            open = Some((element, text.to_owned(), indent));
            let (from, to) = if incoming {
                (child, parent)
            } else {
                (parent, child)
            };
            doc.relations.push((from, to, relation));
            stack.push((indent, child));
            continue;
        }
        // Continuation of the open element.
        if let Some((_, text, _)) = &mut open
            && (indent > 0 || !line.starts_with(['[', '<']))
        {
            text.push(' ');
            text.push_str(line);
            continue;
        }
        if indent > 0 {
            // Indented text with nothing to continue: not part of the map.
            continue;
        }
        // A new top-level element.
        finish(&mut doc, &mut open);
        pcs = None;
        let (node, element, text) = match head(line) {
            Head::Statement(title, text) => {
                let i = doc.statement(title);
                if title.is_none() {
                    doc.statements[i].top_level_untitled = true;
                }
                last_top_argument = None;
                (Node::Statement(i), Open::Statement(i), text)
            }
            Head::Argument(title, text) => {
                let i = doc.argument(title);
                last_top_argument = Some(i);
                (Node::Argument(i), Open::Argument(i), text)
            }
        };
        if let Some(group) = &group {
            tag_node(&mut doc, node, group);
        }
        open = Some((element, text.to_owned(), 0));
        stack = vec![(0, node)];
    }
    finish(&mut doc, &mut open);
    Ok(build(&doc).mended())
}

/// `(1) rest` → `rest`.
fn numbered(line: &str) -> Option<&str> {
    let rest = line.strip_prefix('(')?;
    let end = rest.find(')')?;
    if end == 0 || !rest[..end].chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(rest[end + 1..].trim())
}

/// `:heart:` and the like, which Argdown's viewer shows as emoji.
fn strip_shortcodes(text: &str) -> String {
    text.split_whitespace()
        .filter(|w| !(w.len() > 2 && w.starts_with(':') && w.ends_with(':')))
        .collect::<Vec<_>>()
        .join(" ")
}

fn tag_node(doc: &mut Document, node: Node, tag: &str) {
    let tags = match node {
        Node::Statement(i) => &mut doc.statements[i].tags,
        Node::Argument(i) => &mut doc.arguments[i].tags,
    };
    if !tags.iter().any(|t| t == tag) {
        tags.push(tag.to_owned());
    }
}

/// Turns the read document into a map.
#[allow(clippy::too_many_lines)] // One pass per kind of element, in order.
fn build(doc: &Document) -> Imported {
    let mut map = Map::new(doc.title.clone());
    let mut report = Vec::new();
    let related: BTreeSet<Node> = doc.relations.iter().flat_map(|&(a, b, _)| [a, b]).collect();
    let in_pcs: BTreeSet<usize> = doc
        .arguments
        .iter()
        .flat_map(|a| a.pcs.iter().flatten().copied())
        .collect();

    // Stand-in conclusions (the denial of what an argument attacks) fold
    // into the attack itself.
    let folded: BTreeSet<usize> = doc
        .arguments
        .iter()
        .filter_map(final_conclusion)
        .filter(|&s| {
            doc.statements[s]
                .title
                .as_deref()
                .is_some_and(|t| t.starts_with(DENIAL))
        })
        .collect();

    let mut claims: HashMap<Node, ClaimId> = HashMap::new();
    let mut prose = 0;
    let mut thesis = None;
    for (i, statement) in doc.statements.iter().enumerate() {
        let node = Node::Statement(i);
        if folded.contains(&i) {
            continue;
        }
        if statement.top_level_untitled && !related.contains(&node) && !in_pcs.contains(&i) {
            prose += 1;
            continue;
        }
        let text = if statement.text.is_empty() {
            statement.title.clone().unwrap_or_default()
        } else {
            statement.text.clone()
        };
        let (claim, is_thesis) = claim_with_tags(text, &statement.tags);
        let id = map.add_claim(claim);
        if is_thesis && thesis.is_none() {
            thesis = Some(id);
        }
        claims.insert(node, id);
    }
    for (i, argument) in doc.arguments.iter().enumerate() {
        if argument.pcs.iter().any(Option::is_some) {
            continue;
        }
        let text = if argument.text.is_empty() {
            argument.title.clone()
        } else {
            argument.text.clone()
        };
        let (claim, is_thesis) = claim_with_tags(text, &argument.tags);
        let id = map.add_claim(claim);
        if is_thesis && thesis.is_none() {
            thesis = Some(id);
        }
        claims.insert(Node::Argument(i), id);
    }

    // Inferences of reconstructed arguments; a folded final inference
    // waits for the relation that says what it attacks.
    let mut final_link: HashMap<usize, LinkId> = HashMap::new();
    let mut folded_arguments: HashMap<usize, Vec<ClaimId>> = HashMap::new();
    let mut incomplete = 0;
    for (a, argument) in doc.arguments.iter().enumerate() {
        let mut premises: Vec<ClaimId> = Vec::new();
        let mut expect_conclusion = false;
        let steps = &argument.pcs;
        for (k, step) in steps.iter().enumerate() {
            match step {
                None => expect_conclusion = true,
                Some(s) if expect_conclusion => {
                    expect_conclusion = false;
                    let is_last = !steps[k + 1..].iter().any(Option::is_some);
                    if folded.contains(s) && is_last {
                        folded_arguments.insert(a, std::mem::take(&mut premises));
                        continue;
                    }
                    let Some(&conclusion) = claims.get(&Node::Statement(*s)) else {
                        continue;
                    };
                    premises.retain(|&p| p != conclusion);
                    premises.dedup();
                    if premises.is_empty() {
                        incomplete += 1;
                    } else {
                        let id = map.add_link(Link::new(
                            LinkKind::Support,
                            std::mem::take(&mut premises),
                            Target::Claim(conclusion),
                        ));
                        final_link.insert(a, id);
                    }
                    premises.push(conclusion);
                }
                Some(s) => {
                    if let Some(&claim) = claims.get(&Node::Statement(*s))
                        && !premises.contains(&claim)
                    {
                        premises.push(claim);
                    }
                }
            }
        }
        if expect_conclusion
            || (!steps.is_empty()
                && !final_link.contains_key(&a)
                && !folded_arguments.contains_key(&a))
        {
            incomplete += 1;
        }
    }

    // What a node stands for as the source of a relation, and as its
    // target.
    let source = |node: Node| -> Option<ClaimId> {
        match node {
            Node::Argument(a) if !claims.contains_key(&node) => doc.arguments[a]
                .pcs
                .iter()
                .rev()
                .flatten()
                .find_map(|s| claims.get(&Node::Statement(*s)).copied()),
            _ => claims.get(&node).copied(),
        }
    };
    let mut approximations = 0;
    let mut self_relations = 0;
    let mut seen: std::collections::HashSet<(ClaimId, Target, LinkKind)> =
        std::collections::HashSet::new();
    let mut pending_undercuts: Vec<(ClaimId, Node)> = Vec::new();
    for &(from, to, relation) in &doc.relations {
        // A folded argument's one attack or undercut is its link.
        if let Node::Argument(a) = from
            && let Some(premises) = folded_arguments.remove(&a)
        {
            let target = match (to, relation) {
                (Node::Argument(t), Relation::Undercut | Relation::Attack)
                    if final_link.contains_key(&t) =>
                {
                    Some(Target::Link(final_link[&t]))
                }
                (_, Relation::Attack | Relation::Contradiction | Relation::Undercut) => {
                    claims.get(&to).map(|&c| Target::Claim(c))
                }
                _ => None,
            };
            if let Some(target) = target {
                let id = map.add_link(Link::new(LinkKind::Attack, premises, target));
                final_link.insert(a, id);
                continue;
            }
            folded_arguments.insert(a, premises);
        }
        let Some(from_claim) = source(from) else {
            continue;
        };
        let (kind, target) = match (relation, to) {
            (Relation::Undercut, Node::Argument(t)) => {
                if let Some(&link) = final_link.get(&t) {
                    (LinkKind::Attack, Target::Link(link))
                } else {
                    // An argument kept as a claim: undercut what it argues for.
                    pending_undercuts.push((from_claim, to));
                    continue;
                }
            }
            (Relation::Undercut, Node::Statement(_)) => {
                approximations += 1;
                match claims.get(&to) {
                    Some(&c) => (LinkKind::Attack, Target::Claim(c)),
                    None => continue,
                }
            }
            (Relation::Support | Relation::Attack | Relation::Contradiction, _) => {
                let kind = if relation == Relation::Support {
                    LinkKind::Support
                } else {
                    LinkKind::Attack
                };
                match to {
                    Node::Argument(t) if !claims.contains_key(&to) => {
                        // A relation into a reconstructed argument.
                        match (kind, final_link.get(&t)) {
                            (LinkKind::Attack, Some(&link)) => {
                                approximations += 1;
                                (LinkKind::Attack, Target::Link(link))
                            }
                            _ => match source(to) {
                                Some(c) => {
                                    approximations += 1;
                                    (kind, Target::Claim(c))
                                }
                                None => continue,
                            },
                        }
                    }
                    _ => match claims.get(&to) {
                        Some(&c) => (kind, Target::Claim(c)),
                        None => continue,
                    },
                }
            }
        };
        if target == Target::Claim(from_claim) {
            // An argument's relation to its own conclusion says nothing new.
            if !matches!(from, Node::Argument(_)) {
                self_relations += 1;
            }
            continue;
        }
        if seen.insert((from_claim, target, kind)) {
            map.add_link(Link::new(kind, vec![from_claim], target));
        }
        if relation == Relation::Contradiction
            && let Target::Claim(t) = target
            && seen.insert((t, Target::Claim(from_claim), LinkKind::Attack))
        {
            map.add_link(Link::new(
                LinkKind::Attack,
                vec![t],
                Target::Claim(from_claim),
            ));
        }
    }
    for (from_claim, to) in pending_undercuts {
        let Some(&arg_claim) = claims.get(&to) else {
            continue;
        };
        let outgoing: Vec<LinkId> = map
            .links
            .iter()
            .filter(|(_, l)| l.premises == [arg_claim])
            .map(|(&id, _)| id)
            .collect();
        let target = if let [only] = outgoing[..] {
            Target::Link(only)
        } else {
            approximations += 1;
            Target::Claim(arg_claim)
        };
        if seen.insert((from_claim, target, LinkKind::Attack)) {
            map.add_link(Link::new(LinkKind::Attack, vec![from_claim], target));
        }
    }
    // A stand-in conclusion with nothing to attack leaves its block unread.
    incomplete += folded_arguments.len();

    let extra: usize = doc.statements.iter().map(|s| s.formulations).sum();
    let counted = [
        (
            prose,
            "untitled paragraphs outside any relation read as prose and left out (Argdown leaves them off its map too)",
        ),
        (
            approximations,
            "relations aimed at a statement's inference or an argument's premises were read as plain attacks or supports",
        ),
        (
            incomplete,
            "premise–conclusion blocks without premises or a conclusion were only partly read",
        ),
        (
            self_relations,
            "relations of a statement to itself left out",
        ),
        (
            extra,
            "further formulations of statements with the same title left out: the first is kept",
        ),
        (doc.data_blocks, "inline data blocks ({…}) left out"),
        (
            doc.headings,
            "headings kept as tags on the statements under them",
        ),
    ];
    report.extend(
        counted
            .into_iter()
            .filter(|&(count, _)| count > 0)
            .map(|(count, what)| format!("{count} {what}")),
    );
    let titled = doc.statements.iter().filter(|s| s.title.is_some()).count() + doc.arguments.len();
    if titled > 0 {
        report.push(
            "titles of statements and arguments are not kept: cards show their text".to_owned(),
        );
    }
    map.thesis = thesis.or_else(|| crate::model::reading::main_conclusion(&map));
    Imported {
        map,
        report,
        positioned: false,
    }
}

fn final_conclusion(argument: &Argument) -> Option<usize> {
    let last_inference = argument.pcs.iter().rposition(Option::is_none)?;
    argument.pcs[last_inference + 1..]
        .iter()
        .flatten()
        .next()
        .copied()
}

/// A claim from text and Argdown tags; the tags `thesis`, `evidence` and
/// `note` set what Argmap shows instead of staying tags.
fn claim_with_tags(text: String, tags: &[String]) -> (Claim, bool) {
    let mut claim = Claim::new(text, Pos::default());
    let mut thesis = false;
    for tag in tags {
        match tag.as_str() {
            THESIS_TAG => thesis = true,
            "evidence" => claim.kind = ClaimKind::Evidence,
            "note" => claim.kind = ClaimKind::Note,
            _ => claim.tags.push(tag.clone()),
        }
    }
    (claim, thesis)
}
