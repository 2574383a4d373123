//! The native file format: a versioned, deterministic, readable RON file.
//!
//! Saving the same map always gives the same bytes: claims and links are
//! written in id order, one field a line, with defaults left out, so a small
//! edit makes a small diff. Files from older versions load with missing
//! fields defaulted; files from newer versions are refused by their
//! `format` number.

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};
use std::marker::PhantomData;

use ::ron::extensions::Extensions;
use ::ron::ser::PrettyConfig;
use rayon::prelude::*;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::model::{
    Arrangement, CitationStyle, Claim, ClaimId, EvaluationSettings, Growth, Issued, Link, LinkId,
    Map, Presentation, Problem, Round, Source, Subject,
};

/// The format number this version writes, and the newest it reads.
pub const FORMAT: u32 = 1;

/// Why a file's text is not a map this version can read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// Nothing but white space.
    #[error("the file is empty")]
    Empty,
    /// Bytes that are not UTF-8 text: a binary or damaged file.
    #[error("this is not a text file (invalid UTF-8 at byte {offset})")]
    NotText {
        /// Where the first invalid byte is.
        offset: usize,
    },
    /// Text that is not a map in RON.
    #[error("{line}:{col}: {message}")]
    Syntax {
        /// Line of the problem, counting from 1.
        line: usize,
        /// Column of the problem, counting from 1.
        col: usize,
        /// What was wrong, and what was expected there.
        message: String,
    },
    /// A file written by a newer Argmap.
    #[error(
        "the map is in format {found}, from a newer Argmap; this version reads format {FORMAT} \
         and older, so update Argmap to open it"
    )]
    Newer {
        /// The format number in the file.
        found: u32,
    },
}

/// Why text could not become a map: unreadable, or readable but unsound.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// The text is not a map.
    #[error(transparent)]
    Parse(#[from] ParseError),
    /// The text is a map with problems; every one is listed.
    #[error("{}", list_problems(.0))]
    Invalid(Vec<Problem>),
}

fn list_problems(problems: &[Problem]) -> String {
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    lines.join("\n")
}

/// A map read from text, with every problem found in it. Problems do not
/// stop the reading, so `argmap check` can list all of them at once.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The map as read. Where an id is repeated, the last entry wins.
    pub map: Map,
    /// What is wrong with it: repeated ids first, then fields this version
    /// does not know, then [`Map::validate`].
    pub problems: Vec<Problem>,
    /// The fields this version does not know (also among `problems`):
    /// a newer Argmap's, or another tool's. Saving would lose them.
    pub unknown: Vec<Problem>,
}

/// Reads a map from the bytes of a file, with all its problems.
///
/// # Errors
/// When the bytes are not a map in a format this version reads.
pub fn parse(bytes: &[u8]) -> Result<Parsed, ParseError> {
    let text = std::str::from_utf8(bytes).map_err(|err| ParseError::NotText {
        offset: err.valid_up_to(),
    })?;
    // Editors on some systems start UTF-8 files with a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ParseError::Empty);
    }
    let mut unknown = Vec::new();
    let file: FileIn = match read_noting_unknown(text, &mut unknown) {
        Ok(file) => file,
        Err(err) => {
            // A newer format may have changed anything; say that rather than
            // what this version failed to understand.
            if let Ok(header) = options().from_str::<Header>(text)
                && header.format > FORMAT
            {
                return Err(ParseError::Newer {
                    found: header.format,
                });
            }
            return Err(syntax_error(text, &err));
        }
    };
    if file.format > FORMAT {
        return Err(ParseError::Newer { found: file.format });
    }
    Ok(file.into_parsed(unknown.iter().map(|path| unknown_field(path)).collect()))
}

/// The file read as [`FileIn`], each field the reader skipped (its path,
/// `claims.3.colour`) noted in `unknown`.
fn read_noting_unknown(
    text: &str,
    unknown: &mut Vec<String>,
) -> Result<FileIn, ::ron::error::SpannedError> {
    let options = options();
    let mut reader = ::ron::Deserializer::from_str_with_options(text, &options)?;
    let file = serde_ignored::deserialize(&mut reader, |path| unknown.push(path.to_string()))
        .map_err(|e| reader.span_error(e))?;
    reader.end().map_err(|e| reader.span_error(e))?;
    Ok(file)
}

