//! The text of one Argdown element read the way Argdown's own parser reads
//! it: escapes undone, emphasis markers dropped where its lexer takes them
//! as markers, shortcodes (`:smile:`, `.A.`) turned into what they stand
//! for, links kept as their text, tags and inline data taken out.
//!
//! The rules follow the token order of Argdown's lexer (`@argdown/core`
//! 1.7): at each place the first token that matches wins, so `snake_case`
//! opens an italic run just as it does there, and `e.g.` stays as typed
//! because no shortcode is called `.g.`.

/// The text of an element, and what was taken out of it.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Inline {
    pub(super) text: String,
    pub(super) tags: Vec<String>,
    /// The inline data's (`{key: value}`) keys and plain values, in order (a later key
    /// overrides an earlier one when they are used).
    pub(super) data: Vec<(String, String)>,
}

/// Characters that end a run of plain text in Argdown's lexer.
fn is_control(c: char) -> bool {
    matches!(
        c,
        '\\' | '@'
            | '#'
            | '*'
            | '_'
            | '['
            | ']'
            | ','
            | '.'
            | ':'
            | ';'
            | '<'
            | '/'
            | '>'
            | '-'
            | '('
            | ')'
            | '{'
            | '}'
            | '\r'
            | '\n'
    )
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Emphasis {
    StarBold,
    UnderscoreBold,
    StarItalic,
    UnderscoreItalic,
}

impl Emphasis {
    fn marker(self) -> &'static str {
        match self {
            Self::StarBold => "**",
            Self::UnderscoreBold => "__",
            Self::StarItalic => "*",
            Self::UnderscoreItalic => "_",
        }
    }
}

/// The order Argdown's lexer tries emphasis markers in.
const EMPHASES: [Emphasis; 4] = [
    Emphasis::StarBold,
    Emphasis::UnderscoreBold,
    Emphasis::StarItalic,
    Emphasis::UnderscoreItalic,
];

/// Reads the raw text of one element (its lines joined by `\n`).
#[expect(
    clippy::too_many_lines,
    reason = "One branch per token, in the lexer's order."
)]
pub(super) fn read(raw: &str) -> Inline {
    let chars: Vec<char> = raw.chars().collect();
    let mut out = Inline::default();
    let mut open: Vec<Emphasis> = Vec::new();
    // Whether skipped spaces came after the last token: an emphasis
    // marker cannot close right after them.
    let mut after_spaces = true;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        // Inline data.
        if c == '{'
            && let Some(end) = closing_brace(&chars, i)
        {
            let inside: String = chars[i + 1..end].iter().collect();
            out.data.extend(flow_pairs(&inside));
            i = end + 1;
            after_spaces = false;
            continue;
        }
        if c == '\\' && i + 1 < chars.len() {
            out.text.push(chars[i + 1]);
            i += 2;
            while chars.get(i) == Some(&' ') {
                out.text.push(' ');
                i += 1;
            }
            after_spaces = false;
            continue;
        }
        if (c == '.' || c == ':')
            && let Some(end) = special_end(&chars, i)
        {
            let code: String = chars[i..=end].iter().collect();
            let spaced = matches!(chars.get(end + 1), Some(' ' | '\t'));
            match shortcode(&code) {
                Some(symbol) => out.text.push_str(symbol),
                None => out.text.push_str(&code),
            }
            if spaced {
                out.text.push(' ');
            }
            i = end + 1 + usize::from(spaced);
            after_spaces = false;
            continue;
        }
        if c == '\n' {
            if !out.text.ends_with(' ') {
                out.text.push(' ');
            }
            i += 1;
            while matches!(chars.get(i), Some(' ' | '\t')) {
                i += 1;
            }
            after_spaces = true;
            continue;
        }
        if (c == '*' || c == '_')
            && let Some(next) = emphasis(&chars, i, &mut open, after_spaces, &mut out.text)
        {
            i = next;
            after_spaces = false;
            continue;
        }
        if c == '['
            && let Some((text, end)) = link(&chars, i)
        {
            out.text.push_str(&text);
            i = end;
            if matches!(chars.get(i), Some(' ' | '\t')) {
                out.text.push(' ');
                i += 1;
            }
            after_spaces = false;
            continue;
        }
        if c == '#'
            && let Some((tag, end)) = tag(&chars, i)
        {
            if !out.tags.contains(&tag) {
                out.tags.push(tag);
            }
            i = end;
            if matches!(chars.get(i), Some(' ' | '\t')) {
                i += 1;
            }
            after_spaces = false;
            continue;
        }
        if c == ' ' || c == '\t' {
            while matches!(chars.get(i), Some(' ' | '\t')) {
                i += 1;
            }
            after_spaces = true;
            continue;
        }
        if is_control(c) {
            out.text.push(c);
            i += 1;
            if let Some(&space @ (' ' | '\t')) = chars.get(i) {
                out.text.push(space);
                i += 1;
            }
            after_spaces = false;
            continue;
        }
        while i < chars.len() && !is_control(chars[i]) {
            out.text.push(chars[i]);
            i += 1;
        }
        after_spaces = false;
    }
    let kept = out.text.trim_end().len();
    out.text.truncate(kept);
    out
}

