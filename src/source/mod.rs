//! The text a map cites: read from plain text, Markdown or a PDF's text
//! layer, and numbered into paragraphs the way citations count them; and
//! the coverage of that text by the map's claims.
//!
//! One rule numbers paragraphs in every format (written in
//! `maps/README.md`): paragraphs are blocks of lines separated by blank
//! lines, their lines joined by spaces; a text with no blank line at all
//! has one paragraph per line.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::AtomicBool;

use crate::model::{ClaimId, Map};
use crate::store::{self, FileError};

pub mod pdf;
mod reading;

pub use pdf::PdfProblem;
pub use reading::Reading;

/// A source's text, as numbered paragraphs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceText {
    /// The paragraphs, ¶1 first.
    pub paragraphs: Vec<String>,
}

/// Why a source's text could not be read.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    /// The file could not be read at all.
    #[error(transparent)]
    File(#[from] FileError),
    /// A PDF with no text in it: pages scanned as images.
    #[error(
        "{0}: this PDF has no text layer (scanned pages?), so there is nothing to quote; a PDF with text, or the text as a .txt file, can be read"
    )]
    NoText(PathBuf),
    /// A PDF that could not be read.
    #[error("{path}: this PDF could not be read: {problem}")]
    Pdf {
        /// The file.
        path: PathBuf,
        /// Why, in words.
        problem: PdfProblem,
    },
    /// Bytes that are not UTF-8 text.
    #[error(
        "{path}: not a text file (byte {offset} is not UTF-8); sources can be .txt, .md or .pdf"
    )]
    NotText {
        /// The file.
        path: PathBuf,
        /// Where the first bad byte is.
        offset: usize,
    },
}

/// Why a source file's bytes have no text, before the file is named.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unread {
    /// A PDF without a text layer.
    NoText,
    /// A PDF that could not be read.
    Pdf(PdfProblem),
    /// Bytes that are not UTF-8, from `offset` on.
    NotText {
        /// The first bad byte.
        offset: usize,
    },
}

/// A source's text as far as it can be had without waiting (see
/// [`SourceText::at_once`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AtOnce {
    /// The text.
    Text(SourceText),
    /// A PDF not read in this process yet: reading it takes a while.
    PdfNotReadYet,
    /// No text to be had: not there, not text, or a PDF that failed.
    Unreadable,
}

/// Whether the file at `path` with `bytes` is read as a PDF: by its
/// extension or its first bytes.
pub fn is_pdf(path: &Path, bytes: &[u8]) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
        || bytes.starts_with(b"%PDF-")
}

/// PDFs read in this process, by content: what each gave.
type ReadBefore = Vec<((u64, usize), Result<SourceText, PdfProblem>)>;

static READ_BEFORE: Mutex<ReadBefore> = Mutex::new(Vec::new());

/// How many PDFs' readings are kept.
const KEPT: usize = 8;

fn content_key(bytes: &[u8]) -> (u64, usize) {
    use std::hash::{Hash as _, Hasher as _};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    (hasher.finish(), bytes.len())
}

fn read_before(key: (u64, usize)) -> Option<Result<SourceText, PdfProblem>> {
    let kept = READ_BEFORE.lock().ok()?;
    kept.iter()
        .find(|(k, _)| *k == key)
        .map(|(_, read)| read.clone())
}

fn remember(key: (u64, usize), read: &Result<SourceText, PdfProblem>) {
    if let Ok(mut kept) = READ_BEFORE.lock() {
        kept.retain(|(k, _)| *k != key);
        if kept.len() >= KEPT {
            let _oldest = kept.remove(0);
        }
        kept.push((key, read.clone()));
    }
}

impl SourceError {
    /// Why the file at `path` has no text.
    pub fn of(path: &Path, unread: Unread) -> Self {
        let path = path.to_path_buf();
        match unread {
            Unread::NoText => Self::NoText(path),
            Unread::Pdf(problem) => Self::Pdf { path, problem },
            Unread::NotText { offset } => Self::NotText { path, offset },
        }
    }
}