/// A field this version does not know, as a problem of what holds it:
/// `claims.3.colour` is claim #3's field `colour`.
fn unknown_field(path: &str) -> Problem {
    let parts: Vec<&str> = path.split('.').collect();
    let (subject, field) = match parts.as_slice() {
        ["claims", id, rest @ ..] if !rest.is_empty() => match id.parse() {
            Ok(id) => (Subject::Claim(ClaimId(id)), rest.join(".")),
            Err(_) => (Subject::Map, path.to_owned()),
        },
        ["links", id, rest @ ..] if !rest.is_empty() => match id.parse() {
            Ok(id) => (Subject::Link(LinkId(id)), rest.join(".")),
            Err(_) => (Subject::Map, path.to_owned()),
        },
        _ => (Subject::Map, path.to_owned()),
    };
    Problem::new(
        subject,
        format!(
            "has a field this version of Argmap does not know, `{field}` (from a newer Argmap or \
             another tool): saving would lose it"
        ),
    )
}

/// Reads a sound map from the bytes of a file.
///
/// # Errors
/// When the bytes are not a map, or the map has problems.
pub fn load(bytes: &[u8]) -> Result<Map, LoadError> {
    let parsed = parse(bytes)?;
    if parsed.problems.is_empty() {
        Ok(parsed.map)
    } else {
        Err(LoadError::Invalid(parsed.problems))
    }
}

/// Writes `map` as the text of a file: the same map gives the same text.
///
/// The layout is chosen for diffs: a claim takes one line a field, so an edit
/// to its text or position touches one line; a link takes one line.
pub fn to_string(map: &Map) -> String {
    let mut out = String::with_capacity(256 + 200 * map.claims.len() + 64 * map.links.len());
    // Writing into a String cannot fail.
    let _ = write_map(&mut out, map);
    out
}

fn write_map(out: &mut String, map: &Map) -> fmt::Result {
    writeln!(out, "(")?;
    writeln!(out, "    format: {FORMAT},")?;
    writeln!(out, "    title: {},", value(&map.title, 0))?;
    if let Some(thesis) = map.thesis {
        writeln!(out, "    thesis: {},", thesis.0)?;
    }
    if let Some(round) = &map.round {
        writeln!(out, "    round: {},", indented(&value(round, 1), 1))?;
    }
    if !map.sources.is_empty() {
        writeln!(out, "    sources: {{")?;
        for (key, source) in &map.sources {
            let source = indented(&value(source, 1), 2);
            writeln!(out, "        {}: {source},", value(key, 0))?;
        }
        writeln!(out, "    }},")?;
    }
    writeln!(out, "    claims: {{")?;
    let claims: Vec<_> = map.claims.iter().collect();
    out.push_str(&in_parallel(&claims, |out, (id, claim)| {
        writeln!(out, "        {}: {},", id.0, indented(&value(claim, 1), 2))
    }));
    writeln!(out, "    }},")?;
    writeln!(out, "    links: {{")?;
    let links: Vec<_> = map.links.iter().collect();
    out.push_str(&in_parallel(&links, |out, (id, link)| {
        writeln!(out, "        {}: {},", id.0, value(link, 0))
    }));
    writeln!(out, "    }},")?;
    if !map.presentation.is_default() {
        writeln!(
            out,
            "    presentation: {},",
            indented(&value(&map.presentation, 1), 1)
        )?;
    }
    if !map.evaluation.is_default() {
        writeln!(
            out,
            "    evaluation: {},",
            indented(&value(&map.evaluation, 1), 1)
        )?;
    }
    if !map.direction.is_down() {
        writeln!(out, "    direction: {},", value(&map.direction, 0))?;
    }
    if !map.arrangement.is_compact() {
        writeln!(out, "    arrangement: {},", value(&map.arrangement, 0))?;
    }
    if !map.citation_style.is_apa() {
        writeln!(
            out,
            "    citation_style: {},",
            value(&map.citation_style, 0)
        )?;
    }
    // Only when a deleted claim or link held the highest id.
    let highest = |ids: Option<u32>| ids.unwrap_or(0);
    let claims = highest(map.claims.keys().next_back().map(|id| id.0));
    let links = highest(map.links.keys().next_back().map(|id| id.0));
    if map.issued.claims > claims || map.issued.links > links {
        writeln!(
            out,
            "    issued: (claims: {}, links: {}),",
            map.issued.claims.max(claims),
            map.issued.links.max(links)
        )?;
    }
    writeln!(out, ")")
}

/// Below this many entries, one thread writes them all.
const PARALLEL_FROM: usize = 2000;