/// Where the shortcode-like run `.x.` or `:x:` starting at `start` ends:
/// the next same mark with no whitespace before it, at least one
/// character on.
fn special_end(chars: &[char], start: usize) -> Option<usize> {
    let mark = chars[start];
    (start + 1..chars.len())
        .take_while(|&j| !chars[j].is_whitespace())
        .find(|&j| j >= start + 2 && chars[j] == mark)
}

/// An emphasis marker at `start`: closing the innermost open run (when no
/// skipped space comes right before it and a space, a punctuation mark or
/// the end comes after it), or else opening a new one (when no space
/// follows). Returns where reading goes on, or `None` when the `*` or `_`
/// is plain text.
fn emphasis(
    chars: &[char],
    start: usize,
    open: &mut Vec<Emphasis>,
    after_spaces: bool,
    text: &mut String,
) -> Option<usize> {
    let starts = |s: &str| {
        s.chars()
            .enumerate()
            .all(|(k, c)| chars.get(start + k) == Some(&c))
    };
    if let Some(&top) = open.last()
        && !after_spaces
        && starts(top.marker())
    {
        let mut after = start + top.marker().len();
        let closes = chars.get(after).is_none_or(|&next| {
            matches!(
                next,
                ' ' | '\t'
                    | '\n'
                    | '\r'
                    | ')'
                    | '}'
                    | '_'
                    | '.'
                    | ','
                    | '!'
                    | '?'
                    | ';'
                    | ':'
                    | '-'
                    | '*'
            )
        });
        if closes {
            open.pop();
            if matches!(chars.get(after), Some(' ' | '\t')) {
                text.push(' ');
                after += 1;
            }
            return Some(after);
        }
    }
    let kind = EMPHASES.into_iter().find(|e| starts(e.marker()))?;
    let after = start + kind.marker().len();
    if chars.get(after).is_some_and(|c| c.is_whitespace()) {
        return None;
    }
    open.push(kind);
    Some(after)
}

/// The `}` that closes the `{` at `start`, counting nested braces.
fn closing_brace(chars: &[char], start: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (j, &c) in chars.iter().enumerate().skip(start) {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(j);
                }
            }
            _ => {}
        }
    }
    None
}

/// The entries of a YAML flow collection's inside, split at its top-level
/// commas (quotes and nested collections kept whole).
fn flow_entries(inside: &str) -> Vec<&str> {
    let mut entries = Vec::new();
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut start = 0;
    let mut escaped = false;
    for (at, c) in inside.char_indices() {
        // Inside double quotes a backslash escapes what follows.
        if escaped {
            escaped = false;
            continue;
        }
        match (quote, c) {
            (Some('"'), '\\') => escaped = true,
            (Some(q), c) if c == q => quote = None,
            (None, '"' | '\'') => quote = Some(c),
            (None, '{' | '[') => depth += 1,
            (None, '}' | ']') => depth = depth.saturating_sub(1),
            (None, ',') if depth == 0 => {
                entries.push(&inside[start..at]);
                start = at + 1;
            }
            _ => {}
        }
    }
    entries.push(&inside[start..]);
    entries
}