impl SourceText {
    /// Paragraphs of `text` by the one rule (see the module).
    pub fn from_text(text: &str) -> Self {
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        let any_blank = lines
            .iter()
            .enumerate()
            .any(|(i, l)| l.is_empty() && i > 0 && i + 1 < lines.len());
        let mut paragraphs = Vec::new();
        if any_blank {
            let mut current: Vec<&str> = Vec::new();
            for line in lines {
                if line.is_empty() {
                    if !current.is_empty() {
                        paragraphs.push(current.join(" "));
                        current.clear();
                    }
                } else {
                    current.push(line);
                }
            }
            if !current.is_empty() {
                paragraphs.push(current.join(" "));
            }
        } else {
            paragraphs.extend(
                lines
                    .into_iter()
                    .filter(|l| !l.is_empty())
                    .map(str::to_owned),
            );
        }
        Self { paragraphs }
    }

    /// The text layer of a PDF, by the same rule, read in a separate
    /// process ([`pdf`]); the same bytes are read only once in a process
    /// (a failure too: a hostile file costs its time limit once).
    ///
    /// # Errors
    /// Why there is no text, in words ([`PdfProblem::NoText`] for a PDF
    /// without a text layer).
    pub fn from_pdf(
        bytes: &[u8],
        progress: pdf::PageProgress<'_>,
        stop: &AtomicBool,
    ) -> Result<Self, PdfProblem> {
        let key = content_key(bytes);
        if let Some(read) = read_before(key) {
            return read;
        }
        let read = pdf::extract(bytes, progress, stop).and_then(|text| {
            let read = Self::from_text(&text);
            if read.paragraphs.is_empty() {
                return Err(PdfProblem::NoText);
            }
            Ok(read)
        });
        if !matches!(read, Err(PdfProblem::Stopped | PdfProblem::NotStarted(_))) {
            remember(key, &read);
        }
        read
    }

    /// Reads the source file at `path`: `.pdf` by its text layer, anything
    /// else as UTF-8 text.
    ///
    /// # Errors
    /// A [`SourceError`] naming the file and the problem.
    pub fn from_file(path: &Path) -> Result<Self, SourceError> {
        Self::from_file_with(path, &mut |_, _| {}, &AtomicBool::new(false))
    }

    /// [`SourceText::from_file`], saying how far a PDF's reading has got
    /// and stopping it when `stop` is set.
    ///
    /// # Errors
    /// A [`SourceError`] naming the file and the problem.
    pub fn from_file_with(
        path: &Path,
        progress: pdf::PageProgress<'_>,
        stop: &AtomicBool,
    ) -> Result<Self, SourceError> {
        let bytes = store::read_bytes(path)?;
        Self::from_bytes(&bytes, is_pdf(path, &bytes), progress, stop)
            .map_err(|unread| SourceError::of(path, unread))
    }

    /// The text of a source file's `bytes`: a PDF's text layer, or UTF-8
    /// text (a byte-order mark dropped).
    ///
    /// # Errors
    /// Why there is no text.
    pub fn from_bytes(
        bytes: &[u8],
        pdf: bool,
        progress: pdf::PageProgress<'_>,
        stop: &AtomicBool,
    ) -> Result<Self, Unread> {
        if pdf {
            return Self::from_pdf(bytes, progress, stop).map_err(|problem| match problem {
                PdfProblem::NoText => Unread::NoText,
                problem => Unread::Pdf(problem),
            });
        }
        Self::from_text_bytes(bytes)
    }

    /// The text of a text file's `bytes` (UTF-8, a byte-order mark
    /// dropped), by the one rule.
    ///
    /// # Errors
    /// Where the bytes stop being UTF-8.
    pub fn from_text_bytes(bytes: &[u8]) -> Result<Self, Unread> {
        let text = std::str::from_utf8(bytes).map_err(|e| Unread::NotText {
            offset: e.valid_up_to(),
        })?;
        Ok(Self::from_text(
            text.strip_prefix('\u{feff}').unwrap_or(text),
        ))
    }

