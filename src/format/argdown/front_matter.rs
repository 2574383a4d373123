//! The title in an Argdown document's front matter, a YAML block between
//! `===` lines. Only the `title` key is read, but in every form YAML
//! allows for a string: plain or quoted, over several lines, or a block
//! scalar (`|`, `>`).

/// The map's sources, which Argmap writes as one line of JSON (YAML's own
/// flow form) under `argmap-sources:`; none when the block has no such
/// line or it is not sources.
pub(super) fn sources(lines: &[&str]) -> std::collections::BTreeMap<String, crate::model::Source> {
    lines
        .iter()
        .find_map(|l| l.strip_prefix("argmap-sources:"))
        .and_then(|json| serde_json::from_str(json.trim()).ok())
        .unwrap_or_default()
}

/// The `title` in the lines of a front matter block, as one line.
pub(super) fn title(lines: &[&str]) -> Option<String> {
    let start = lines.iter().position(|l| l.starts_with("title:"))?;
    let first = lines[start]["title:".len()..].trim();
    // Lines that belong to the value: indented ones, and blank ones
    // between them.
    let more: Vec<&str> = lines[start + 1..]
        .iter()
        .take_while(|l| l.trim().is_empty() || l.starts_with([' ', '\t']))
        .copied()
        .collect();
    let value = if let Some(rest) = first.strip_prefix('"') {
        double_quoted(rest, &more)
    } else if let Some(rest) = first.strip_prefix('\'') {
        single_quoted(rest, &more)
    } else if first.starts_with(['|', '>']) {
        block(first.starts_with('|'), &more)
    } else {
        plain(first, &more)
    };
    let one_line = value.split_whitespace().collect::<Vec<_>>().join(" ");
    (!one_line.is_empty()).then_some(one_line)
}

/// Lines folded the YAML way: a single line break is a space, an empty
/// line a line break.
fn fold(parts: &[&str]) -> String {
    let mut out = String::new();
    let mut breaks = 0;
    for (k, part) in parts.iter().enumerate() {
        let part = if k == 0 { part.trim_end() } else { part.trim() };
        if part.is_empty() && k > 0 {
            breaks += 1;
            continue;
        }
        if k > 0 {
            if breaks > 0 {
                out.push_str(&"\n".repeat(breaks));
            } else {
                out.push(' ');
            }
        }
        breaks = 0;
        out.push_str(part);
    }
    out
}

fn plain(first: &str, more: &[&str]) -> String {
    let mut parts = vec![strip_comment(first)];
    parts.extend(more.iter().map(|l| strip_comment(l)));
    fold(&parts).trim().to_owned()
}

/// A plain scalar ends before ` #`.
fn strip_comment(line: &str) -> &str {
    match line.find(" #") {
        Some(at) => &line[..at],
        None if line.trim_start().starts_with('#') => "",
        None => line,
    }
}

fn single_quoted(rest: &str, more: &[&str]) -> String {
    let mut parts = vec![rest];
    parts.extend_from_slice(more);
    let joined = fold(&parts);
    let mut out = String::new();
    let mut chars = joined.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\'' {
            if chars.peek() == Some(&'\'') {
                chars.next();
                out.push('\'');
                continue;
            }
            break;
        }
        out.push(c);
    }
    out
}

fn double_quoted(rest: &str, more: &[&str]) -> String {
    let mut parts = vec![rest];
    parts.extend_from_slice(more);
    let joined = fold(&parts);
    let mut out = String::new();
    let mut chars = joined.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => break,
            '\\' => match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('0') => out.push('\0'),
                Some('x') => push_code(&mut out, &mut chars, 2),
                Some('u') => push_code(&mut out, &mut chars, 4),
                Some('U') => push_code(&mut out, &mut chars, 8),
                Some(' ') => out.push(' '),
                Some(other) => out.push(other),
                None => {}
            },
            c => out.push(c),
        }
    }
    out
}

fn push_code(out: &mut String, chars: &mut std::str::Chars<'_>, digits: usize) {
    let hex: String = chars.take(digits).collect();
    if let Some(c) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
        out.push(c);
    }
}

fn block(literal: bool, more: &[&str]) -> String {
    let lines: Vec<&str> = more.iter().map(|l| l.trim()).collect();
    if literal {
        lines.join("\n")
    } else {
        fold(&lines)
    }
}

#[cfg(test)]
mod tests {
    use super::title;

    #[test]
    fn every_form_of_a_yaml_string_reads_as_one_line() {
        assert_eq!(
            title(&["title: Debate: yes or no"]).as_deref(),
            Some("Debate: yes or no")
        );
        assert_eq!(
            title(&["title: \"A \\\"quoted\\\" \\x3D\\x3D\\x3D title\""]).as_deref(),
            Some("A \"quoted\" === title")
        );
        assert_eq!(
            title(&["title: A title that", "  goes on", "author: me"]).as_deref(),
            Some("A title that goes on")
        );
        assert_eq!(
            title(&["title: 'It''s", "  long'"]).as_deref(),
            Some("It's long")
        );
        assert_eq!(
            title(&["title: >", "  Folded", "  title"]).as_deref(),
            Some("Folded title")
        );
        assert_eq!(title(&["author: me"]), None);
    }
}