/// The items of a YAML flow sequence's inside (`"a", b`), unquoted.
pub(super) fn flow_items(inside: &str) -> Vec<String> {
    flow_entries(inside)
        .into_iter()
        .map(|item| unquote(item.trim()))
        .filter(|item| !item.is_empty())
        .collect()
}

/// The `key: value` pairs of a YAML flow mapping's inside (`weight: 0.4,
/// standard: "clear-and-convincing"`), values as plain strings: quotes
/// taken off, nested collections kept as written. Enough for the scalar
/// values Argmap reads; what it does not read it counts, not parses.
pub(super) fn flow_pairs(inside: &str) -> Vec<(String, String)> {
    flow_entries(inside)
        .into_iter()
        .filter_map(|entry| {
            let entry = entry.trim();
            // A key ends at the first ": " (or a ":" that ends the entry).
            let colon = entry
                .char_indices()
                .find(|&(k, c)| {
                    c == ':'
                        && entry[k + 1..]
                            .chars()
                            .next()
                            .is_none_or(char::is_whitespace)
                })
                .map(|(k, _)| k)?;
            let key = unquote(entry[..colon].trim());
            let value = unquote(entry[colon + 1..].trim());
            (!key.is_empty()).then_some((key, value))
        })
        .collect()
}

/// A YAML scalar without its quotes (`'it''s'` → `it's`, `"a\"b"` →
/// `a"b`).
fn unquote(scalar: &str) -> String {
    if let Some(inner) = scalar.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')) {
        return inner.replace("''", "'");
    }
    if let Some(inner) = scalar.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
        let mut out = String::with_capacity(inner.len());
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n') => out.push('\n'),
                    Some('t') => out.push('\t'),
                    Some(kind @ ('x' | 'u')) => {
                        let digits: String = chars
                            .by_ref()
                            .take(if kind == 'x' { 2 } else { 4 })
                            .collect();
                        if let Some(c) = u32::from_str_radix(&digits, 16)
                            .ok()
                            .and_then(char::from_u32)
                        {
                            out.push(c);
                        }
                    }
                    Some(other) => out.push(other),
                    None => {}
                }
            } else {
                out.push(c);
            }
        }
        return out;
    }
    scalar.to_owned()
}

/// `[text](url)` at `start`: its text and where it ends.
fn link(chars: &[char], start: usize) -> Option<(String, usize)> {
    let close = start + 1 + chars[start + 1..].iter().position(|&c| c == ']')?;
    if close == start + 1 || chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let end = close + 2 + chars[close + 2..].iter().position(|&c| c == ')')?;
    if end == close + 2 {
        return None;
    }
    Some((chars[start + 1..close].iter().collect(), end + 1))
}

/// `#tag` or `#(several words)` at `start`: the tag and where it ends.
fn tag(chars: &[char], start: usize) -> Option<(String, usize)> {
    if chars.get(start + 1) == Some(&'(') {
        let end = start + 2 + chars[start + 2..].iter().position(|&c| c == ')')?;
        if end == start + 2 {
            return None;
        }
        let tag: String = chars[start + 2..end].iter().collect();
        return Some((tag.trim().to_owned(), end + 1));
    }
    // Argdown's class: ASCII letters and digits (and the ASCII range
    // between `Z` and `a`), `-`, and most of the Basic Multilingual Plane
    // above U+00A0.
    let word = |c: char| {
        c.is_ascii_alphanumeric()
            || ('Z'..='a').contains(&c)
            || c == '-'
            || ('\u{A0}'..='\u{D7FF}').contains(&c)
            || ('\u{F900}'..='\u{FDCF}').contains(&c)
            || ('\u{FDF0}'..='\u{FFEF}').contains(&c)
    };
    let end = start + 1 + chars[start + 1..].iter().take_while(|&&c| word(c)).count();
    (end > start + 1).then(|| (chars[start + 1..end].iter().collect(), end))
}