    /// The text of the source file at `path` when it can be had at once:
    /// a text file, or a PDF this process has read before.
    pub fn at_once(path: &Path) -> AtOnce {
        let Ok(bytes) = store::read_bytes(path) else {
            return AtOnce::Unreadable;
        };
        if !is_pdf(path, &bytes) {
            return Self::from_text_bytes(&bytes).map_or(AtOnce::Unreadable, AtOnce::Text);
        }
        match read_before(content_key(&bytes)) {
            Some(Ok(text)) => AtOnce::Text(text),
            Some(Err(_)) => AtOnce::Unreadable,
            None => AtOnce::PdfNotReadYet,
        }
    }

    /// Paragraph `n`, counting from 1.
    pub fn paragraph(&self, n: u32) -> Option<&str> {
        let index = usize::try_from(n).ok()?.checked_sub(1)?;
        self.paragraphs.get(index).map(String::as_str)
    }

    /// How many paragraphs there are.
    pub fn len(&self) -> usize {
        self.paragraphs.len()
    }

    /// Whether there is no paragraph at all.
    pub fn is_empty(&self) -> bool {
        self.paragraphs.is_empty()
    }
}

/// Where the file of source `key` of a map saved at `map_path` is.
pub fn file_of(map: &Map, key: &str, map_path: Option<&Path>) -> Option<PathBuf> {
    let relative = map.sources.get(key)?.path.as_deref()?;
    let relative = Path::new(relative);
    if relative.is_absolute() {
        return Some(relative.to_path_buf());
    }
    let folder = map_path.and_then(Path::parent).unwrap_or(Path::new(""));
    Some(folder.join(relative))
}

/// How a notice about a source file outside its map's folder starts (the
/// editor offers to allow such a file).
pub const OUTSIDE_NOTICE: &str = "This map cites a file outside its folder:";

/// Whether `file` lies in the folder of the map saved at `map_path`, or
/// below it (`..` and links resolved). A map sent by someone else may read
/// only those; a file elsewhere must be one the user chose.
pub fn inside_map_folder(file: &Path, map_path: Option<&Path>) -> bool {
    let Some(folder) = map_path.and_then(Path::parent) else {
        return false;
    };
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    let folder = store::canonical(folder);
    let file = store::canonical(file);
    file.is_absolute() && folder.is_absolute() && file.starts_with(&folder)
}

/// The map's sources with their files' paths made relative to a map
/// saved at `new_map_path` (it was at `old_map_path`, or never saved);
/// `None` when no path changes. A file that is not there keeps its path.
pub fn rebased(
    map: &Map,
    old_map_path: Option<&Path>,
    new_map_path: &Path,
) -> Option<BTreeMap<String, crate::model::Source>> {
    let mut sources = map.sources.clone();
    let mut changed = false;
    for (key, source) in &mut sources {
        let Some(file) = file_of(map, key, old_map_path) else {
            continue;
        };
        if store::file_len(&file).is_none() {
            continue;
        }
        let relative = relative_path(&file, Some(new_map_path));
        if source.path.as_deref() != Some(relative.as_str()) {
            source.path = Some(relative);
            changed = true;
        }
    }
    changed.then_some(sources)
}

/// `start..end` (characters of `text`) grown to whole words: a selection
/// that begins or ends inside a word takes the whole word ("he proximity"
/// becomes "the proximity"); spaces at either end are dropped.
pub fn snap_to_words(text: &str, start: usize, end: usize) -> (usize, usize) {
    let chars: Vec<char> = text.chars().collect();
    let (mut start, mut end) = (start.min(chars.len()), end.min(chars.len()));
    if start >= end {
        return (start, end);
    }
    // Scripts written without spaces (Chinese, Japanese) have no words to
    // grow to: a selection there stays as made.
    let spaced = |c: char| !matches!(c, '\u{3000}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{ff00}'..='\u{ffef}');
    let word = |c: char| spaced(c) && (c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '_'));
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    while start > 0 && word(chars[start - 1]) && word(chars[start]) {
        start -= 1;
    }
    while end < chars.len() && end > 0 && word(chars[end - 1]) && word(chars[end]) {
        end += 1;
    }
    (start, end)
}

/// What the source panel says of a source whose text the map does not
/// point to (the bundled map's article, a source typed in by hand): not
/// an error, a way to add one's own copy.
pub const NOT_INCLUDED: &str = "The text of this source is not included with the map. If you have \
     a copy, Locate… opens it here, its paragraphs numbered as the citations count them.";

