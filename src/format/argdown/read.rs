//! Reading an Argdown document: statements, arguments, relation trees,
//! premise–conclusion blocks, references, tags, headings and comments.

use std::collections::HashMap;

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
}

#[derive(Default, Debug)]
pub(super) struct Argument {
    pub(super) title: String,
    pub(super) text: String,
    pub(super) tags: Vec<String>,
    /// Premise–conclusion structure: statements, with `None` marking an
    /// inference line.
    pub(super) pcs: Vec<Option<usize>>,
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
    pub(super) statements: Vec<Statement>,
    pub(super) arguments: Vec<Argument>,
    pub(super) statement_titles: HashMap<String, usize>,
    pub(super) argument_titles: HashMap<String, usize>,
    /// (from, to, kind): `from` supports, attacks or undercuts `to`.
    pub(super) relations: Vec<(Node, Node, Relation)>,
    pub(super) headings: usize,
    pub(super) data_blocks: usize,
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

/// Replaces comments by spaces, keeping every line break where it was,
/// so line numbers still point into the original.
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

/// Text with tags, data and Markdown emphasis taken out, escapes undone.
pub(super) fn clean(text: &str) -> (String, Vec<String>, bool) {
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
pub(super) enum Open {
    Statement(usize),
    Argument(usize),
}

/// Reads an Argdown document.
///
/// # Errors
/// When the bytes are not UTF-8 text or hold nothing.
#[allow(clippy::too_many_lines)] // One reading pass, line by line.
/// Reads an Argdown document into its parts.
///
/// # Errors
/// When the bytes are not text.
pub(super) fn document(bytes: &[u8]) -> Result<Document, ParseError> {
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
    Ok(doc)
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

/// `:heart:` and the like, which Argdown's viewer shows as emoji.
pub(super) fn strip_shortcodes(text: &str) -> String {
    text.split_whitespace()
        .filter(|w| !(w.len() > 2 && w.starts_with(':') && w.ends_with(':')))
        .collect::<Vec<_>>()
        .join(" ")
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
