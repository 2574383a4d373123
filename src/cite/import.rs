//! Reference details from what reference managers export (Zotero,
//! Mendeley, JabRef): BibTeX and BibLaTeX, read by hayagriva (with the
//! `biblatex` crate), and CSL-JSON, read into citationberg's items. Each
//! entry becomes a [`Source`] with its kind of work, names in parts,
//! container, date and identifiers.

use std::borrow::Cow;

use hayagriva::Entry;
use hayagriva::citationberg::json::{DateValue, Item, NameValue, Value};
use hayagriva::types::{EntryType, Person};

use crate::model::{Day, Name, Source, Work};

/// Why a bibliography could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// The text is not BibTeX: where and why.
    #[error("line {line}, column {col}: {message}")]
    Syntax {
        /// The line, from 1.
        line: usize,
        /// The column, from 1, in characters.
        col: usize,
        /// What is wrong there.
        message: String,
    },
    /// The text is not CSL-JSON.
    #[error("{0}")]
    Json(String),
    /// The bibliography has no entry called this.
    #[error("it has no entry \"{key}\" (it has {found})")]
    NoEntry {
        /// The key asked for.
        key: String,
        /// The keys it has, in words.
        found: String,
    },
}

/// Every entry of a BibTeX or BibLaTeX file, by key, in file order.
///
/// # Errors
/// When the text is not BibTeX: the line and column of the first problem.
pub fn from_bibtex(text: &str) -> Result<Vec<(String, Source)>, ImportError> {
    let library = hayagriva::io::from_biblatex_str(text).map_err(|errors| {
        let (at, message) =
            errors
                .first()
                .map_or((0, "it cannot be read".to_owned()), |e| match e {
                    hayagriva::io::BibLaTeXError::Parse(p) => (p.span.start, p.kind.to_string()),
                    hayagriva::io::BibLaTeXError::Type(t) => (t.span.start, t.kind.to_string()),
                });
        let (line, col) = line_col(text, at);
        ImportError::Syntax { line, col, message }
    })?;
    Ok(library
        .iter()
        .map(|entry| (entry.key().to_owned(), from_entry(entry)))
        .collect())
}

/// Every item of a CSL-JSON file (an array of items, or one item), by
/// its id, in file order.
///
/// # Errors
/// When the text is not CSL-JSON: the line and column where it stops.
pub fn from_csl_json(text: &str) -> Result<Vec<(String, Source)>, ImportError> {
    let items: Vec<Item> = match serde_json::from_str::<Vec<Item>>(text) {
        Ok(items) => items,
        Err(list_error) => match serde_json::from_str::<Item>(text) {
            Ok(item) => vec![item],
            Err(_) => {
                return Err(ImportError::Json(format!(
                    "line {}, column {}: it is not CSL-JSON ({})",
                    list_error.line(),
                    list_error.column(),
                    json_reason(&list_error)
                )));
            }
        },
    };
    Ok(items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let key = item
                .id()
                .map(|id| id.trim().to_owned())
                .filter(|id| !id.is_empty())
                .unwrap_or_else(|| format!("item{}", i + 1));
            (key, from_item(item))
        })
        .collect())
}

/// The entry `key` of `entries`.
///
/// # Errors
/// When there is no such entry: the keys there are.
pub fn pick(entries: Vec<(String, Source)>, key: &str) -> Result<Source, ImportError> {
    let found: Vec<String> = entries.iter().map(|(k, _)| format!("\"{k}\"")).collect();
    entries
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(_, source)| source)
        .ok_or_else(|| ImportError::NoEntry {
            key: key.to_owned(),
            found: if found.is_empty() {
                "none".to_owned()
            } else {
                found.join(", ")
            },
        })
}

fn json_reason(error: &serde_json::Error) -> String {
    let message = error.to_string();
    // serde_json appends " at line L column C"; the line is said already.
    match message.find(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message,
    }
}

/// The line and column (from 1, columns in characters) of byte `at`.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

fn some(text: impl AsRef<str>) -> Option<String> {
    let text = text
        .as_ref()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (!text.is_empty()).then_some(text)
}

fn name_of(person: &Person) -> Name {
    Name {
        family: person.name.trim().to_owned(),
        given: person.given_name.as_deref().and_then(some),
        particle: person.prefix.as_deref().and_then(some),
        suffix: person.suffix.as_deref().and_then(some),
    }
}

fn day_of(date: &hayagriva::types::Date) -> Day {
    // hayagriva counts months and days from 0.
    Day {
        year: date.year,
        month: date
            .month
            .map(|m| m.saturating_add(1))
            .filter(|m| (1..=12).contains(m)),
        day: date
            .day
            .map(|d| d.saturating_add(1))
            .filter(|d| (1..=31).contains(d))
            .filter(|_| date.month.is_some()),
    }
}