/// What Argdown shows for a shortcode, if `code` is one.
fn shortcode(code: &str) -> Option<&'static str> {
    let colon = code.starts_with(':');
    let name = code.get(1..code.len().checked_sub(1)?)?;
    if name == "smile" {
        return Some(if colon {
            "\u{263A}\u{FE0F}"
        } else {
            "\u{263A}"
        });
    }
    SHORTCODES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|&(_, symbol)| symbol)
}

/// Argdown's shortcodes, each written `.name.` or `:name:`.
const SHORTCODES: [(&str, &str); 39] = [
    ("A", "∀"),
    ("E", "∃"),
    ("O", "𝗢"),
    ("P", "𝗣"),
    ("->", "→"),
    ("<->", "↔"),
    ("~", "¬"),
    ("^", "∧"),
    ("v", "∨"),
    ("v_", "⊻"),
    ("<>", "◇"),
    ("[]", "◻"),
    ("happy", "😀"),
    ("smiley", "☺"),
    ("laugh", "😆"),
    ("lol", "😆"),
    ("rofl", "🤣"),
    ("joy", "😂"),
    ("heart", "❤"),
    ("?", "❓"),
    ("question", "❓"),
    ("love", "😍"),
    ("wink", "😉"),
    ("shush", "🤫"),
    ("meh", "😐"),
    ("eye-roll", "🙄"),
    ("sad", "😢"),
    ("disappointed", "😞"),
    ("scream", "😱"),
    ("+1", "👍"),
    ("up", "👍"),
    ("-1", "👎"),
    ("down", "👎"),
    ("think", "🤔"),
    ("star", "⭐"),
    ("y", "✔"),
    ("agree", "✔"),
    ("n", "❌"),
    ("disagree", "❌"),
];

#[cfg(test)]
mod tests {
    use super::{flow_pairs, read};

    #[test]
    fn emphasis_and_escapes_read_as_argdown_reads_them() {
        assert_eq!(
            read("Stars *italic* and **bold** here.").text,
            "Stars italic and bold here."
        );
        assert_eq!(
            read("Underscore snake_case and __init__ here.").text,
            "Underscore snakecase and init_ here."
        );
        assert_eq!(read(r"2\*3\*4 and a\_b").text, "2*3*4 and a_b");
        assert_eq!(read(r"\\ stays").text, r"\ stays");
    }

    #[test]
    fn shortcodes_become_symbols_and_dotted_words_stay() {
        assert_eq!(
            read("Abbreviations e.g. the U.S. economy and :smile: and v1.5.2 here.").text,
            "Abbreviations e.g. the U.S. economy and ☺\u{FE0F} and v1.5.2 here."
        );
        assert_eq!(read("If .A. x then .E. y").text, "If ∀ x then ∃ y");
    }

    #[test]
    fn tags_links_and_data_leave_the_text() {
        let inline = read("A claim #(two words) with a [link](https://x.org) {weight: 2} #tag");
        assert_eq!(inline.text, "A claim with a link");
        assert_eq!(inline.tags, ["two words", "tag"]);
        assert_eq!(inline.data, [("weight".to_owned(), "2".to_owned())]);
    }

    #[test]
    fn inline_data_reads_as_keys_and_plain_values() {
        let pairs = |s: &str| -> Vec<(String, String)> { flow_pairs(s) };
        assert_eq!(
            pairs(r#"weight: 0.4, standard: "clear-and-convincing", note: 'it''s, fine'"#),
            [
                ("weight".to_owned(), "0.4".to_owned()),
                ("standard".to_owned(), "clear-and-convincing".to_owned()),
                ("note".to_owned(), "it's, fine".to_owned()),
            ]
        );
        // Nested collections stay whole; a URL's colon is not a key's.
        assert_eq!(
            pairs("tags: [a, b], url: https://x.org/a:b, {}"),
            [
                ("tags".to_owned(), "[a, b]".to_owned()),
                ("url".to_owned(), "https://x.org/a:b".to_owned()),
            ]
        );
        assert!(pairs("").is_empty());
        assert_eq!(
            read("Text {standard: beyond-reasonable-doubt}").data.len(),
            1
        );
    }

    #[test]
    fn lines_join_with_one_space() {
        assert_eq!(
            read("First line\n   second line").text,
            "First line second line"
        );
    }
}