/// Each of `items` written by `write`, in order: large maps in chunks on
/// every core, joined in order, so the text is the same as from one thread.
fn in_parallel<T: Sync>(
    items: &[T],
    write: impl Fn(&mut String, &T) -> fmt::Result + Sync,
) -> String {
    let write_all = |items: &[T]| {
        let mut out = String::with_capacity(items.len() * 160);
        for item in items {
            // Writing into a String cannot fail.
            let _ = write(&mut out, item);
        }
        out
    };
    let threads = rayon::current_num_threads();
    if items.len() < PARALLEL_FROM || threads < 2 {
        return write_all(items);
    }
    // One chunk a core, each written whole, then joined in order.
    let chunk = items.len().div_ceil(threads);
    items
        .par_chunks(chunk)
        .map(write_all)
        .collect::<Vec<String>>()
        .concat()
}

/// One value in RON, pretty down to `depth` levels and on one line below.
fn value<T: Serialize>(value: &T, depth: usize) -> String {
    let pretty = PrettyConfig::new()
        .new_line("\n")
        .indentor("    ")
        .depth_limit(depth)
        .struct_names(false)
        .separate_tuple_members(false)
        .extensions(Extensions::IMPLICIT_SOME);
    // Serializing plain structs, maps and strings into a String cannot fail;
    // should ron ever disagree, its compact form loses nothing either.
    let text = options()
        .to_string_pretty(value, pretty)
        .or_else(|_| options().to_string(value))
        .unwrap_or_default();
    unescape_apostrophes(&text)
}

/// `text` with every line after the first indented by `levels` steps.
/// Strings never hold a raw line break (ron escapes them), so this only
/// touches the layout.
fn indented(text: &str, levels: usize) -> String {
    text.replace('\n', &format!("\n{}", "    ".repeat(levels)))
}

/// Undoes ron's escaping of `'` inside strings (`China\'s`), which RON does
/// not need and which makes every text with an apostrophe harder to read.
/// A backslash in ron's output always starts an escape, so walking escape
/// by escape is exact.
fn unescape_apostrophes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('\'') => out.push('\''),
                Some(next) => {
                    out.push('\\');
                    out.push(next);
                }
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The reader and writer settings shared by loading and saving. Optional
/// values are written bare (`thesis: 1`), and `Some(1)` is read too.
fn options() -> ::ron::Options {
    ::ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

fn syntax_error(text: &str, err: &::ron::error::SpannedError) -> ParseError {
    use ::ron::error::Error as Code;
    let message = match &err.code {
        Code::Eof => "the file ends too early (is it cut short?)".to_owned(),
        Code::ExpectedIdentifier => "expected a field name, or a closing bracket".to_owned(),
        Code::TrailingCharacters => "unexpected text after the end of the map".to_owned(),
        Code::ExceededRecursionLimit => {
            "the map is nested too deeply to read (brackets inside brackets, far deeper than \
             any map)"
                .to_owned()
        }
        other => {
            let message = in_words(&other.to_string());
            let mut chars = message.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => "unreadable map".to_owned(),
            }
        }
    };
    let (line, col) = next_token(text, err.span.start.line, err.span.start.col);
    ParseError::Syntax { line, col, message }
}

/// The reader's message with the names of Argmap's own types put in
/// words: "expected opening `(` for struct `Claim`" → "expected opening
/// `(` for a claim".
fn in_words(message: &str) -> String {
    let word = |name: &str| match name {
        "FileIn" | "Header" | "Map" => "the map",
        "Claim" | "ClaimIn" => "a claim",
        "Link" | "LinkIn" => "a link",
        "Source" => "a source",
        "Citation" => "a citation",
        "Quote" => "a quote",
        "Pos" => "a position",
        "LinkKind" => "a link's kind",
        "ClaimKind" => "a claim's kind",
        "Target" => "a link's target",
        "Mode" => "the evaluation mode",
        "Standard" => "a proof standard",
        "Assessment" => "an assessment",
        "Growth" => "the direction",
        "Arrangement" => "the arrangement",
        "EvaluationSettings" => "the evaluation settings",
        "Presentation" => "the presentation",
        "Issued" => "the ids handed out",
        "Weight" => "a weight",
        "Work" => "a source's kind of work",
        "Name" => "a name",
        "CitationStyle" => "the citation style",
        _ => "a value",
    };
    let mut out = message.to_owned();
    for kind in ["struct `", "enum `"] {
        while let Some(at) = out.find(kind) {
            let name_start = at + kind.len();
            let Some(len) = out[name_start..].find('`') else {
                break;
            };
            let name = out[name_start..name_start + len].to_owned();
            out.replace_range(at..=name_start + len, word(&name));
        }
    }
    out
}