/// A key for a new source read from `file`: its name in lower case, each
/// run of other characters a `-` ("China Article.txt" → `china-article`),
/// with `-2`, `-3`… when `taken` says the key is in use.
pub fn key_for_file(file: &Path, taken: impl Fn(&str) -> bool) -> String {
    let stem = file.file_stem().map_or_else(
        || "source".to_owned(),
        |s| s.to_string_lossy().to_lowercase(),
    );
    let mut base = String::with_capacity(stem.len());
    for c in stem.chars() {
        if c.is_alphanumeric() {
            base.push(c);
        } else if !base.ends_with('-') {
            base.push('-');
        }
    }
    let base = match base.trim_matches('-') {
        "" => "source".to_owned(),
        trimmed => trimmed.to_owned(),
    };
    let mut key = base.clone();
    let mut n = 2;
    while taken(&key) {
        key = format!("{base}-{n}");
        n += 1;
    }
    key
}

/// `file` as a path relative to the folder of `map_path`, with `/`
/// between folders, when it is inside that folder or near it; else the
/// absolute path.
pub fn relative_path(file: &Path, map_path: Option<&Path>) -> String {
    let file = store::canonical(file);
    // A map never saved has no folder: the file's own full path, which
    // saving makes relative (`rebased`). (Walking up from the empty folder
    // of a map opened as `map.ron` gave "//tmp/…".)
    let Some(folder) = map_path.and_then(Path::parent) else {
        return file.to_string_lossy().into_owned();
    };
    // `map.ron` opened as typed lies in the folder Argmap started in.
    let folder = store::canonical(if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    });
    if !folder.is_absolute() {
        return file.to_string_lossy().into_owned();
    }
    // Walk up from the map's folder until the file is inside.
    let mut up = 0;
    let mut base = folder.clone();
    loop {
        if let Ok(rest) = file.strip_prefix(&base) {
            let mut parts: Vec<String> = vec!["..".to_owned(); up];
            parts.extend(
                rest.components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned()),
            );
            return parts.join("/");
        }
        if up == 3 || !base.pop() {
            return file.to_string_lossy().into_owned();
        }
        up += 1;
    }
}

/// The words each claim of `map` quotes, from the texts `read` gives for
/// the files of its sources (relative to `map_path`); claims whose source
/// has no text (it cannot, or may not, be read), or whose words are no
/// longer there, are left out.
pub fn quotes(
    map: &Map,
    map_path: Option<&Path>,
    read: &dyn Fn(&Path) -> Option<SourceText>,
) -> BTreeMap<ClaimId, String> {
    let mut texts: BTreeMap<&str, Option<SourceText>> = BTreeMap::new();
    let mut quotes = BTreeMap::new();
    for (&id, claim) in &map.claims {
        let Some(citation) = &claim.source else {
            continue;
        };
        if citation.quote.is_none() || citation.para.is_none() {
            continue;
        }
        let text = texts
            .entry(citation.doc.as_str())
            .or_insert_with(|| file_of(map, &citation.doc, map_path).and_then(|f| read(&f)));
        if let Some(words) = text
            .as_ref()
            .and_then(|t| citation.quoted_words(|n| t.paragraph(n)))
        {
            quotes.insert(id, words);
        }
    }
    quotes
}

/// The claims citing each paragraph of source `key` (a range counts for
/// every paragraph in it).
pub fn citing(map: &Map, key: &str) -> BTreeMap<u32, Vec<ClaimId>> {
    let mut by_paragraph: BTreeMap<u32, Vec<ClaimId>> = BTreeMap::new();
    for (&id, claim) in &map.claims {
        let Some(citation) = claim.source.as_ref().filter(|c| c.doc == key) else {
            continue;
        };
        let Some((first, last)) = citation.paragraphs() else {
            continue;
        };
        // A range is a few paragraphs; a broken one is capped.
        for para in first..=last.min(first.saturating_add(1_000)) {
            by_paragraph.entry(para).or_default().push(id);
        }
    }
    by_paragraph
}

