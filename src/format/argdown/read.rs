//! Reading an Argdown document: statements, arguments, relation trees,
//! premise–conclusion blocks, references, tags, headings and comments.

use std::collections::HashMap;

use super::{front_matter, inline};
use crate::format::{ParseError, text_of};

/// What a title names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum Node {
    Statement(usize),
    Argument(usize),
}

#[derive(Default, Debug)]
pub(super) struct Statement {
    pub(super) title: Option<String>,
    pub(super) text: String,
    pub(super) tags: Vec<String>,
    /// Declared at the top level without a title and never related: prose.
    pub(super) top_level_untitled: bool,
    pub(super) formulations: usize,
    /// Its inline data's keys and values, from every mention, in order.
    pub(super) data: Vec<(String, String)>,
}

#[derive(Default, Debug)]
pub(super) struct Argument {
    pub(super) title: String,
    pub(super) text: String,
    pub(super) tags: Vec<String>,
    /// Premise–conclusion structure: statements, with `None` marking an
    /// inference line.
    pub(super) pcs: Vec<Option<usize>>,
    /// Its inline data's keys and values, from every mention, in order.
    pub(super) data: Vec<(String, String)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Relation {
    Support,
    Attack,
    Undercut,
    Contradiction,
}

#[derive(Default)]
pub(super) struct Document {
    pub(super) title: String,
    /// The map's sources, from Argmap's line of the front matter.
    pub(super) sources: std::collections::BTreeMap<String, crate::model::Source>,
    pub(super) statements: Vec<Statement>,
    pub(super) arguments: Vec<Argument>,
    pub(super) statement_titles: HashMap<String, usize>,
    pub(super) argument_titles: HashMap<String, usize>,
    /// (from, to, kind): `from` supports, attacks or undercuts `to`.
    pub(super) relations: Vec<(Node, Node, Relation)>,
    pub(super) headings: usize,
    /// Relation lines with nothing above them to relate to.
    pub(super) stray_relations: usize,
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
pub(super) fn merge_tags(tags: &mut Vec<String>, new: Vec<String>) {
    for tag in new {
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
}

/// What a comment's characters become: a line holding nothing else is
/// skipped as Argdown skips it (it neither ends a block nor continues one).
const COMMENT: char = '\u{1}';

/// Replaces comments by [`COMMENT`] marks, keeping every line break where
/// it was, so line numbers still point into the original.
pub(super) fn strip_comments(text: &str) -> String {
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
        if !escaped && starts(i, "](") {
            // A link's address: `//` in it starts no comment.
            while i < chars.len() && chars[i] != ')' && chars[i] != '\n' {
                out.push(chars[i]);
                i += 1;
            }
            continue;
        }
        let end = if escaped {
            None
        } else if starts(i, "<!--") {
            Some("-->")
        } else if starts(i, "/*") {
            Some("*/")
        } else if starts(i, "//") {
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
            out.push(if c == '\n' { '\n' } else { COMMENT });
        }
        i = if end == "\n" {
            j
        } else {
            (j + end.chars().count()).min(chars.len())
        };
        if end != "\n" {
            for _ in 0..end.chars().count().min(chars.len().saturating_sub(j)) {
                out.push(COMMENT);
            }
        }
    }
    out
}

/// The relation symbols, longest first; `true` when the child is the
/// source (incoming to the parent).
pub(super) const SYMBOLS: [(&str, Relation, bool); 10] = [
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

pub(super) fn relation_symbol(line: &str) -> Option<(Relation, bool, &str)> {
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
#[derive(Clone, Copy)]
pub(super) enum Head<'t> {
    Statement(Option<&'t str>, &'t str),
    Argument(&'t str, &'t str),
}

pub(super) fn head(line: &str) -> Head<'_> {
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

/// Where a line's element goes while reading.
#[derive(Clone, Copy)]
pub(super) enum Open {
    Statement(usize),
    Argument(usize),
    Heading,
}

/// The state of one reading pass.
#[derive(Default)]
struct Reader {
    doc: Document,
    /// The heading over what is being read, as a tag.
    group: Option<String>,
    /// The relation tree being read: (indent, node) from the root down.
    stack: Vec<(usize, Node)>,
    /// The element whose text continuation lines extend, its raw lines.
    open: Option<(Open, String)>,
    /// The argument whose premise–conclusion block is being read.
    pcs: Option<usize>,
    /// The argument of the last top-level block, whose premise–conclusion
    /// block may follow.
    last_top_argument: Option<usize>,
    /// Inside a multi-line inference (`--` … `--`).
    in_rule: bool,
    anonymous_arguments: usize,
}

impl Reader {
    /// Ends the open element: its text read as Argdown reads it.
    fn finish(&mut self) {
        let Some((element, raw)) = self.open.take() else {
            return;
        };
        let read = inline::read(&raw);
        match element {
            Open::Statement(i) => {
                // Argdown's canonical text is the last formulation.
                let statement = &mut self.doc.statements[i];
                if !read.text.is_empty() && statement.text != read.text {
                    if !statement.text.is_empty() {
                        statement.formulations += 1;
                    }
                    statement.text = read.text;
                }
                merge_tags(&mut statement.tags, read.tags);
                statement.data.extend(read.data);
            }
            Open::Argument(i) => {
                // As for statements, the last description counts.
                let argument = &mut self.doc.arguments[i];
                if !read.text.is_empty() {
                    argument.text = read.text;
                }
                merge_tags(&mut argument.tags, read.tags);
                argument.data.extend(read.data);
            }
            Open::Heading => {
                self.group = (!read.text.is_empty()).then_some(read.text);
            }
        }
    }

    /// A statement or argument named by `head`, with its text opened.
    fn element(&mut self, head: Head<'_>) -> Node {
        let (node, element, text) = match head {
            Head::Statement(title, text) => {
                let i = self.doc.statement(title);
                (Node::Statement(i), Open::Statement(i), text)
            }
            Head::Argument(title, text) => {
                let i = self.doc.argument(title);
                (Node::Argument(i), Open::Argument(i), text)
            }
        };
        if let Some(group) = &self.group {
            tag_node(&mut self.doc, node, group);
        }
        self.open = Some((element, text.to_owned()));
        node
    }

    /// `(n) …`: a statement of the premise–conclusion block under way, or
    /// the first of a new one.
    fn numbered(&mut self, indent: usize, rest: &str) {
        self.finish();
        let argument = if let Some(a) = self.pcs.or(self.last_top_argument) {
            a
        } else {
            self.anonymous_arguments += 1;
            let title = format!("Argument {} (untitled)", self.anonymous_arguments);
            self.doc.argument(&title)
        };
        if self.pcs != Some(argument) {
            self.doc.arguments[argument].pcs.clear();
        }
        self.pcs = Some(argument);
        self.in_rule = false;
        let (title, text) = match head(rest) {
            Head::Statement(title, text) => (title, text),
            // An argument cannot be a premise: read its text as one.
            Head::Argument(title, text) => (Some(title), text),
        };
        let i = self.doc.statement(title);
        if let Some(group) = &self.group {
            tag_node(&mut self.doc, Node::Statement(i), group);
        }
        self.open = Some((Open::Statement(i), text.to_owned()));
        self.doc.arguments[argument].pcs.push(Some(i));
        self.stack = vec![(indent, Node::Statement(i))];
    }

    /// Leaves the tree's elements at `indent` or deeper: what comes next
    /// at `indent` hangs from the one above them.
    fn close_to(&mut self, indent: usize) {
        while self.stack.last().is_some_and(|&(i, _)| i >= indent) {
            self.stack.pop();
        }
    }

    /// A line with a relation symbol under the tree being read.
    fn relation(&mut self, indent: usize, relation: Relation, incoming: bool, rest: &str) {
        self.finish();
        self.close_to(indent);
        let Some(&(_, parent)) = self.stack.last() else {
            self.doc.stray_relations += 1;
            return;
        };
        let child = self.element(head(rest));
        let (from, to) = if incoming {
            (child, parent)
        } else {
            (parent, child)
        };
        self.doc.relations.push((from, to, relation));
        self.stack.push((indent, child));
    }

    /// `* item` or `1. item`: a statement of its own, which relations
    /// under it answer.
    fn list_item(&mut self, indent: usize, rest: &str) {
        self.finish();
        self.close_to(indent);
        let node = self.element(head(rest));
        if let Node::Statement(i) = node
            && self.doc.statements[i].title.is_none()
        {
            self.doc.statements[i].top_level_untitled = true;
        }
        self.stack.push((indent, node));
    }

    /// A line at the top level that starts a new block.
    fn top_level(&mut self, line: &str) {
        self.finish();
        self.pcs = None;
        let head = head(line);
        let untitled = matches!(head, Head::Statement(None, _));
        let node = self.element(head);
        match node {
            Node::Statement(i) => {
                if untitled {
                    self.doc.statements[i].top_level_untitled = true;
                }
                self.last_top_argument = None;
            }
            Node::Argument(i) => self.last_top_argument = Some(i),
        }
        self.stack = vec![(0, node)];
    }
}

/// Reads an Argdown document into its parts.
///
/// # Errors
/// When the bytes are not UTF-8 text or hold nothing.
pub(super) fn document(bytes: &[u8]) -> Result<Document, ParseError> {
    let source = text_of(bytes)?;
    let text = strip_comments(source);
    let mut lines: Vec<&str> = text.lines().collect();
    let mut reader = Reader::default();
    // Front matter.
    let first = lines.iter().position(|l| !l.trim().is_empty());
    if let Some(first) = first
        && lines[first].trim().starts_with("===")
    {
        let end = lines[first + 1..]
            .iter()
            .position(|l| l.trim().starts_with("==="));
        if let Some(end) = end {
            let body = &lines[first + 1..first + 1 + end];
            reader.doc.title = front_matter::title(body).unwrap_or_default();
            reader.doc.sources = front_matter::sources(body);
            for line in &mut lines[first..=first + 1 + end] {
                *line = "";
            }
        }
    }

    for raw in &lines {
        if raw.contains(COMMENT) && raw.chars().all(|c| c == COMMENT || c.is_whitespace()) {
            continue;
        }
        let expanded = raw.replace('\t', "    ").replace(COMMENT, "");
        let indent = expanded.len() - expanded.trim_start().len();
        let line = expanded.trim();
        if line.is_empty() {
            // A blank line ends the block: its tree and any element.
            reader.finish();
            reader.stack.clear();
            continue;
        }
        // Headings group what follows.
        if indent == 0 && line.starts_with('#') {
            let hashes = line.chars().take_while(|&c| c == '#').count();
            if line[hashes..].starts_with(' ') {
                reader.finish();
                reader.doc.headings += 1;
                reader.stack.clear();
                reader.pcs = None;
                reader.last_top_argument = None;
                reader.open = Some((Open::Heading, line[hashes..].to_owned()));
                continue;
            }
        }
        if matches!(reader.open, Some((Open::Heading, _))) {
            if let Some((_, text)) = &mut reader.open {
                text.push('\n');
                text.push_str(line);
            }
            continue;
        }
        if let Some(rest) = numbered(line) {
            reader.numbered(indent, rest);
            continue;
        }
        if let Some(argument) = reader.pcs
            && line.starts_with("--")
        {
            reader.finish();
            let all_dashes = line.chars().all(|c| c == '-');
            if all_dashes && reader.in_rule {
                reader.in_rule = false;
            } else {
                reader.doc.arguments[argument].pcs.push(None);
                reader.in_rule = all_dashes;
            }
            reader.stack.clear();
            continue;
        }
        if reader.in_rule {
            continue;
        }
        if let Some((relation, incoming, rest)) = relation_symbol(line)
            && (indent > 0 || !reader.stack.is_empty())
        {
            reader.relation(indent.max(1), relation, incoming, rest);
            continue;
        }
        if let Some(rest) = list_item(line) {
            reader.list_item(indent, rest);
            continue;
        }
        // Continuation of the open element.
        if let Some((_, text)) = &mut reader.open
            && (indent > 0 || !line.starts_with(['[', '<']))
        {
            text.push('\n');
            text.push_str(line);
            continue;
        }
        // A new block (indented or not, as Argdown reads it).
        reader.top_level(line);
    }
    reader.finish();
    Ok(reader.doc)
}

/// `* rest` or `12. rest` → `rest`.
fn list_item(line: &str) -> Option<&str> {
    if let Some(rest) = line.strip_prefix('*')
        && rest.starts_with(char::is_whitespace)
    {
        return Some(rest.trim_start());
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let rest = line[digits..].strip_prefix('.')?;
    (digits > 0 && rest.starts_with(char::is_whitespace)).then(|| rest.trim_start())
}

/// `(1) rest` → `rest`.
pub(super) fn numbered(line: &str) -> Option<&str> {
    let rest = line.strip_prefix('(')?;
    let end = rest.find(')')?;
    if end == 0 || !rest[..end].chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(rest[end + 1..].trim())
}

pub(super) fn tag_node(doc: &mut Document, node: Node, tag: &str) {
    let tags = match node {
        Node::Statement(i) => &mut doc.statements[i].tags,
        Node::Argument(i) => &mut doc.arguments[i].tags,
    };
    if !tags.iter().any(|t| t == tag) {
        tags.push(tag.to_owned());
    }
}