/// The line and column (both from 1, columns in characters) of the first
/// character at or after `line`:`col` that is not white space. The reader
/// reports where it stood, which may be just before the value at fault.
fn next_token(text: &str, line: usize, col: usize) -> (usize, usize) {
    let mut lines = text.split('\n').enumerate().skip(line.saturating_sub(1));
    let mut skip = col.saturating_sub(1);
    for (index, content) in lines.by_ref() {
        if let Some(found) = content.chars().skip(skip).position(|c| !c.is_whitespace()) {
            return (index + 1, skip + found + 1);
        }
        skip = 0;
    }
    (line, col)
}

/// Just the format number, to tell a newer file from a broken one.
#[derive(Deserialize)]
struct Header {
    #[serde(default = "first_format")]
    format: u32,
}

fn first_format() -> u32 {
    1
}

/// The file as read: like [`Map`], but keeping repeated ids so they can be
/// reported rather than silently dropped.
#[derive(Deserialize)]
#[serde(default)]
struct FileIn {
    format: u32,
    title: String,
    thesis: Option<ClaimId>,
    round: Option<Round>,
    sources: BTreeMap<String, Source>,
    claims: Entries<ClaimId, Claim>,
    links: Entries<LinkId, Link>,
    presentation: Presentation,
    evaluation: EvaluationSettings,
    direction: Growth,
    arrangement: Arrangement,
    citation_style: CitationStyle,
    issued: Issued,
}

impl Default for FileIn {
    fn default() -> Self {
        Self {
            format: first_format(),
            title: String::new(),
            thesis: None,
            round: None,
            sources: BTreeMap::new(),
            claims: Entries::default(),
            links: Entries::default(),
            presentation: Presentation::default(),
            evaluation: EvaluationSettings::default(),
            direction: Growth::Down,
            arrangement: Arrangement::Compact,
            citation_style: CitationStyle::default(),
            issued: Issued::default(),
        }
    }
}

impl FileIn {
    fn into_parsed(self, unknown: Vec<Problem>) -> Parsed {
        let mut problems = Vec::new();
        let claims = self.claims.into_map(Subject::Claim, "claim", &mut problems);
        let links = self.links.into_map(Subject::Link, "link", &mut problems);
        problems.extend(unknown.iter().cloned());
        let map = Map {
            title: self.title,
            thesis: self.thesis,
            round: self.round,
            sources: self.sources,
            claims,
            links,
            presentation: self.presentation,
            evaluation: self.evaluation,
            direction: self.direction,
            arrangement: self.arrangement,
            citation_style: self.citation_style,
            issued: self.issued,
        };
        problems.extend(map.validate());
        Parsed {
            map,
            problems,
            unknown,
        }
    }
}

/// The entries of a RON map in file order, repeated keys included.
struct Entries<K, V>(Vec<(K, V)>);

impl<K, V> Default for Entries<K, V> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<K: Ord + Copy + fmt::Display, V> Entries<K, V> {
    fn into_map(
        self,
        subject: fn(K) -> Subject,
        noun: &str,
        problems: &mut Vec<Problem>,
    ) -> BTreeMap<K, V> {
        let mut map = BTreeMap::new();
        let mut repeated = BTreeMap::<K, usize>::new();
        for (key, value) in self.0 {
            if map.insert(key, value).is_some() {
                *repeated.entry(key).or_insert(1) += 1;
            }
        }
        for (key, times) in repeated {
            problems.push(Problem::new(
                subject(key),
                format!("the file defines {noun} {key} {times} times; ids must be unique"),
            ));
        }
        map
    }
}

impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Deserialize<'de> for Entries<K, V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor<K, V>(PhantomData<(K, V)>);

        impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Visitor<'de> for EntriesVisitor<K, V> {
            type Value = Entries<K, V>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map from ids to entries, such as `{ 1: (…), 2: (…) }`")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                // Cap the preallocation: the hint comes from the file.
                let mut entries = Vec::with_capacity(access.size_hint().unwrap_or(0).min(4096));
                while let Some(entry) = access.next_entry()? {
                    entries.push(entry);
                }
                Ok(Entries(entries))
            }
        }

        deserializer.deserialize_map(EntriesVisitor(PhantomData))
    }
}

#[cfg(test)]
mod tests;