/// A hayagriva entry (from BibTeX) as a source.
fn from_entry(entry: &Entry) -> Source {
    let parent = entry.parents().first();
    let parent_type = parent.map(Entry::entry_type);
    let work = match entry.entry_type() {
        EntryType::Article if parent_type == Some(&EntryType::Newspaper) => Work::News,
        EntryType::Article => Work::Article,
        EntryType::Chapter | EntryType::Anthos | EntryType::Entry => Work::Chapter,
        EntryType::Book | EntryType::Anthology | EntryType::Reference | EntryType::Proceedings => {
            Work::Book
        }
        EntryType::Web | EntryType::Blog | EntryType::Post | EntryType::Thread => Work::WebPage,
        EntryType::Report => Work::Report,
        EntryType::Thesis => Work::Thesis,
        _ => Work::Document,
    };
    // A field of the entry, else of its parent.
    let either = |own: Option<String>, of_parent: Option<String>| own.or(of_parent);
    let from_parent = |f: &dyn Fn(&Entry) -> Option<String>| parent.and_then(f);
    let title = entry
        .title()
        .map(ToString::to_string)
        .and_then(some)
        .unwrap_or_default();
    let publisher = |e: &Entry| {
        e.publisher()
            .and_then(|p| p.name())
            .map(ToString::to_string)
            .and_then(some)
            .or_else(|| e.organization().map(ToString::to_string).and_then(some))
    };
    let editors = entry
        .editors()
        .or_else(|| parent.and_then(Entry::editors))
        .map(|people| people.iter().map(name_of).collect())
        .unwrap_or_default();
    let url = entry.url().or_else(|| parent.and_then(Entry::url));
    Source {
        title,
        work,
        authors: entry
            .authors()
            .map(|people| people.iter().map(name_of).collect())
            .unwrap_or_default(),
        editors,
        container: parent
            .and_then(|p| p.title())
            .map(ToString::to_string)
            .and_then(some),
        publisher: either(publisher(entry), from_parent(&publisher)),
        date: entry
            .date()
            .or_else(|| parent.and_then(Entry::date))
            .map(|d| day_of(d).iso()),
        volume: either(
            entry.volume().map(ToString::to_string),
            from_parent(&|p| p.volume().map(ToString::to_string)),
        )
        .and_then(some),
        issue: either(
            entry.issue().map(ToString::to_string),
            from_parent(&|p| p.issue().map(ToString::to_string)),
        )
        .and_then(some),
        pages: entry.page_range().map(ToString::to_string).and_then(some),
        doi: entry.doi().and_then(some),
        isbn: entry
            .isbn()
            .or_else(|| parent.and_then(Entry::isbn))
            .and_then(some),
        url: url.map(|u| u.value.to_string()),
        accessed: url
            .and_then(|u| u.visit_date.as_ref())
            .map(|d| day_of(d).iso()),
        ..Source::default()
    }
}

fn text_field(item: &Item, field: &str) -> Option<String> {
    item.0
        .get(field)
        .and_then(Value::to_str)
        .and_then(|t: Cow<'_, str>| some(t.as_ref()))
}

fn names_field(item: &Item, field: &str) -> Vec<Name> {
    let Some(Value::Names(names)) = item.0.get(field) else {
        return Vec::new();
    };
    names
        .iter()
        .map(|name| match name {
            NameValue::Literal(literal) => Name::whole(&literal.literal),
            NameValue::Item(parts) => Name {
                family: parts.family.trim().to_owned(),
                given: parts.given.as_deref().and_then(some),
                particle: parts
                    .non_dropping_particle
                    .as_deref()
                    .or(parts.dropping_particle.as_deref())
                    .and_then(some),
                suffix: parts.suffix.as_deref().and_then(some),
            },
        })
        .filter(|n| !n.is_empty())
        .collect()
}

fn date_field(item: &Item, field: &str) -> Option<String> {
    let Some(Value::Date(date)) = item.0.get(field) else {
        return None;
    };
    let day = match date {
        DateValue::DateParts { date_parts, .. } => {
            // The first date of a range: year, then month and day from 1.
            let parts = &date_parts.0.first()?.0;
            let year = i32::from(*parts.first()?);
            let month = parts
                .get(1)
                .and_then(|m| u8::try_from(*m).ok())
                .filter(|m| (1..=12).contains(m));
            let day = parts
                .get(2)
                .and_then(|d| u8::try_from(*d).ok())
                .filter(|d| (1..=31).contains(d))
                .filter(|_| month.is_some());
            Day { year, month, day }
        }
        DateValue::Raw { raw, .. } => Day {
            year: i32::from(raw.start.year),
            // citationberg counts these from 0.
            month: raw
                .start
                .month
                .map(|m| m.saturating_add(1))
                .filter(|m| (1..=12).contains(m)),
            day: raw
                .start
                .day
                .map(|d| d.saturating_add(1))
                .filter(|d| (1..=31).contains(d))
                .filter(|_| raw.start.month.is_some()),
        },
    };
    Some(day.iso())
}

/// A CSL-JSON item as a source.
fn from_item(item: &Item) -> Source {
    let kind = item.type_().map(|t| t.to_lowercase()).unwrap_or_default();
    let work = match kind.as_str() {
        "article-journal" | "article-magazine" | "article" | "review" | "review-book" => {
            Work::Article
        }
        "article-newspaper" => Work::News,
        "book" | "classic" | "collection" => Work::Book,
        "chapter" | "entry" | "entry-dictionary" | "entry-encyclopedia" | "paper-conference" => {
            Work::Chapter
        }
        "webpage" | "post" | "post-weblog" => Work::WebPage,
        "report" => Work::Report,
        "thesis" => Work::Thesis,
        _ => Work::Document,
    };
    Source {
        title: text_field(item, "title").unwrap_or_default(),
        work,
        authors: names_field(item, "author"),
        editors: names_field(item, "editor"),
        container: text_field(item, "container-title"),
        publisher: text_field(item, "publisher"),
        date: date_field(item, "issued"),
        volume: text_field(item, "volume"),
        issue: text_field(item, "issue"),
        pages: text_field(item, "page"),
        doi: text_field(item, "DOI"),
        isbn: text_field(item, "ISBN"),
        url: text_field(item, "URL"),
        accessed: date_field(item, "accessed"),
        ..Source::default()
    }
}