/// How much of a source the map covers, and what is wrong with its
/// citations of it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Paragraphs in the text.
    pub paragraphs: usize,
    /// Paragraphs marked "not argument" (within the text).
    pub not_argument: usize,
    /// Paragraphs that count and that some claim cites.
    pub mapped: usize,
    /// Paragraphs that count and that no claim cites.
    pub unmapped: Vec<u32>,
    /// Claims citing a paragraph past the end, with that paragraph.
    pub beyond_end: Vec<(ClaimId, u32)>,
    /// Claims whose quoted words are no longer in the file where they
    /// were.
    pub stale_quotes: Vec<ClaimId>,
}

impl Coverage {
    /// Paragraphs that count: all but those marked "not argument".
    pub fn counted(&self) -> usize {
        self.paragraphs - self.not_argument
    }

    /// "29 of 42 paragraphs mapped".
    pub fn summary(&self) -> String {
        format!("{} of {} paragraphs mapped", self.mapped, self.counted())
    }

    /// Whether any citation is broken (past the end, or a quote that no
    /// longer matches).
    pub fn broken(&self) -> bool {
        !self.beyond_end.is_empty() || !self.stale_quotes.is_empty()
    }
}

/// The coverage of `text`, source `key` of `map`.
pub fn coverage(map: &Map, key: &str, text: &SourceText) -> Coverage {
    let not_argument: BTreeSet<u32> = map
        .sources
        .get(key)
        .map(|s| s.not_argument.iter().copied().collect())
        .unwrap_or_default();
    let cited = citing(map, key);
    let total = u32::try_from(text.len()).unwrap_or(u32::MAX);
    let mut coverage = Coverage {
        paragraphs: text.len(),
        not_argument: not_argument
            .iter()
            .filter(|&&p| p >= 1 && p <= total)
            .count(),
        ..Coverage::default()
    };
    for para in 1..=total {
        if not_argument.contains(&para) {
            continue;
        }
        if cited.contains_key(&para) {
            coverage.mapped += 1;
        } else {
            coverage.unmapped.push(para);
        }
    }
    for (&id, claim) in &map.claims {
        let Some(citation) = claim.source.as_ref().filter(|c| c.doc == key) else {
            continue;
        };
        let Some((_, last)) = citation.paragraphs() else {
            continue;
        };
        if last > total {
            coverage.beyond_end.push((id, last));
            continue;
        }
        if citation.quote.is_some() && citation.quoted_words(|n| text.paragraph(n)).is_none() {
            coverage.stale_quotes.push(id);
        }
    }
    coverage
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selections_grow_to_whole_words() {
        let text = "the proximity of the SoCS, as reported";
        let at = |words: &str| {
            let start = text.find(words).expect("in the text");
            (start, start + words.chars().count())
        };
        let snapped = |(s, e): (usize, usize)| {
            let (s, e) = snap_to_words(text, s, e);
            text.chars().skip(s).take(e - s).collect::<String>()
        };
        assert_eq!(snapped(at("he proximi")), "the proximity");
        assert_eq!(snapped(at(" proximity ")), "proximity");
        assert_eq!(snapped(at("SoCS, as")), "SoCS, as");
        assert_eq!(snapped(at("S, a")), "SoCS, as");
        assert_eq!(snap_to_words(text, 5, 5), (5, 5));
        assert_eq!(
            snap_to_words("社会信用", 1, 2),
            (1, 2),
            "Chinese has no spaces to grow to"
        );
    }
    use crate::model::{Citation, Claim, Pos, Quote, Source};

    #[test]
    fn a_quote_may_run_across_paragraphs_and_goes_stale_when_they_change() {
        let paragraphs = [
            "Homework takes the evening.",
            "Play matters more",
            "at that age.",
        ];
        let quote = Quote::across(1, &paragraphs[..2], 9, 4).expect("a span over ¶1–2");
        assert_eq!(quote.ends_in, Some(2));
        assert_eq!(quote.ends_in, Some(2));
        let citation = Citation {
            doc: "essay".into(),
            para: Some(1),
            to: Some(2),
            quote: Some(quote.clone()),
        };
        let text = SourceText::from_text(&paragraphs.join("\n\n"));
        assert_eq!(
            citation.quoted_words(|n| text.paragraph(n)).as_deref(),
            Some("takes the evening. Play")
        );
        let changed = SourceText::from_text("Homework takes the evening.\n\nWork matters more");
        assert_eq!(citation.quoted_words(|n| changed.paragraph(n)), None);
        assert_eq!(
            Quote::across(1, &paragraphs[..2], 40, 4),
            None,
            "starts past the first"
        );
        assert_eq!(
            Quote::across(1, &paragraphs[..2], 0, 99),
            None,
            "ends past the last"
        );
        assert_eq!(
            Quote::across(1, &paragraphs[..1], 0, 8),
            Quote::of(paragraphs[0], 0, 8)
        );
        // A range cited with its words in the first paragraph, as before.
        let within = Citation {
            doc: "essay".into(),
            para: Some(1),
            to: Some(3),
            quote: Quote::of(paragraphs[0], 0, 8),
        };
        assert_eq!(
            within.quoted_words(|n| text.paragraph(n)).as_deref(),
            Some("Homework")
        );
    }

    #[test]
    fn a_map_opened_by_its_bare_name_keeps_sources_relative() {
        // Tests run in the crate's folder: `map.ron` lies there.
        let map = Path::new("map.ron");
        assert_eq!(
            relative_path(Path::new("Cargo.toml"), Some(map)),
            "Cargo.toml"
        );
        assert_eq!(
            relative_path(Path::new("maps/README.md"), Some(map)),
            "maps/README.md"
        );
        let absolute = store::canonical(Path::new("Cargo.toml"));
        assert!(!relative_path(&absolute, None).starts_with("//"));
    }

    #[test]
    fn blank_lines_separate_paragraphs_else_each_line_is_one() {
        let blocks = SourceText::from_text("First line\nwraps here.\n\n  \nSecond.\n\nThird.\n");
        assert_eq!(
            blocks.paragraphs,
            ["First line wraps here.", "Second.", "Third."]
        );
        let lines = SourceText::from_text("One.\nTwo.\r\nThree.\n");
        assert_eq!(lines.paragraphs, ["One.", "Two.", "Three."]);
        assert_eq!(lines.paragraph(2), Some("Two."));
        assert_eq!(lines.paragraph(0), None);
        assert_eq!(lines.paragraph(4), None);
    }

    #[test]
    fn coverage_counts_cited_paragraphs_and_finds_broken_citations() {
        let text = SourceText::from_text("Alpha beta.\nGamma delta.\nEpsilon.\nZeta.\n");
        let mut map = Map::new("m");
        map.sources.insert(
            "doc".to_owned(),
            Source {
                title: "Doc".to_owned(),
                not_argument: vec![4],
                ..Source::default()
            },
        );
        let cite = |para: u32, to: Option<u32>, quote: Option<Quote>| Citation {
            to,
            quote,
            ..Citation::paragraph("doc", para)
        };
        let claim = |map: &mut Map, citation: Citation| {
            map.add_claim(Claim {
                source: Some(citation),
                ..Claim::new("c", Pos::default())
            })
        };
        let good = Quote::of("Alpha beta.", 6, 10);
        assert_eq!(
            good.as_ref()
                .and_then(|q| q.words("Alpha beta."))
                .as_deref(),
            Some("beta")
        );
        claim(&mut map, cite(1, None, good));
        let stale = claim(&mut map, cite(2, None, Quote::of("Something else", 0, 5)));
        let far = claim(&mut map, cite(7, None, None));
        let coverage = coverage(&map, "doc", &text);
        assert_eq!(coverage.paragraphs, 4);
        assert_eq!(coverage.not_argument, 1);
        assert_eq!(coverage.mapped, 2);
        assert_eq!(coverage.unmapped, [3]);
        assert_eq!(coverage.summary(), "2 of 3 paragraphs mapped");
        assert_eq!(coverage.beyond_end, [(far, 7)]);
        assert_eq!(coverage.stale_quotes, [stale]);
        assert!(coverage.broken());
        // A range covers every paragraph in it.
        claim(&mut map, cite(2, Some(3), None));
        assert_eq!(
            super::coverage(&map, "doc", &text).unmapped,
            Vec::<u32>::new()
        );
    }
}
