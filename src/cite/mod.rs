//! Citations and reference lists in the map's style (APA 7, Chicago
//! author-date, MLA 9), rendered by hayagriva's CSL processor with the
//! official styles it ships. Pure: the map's sources in, styled text out.
//!
//! Each source is handed to hayagriva as an entry of its YAML schema
//! (as a JSON value, read by hayagriva's own deserializer), so the
//! processor sees the kind of work, its names in parts, its container as
//! a parent, and its dates, exactly as it would from its own files.

pub mod import;

use std::sync::OnceLock;

use hayagriva::citationberg::taxonomy::Locator;
use hayagriva::citationberg::{IndependentStyle, Locale, Style};
use hayagriva::{
    BibliographyDriver, BibliographyRequest, CitationItem, CitationRequest, ElemChild,
    ElemChildren, Entry, LocatorPayload, SpecificLocator,
};
use serde_json::{Map as Object, Value, json};

use crate::model::{CitationStyle, Day, Map, Name, Source, Work};

/// A stretch of text and whether it is set in italics (titles of books
/// and journals are).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    /// The words.
    pub text: String,
    /// Set in italics.
    pub italic: bool,
}

/// Text as a citation style sets it: runs, some in italics.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Styled(pub Vec<Run>);

impl Styled {
    /// The words alone.
    pub fn plain(&self) -> String {
        self.0.iter().map(|r| r.text.as_str()).collect()
    }

    /// As Markdown: italics between `*`, Markdown's own characters
    /// escaped.
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        for run in &self.0 {
            let escaped = crate::words::escape_markdown(&run.text);
            let trimmed = escaped.trim();
            if run.italic && !trimmed.is_empty() {
                // The marks hug the words; the spaces stay outside.
                let lead = &escaped[..escaped.len() - escaped.trim_start().len()];
                let tail = &escaped[escaped.trim_end().len()..];
                out.push_str(lead);
                out.push('*');
                out.push_str(trimmed);
                out.push('*');
                out.push_str(tail);
            } else {
                out.push_str(&escaped);
            }
        }
        out
    }

    fn push(&mut self, text: &str, italic: bool) {
        if text.is_empty() {
            return;
        }
        match self.0.last_mut() {
            Some(last) if last.italic == italic => last.text.push_str(text),
            _ => self.0.push(Run {
                text: text.to_owned(),
                italic,
            }),
        }
    }
}

/// One entry of a reference list: the source's key and its reference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    /// The source's key in the map.
    pub key: String,
    /// The reference, as the style sets it.
    pub text: Styled,
}

/// The official styles, parsed once.
fn style(style: CitationStyle) -> Option<&'static IndependentStyle> {
    use hayagriva::archive::ArchivedStyle;
    static STYLES: OnceLock<[Option<IndependentStyle>; 3]> = OnceLock::new();
    let styles = STYLES.get_or_init(|| {
        CitationStyle::ALL.map(|s| {
            let archived = match s {
                CitationStyle::Apa => ArchivedStyle::AmericanPsychologicalAssociation,
                CitationStyle::Chicago => ArchivedStyle::ChicagoAuthorDate,
                CitationStyle::Mla => ArchivedStyle::ModernLanguageAssociation,
            };
            match archived.get() {
                Style::Independent(style) => Some(style),
                Style::Dependent(_) => None,
            }
        })
    });
    let index = CitationStyle::ALL.iter().position(|s| *s == style)?;
    styles[index].as_ref()
}

fn locales() -> &'static [Locale] {
    static LOCALES: OnceLock<Vec<Locale>> = OnceLock::new();
    LOCALES.get_or_init(hayagriva::archive::locales)
}

/// Every source of `map` that a reference list can name (it has a
/// title), in the style's order.
pub fn reference_list(map: &Map) -> Vec<Reference> {
    let entries: Vec<Entry> = map
        .sources
        .iter()
        .filter_map(|(key, source)| entry(key, source))
        .collect();
    render(&entries, map.citation_style, &[]).0
}

/// The reference list of the sources with reference details (one known
/// only by its title has no place in it), in the style's order.
pub fn detailed_references(map: &Map) -> Vec<Reference> {
    let detailed = Map {
        sources: map
            .sources
            .iter()
            .filter(|(_, s)| s.has_reference_details())
            .map(|(k, s)| (k.clone(), s.clone()))
            .collect(),
        citation_style: map.citation_style,
        ..Map::default()
    };
    reference_list(&detailed)
}

/// The reference of the source `key` in the map's style.
pub fn reference(map: &Map, key: &str) -> Option<Styled> {
    let entry = entry(key, map.sources.get(key)?)?;
    render(std::slice::from_ref(&entry), map.citation_style, &[])
        .0
        .into_iter()
        .next()
        .map(|r| r.text)
}

/// The in-text citation of the source `key` in the map's style, with the
/// paragraphs cited when there are any: "(Doe, 2021, para. 4)", "(Doe
/// 2021, para. 4)", "(Doe, par. 4)".
pub fn in_text(map: &Map, key: &str, paragraphs: Option<(u32, u32)>) -> Option<String> {
    let entry = entry(key, map.sources.get(key)?)?;
    let locator = paragraphs.map(|(first, last)| {
        if last > first {
            format!("{first}–{last}")
        } else {
            first.to_string()
        }
    });
    let cites = [(0, locator)];
    let (_, citations) = render(std::slice::from_ref(&entry), map.citation_style, &cites);
    citations.into_iter().next().map(|c| c.plain())
}

/// `citation` in words for a reader: in the map's style when its source
/// has reference details ("(Doe, 2021, para. 4)"), else "Title, ¶4".
pub fn cited(map: &Map, citation: &crate::model::Citation) -> String {
    let detailed = map
        .sources
        .get(&citation.doc)
        .is_some_and(Source::has_reference_details);
    detailed
        .then(|| in_text(map, &citation.doc, citation.paragraphs()))
        .flatten()
        .unwrap_or_else(|| map.citation_text(citation))
}

/// Renders `entries` as a reference list, and the citations `cites` asks
/// for (an entry's index, and a paragraph locator).
fn render(
    entries: &[Entry],
    citation_style: CitationStyle,
    cites: &[(usize, Option<String>)],
) -> (Vec<Reference>, Vec<Styled>) {
    let Some(style) = style(citation_style) else {
        return (Vec::new(), Vec::new());
    };
    let locales = locales();
    let mut driver = BibliographyDriver::new();
    if cites.is_empty() {
        for entry in entries {
            driver.citation(CitationRequest::from_items(
                vec![CitationItem::with_entry(entry)],
                style,
                locales,
            ));
        }
    } else {
        for (index, locator) in cites {
            let Some(entry) = entries.get(*index) else {
                continue;
            };
            let locator = locator
                .as_deref()
                .map(|l| SpecificLocator(Locator::Paragraph, LocatorPayload::Str(l)));
            driver.citation(CitationRequest::from_items(
                vec![CitationItem::with_locator(entry, locator)],
                style,
                locales,
            ));
        }
    }
    let rendered = driver.finish(BibliographyRequest {
        style,
        locale: None,
        locale_files: locales,
    });
    let references = rendered
        .bibliography
        .map(|b| {
            b.items
                .into_iter()
                .map(|item| {
                    let mut text = Styled::default();
                    if let Some(first) = &item.first_field {
                        styled_child(first, false, &mut text);
                        text.push(" ", false);
                    }
                    styled(&item.content, false, &mut text);
                    Reference {
                        key: item.key,
                        text,
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let citations = rendered
        .citations
        .into_iter()
        .map(|c| {
            let mut text = Styled::default();
            styled(&c.citation, false, &mut text);
            text
        })
        .collect();
    (references, citations)
}

fn styled(children: &ElemChildren, italic: bool, out: &mut Styled) {
    for child in &children.0 {
        styled_child(child, italic, out);
    }
}

fn styled_child(child: &ElemChild, italic: bool, out: &mut Styled) {
    use hayagriva::citationberg::FontStyle;
    match child {
        ElemChild::Text(t) => out.push(
            &t.text,
            italic || t.formatting.font_style == FontStyle::Italic,
        ),
        ElemChild::Elem(e) => styled(&e.children, italic, out),
        ElemChild::Markup(m) => out.push(m, italic),
        ElemChild::Link { text, .. } => {
            out.push(
                &text.text,
                italic || text.formatting.font_style == FontStyle::Italic,
            );
        }
        ElemChild::Transparent { .. } => {}
    }
}

/// A title's main part, for citations that name a work by its title:
/// what comes before its subtitle (after `:`) or a parenthesis, when there
/// is such a part.
fn short_title(title: &str) -> Option<String> {
    let title = title.trim();
    let cut = title
        .find([':', '(', '—'])
        .map(|at| title[..at].trim_end())?;
    (!cut.is_empty() && cut.split_whitespace().count() >= 2).then(|| cut.to_owned())
}

/// The source as a hayagriva entry; `None` when it has no title (a
/// reference list cannot name it).
fn entry(key: &str, source: &Source) -> Option<Entry> {
    if source.title.trim().is_empty() {
        return None;
    }
    let mut library = Object::new();
    library.insert(key.to_owned(), yaml_entry(source));
    // Read by hayagriva's own deserializer for its schema, from JSON (not
    // through its YAML reader, which would embed libyaml in the binary).
    let library: hayagriva::Library = serde_json::from_value(Value::Object(library)).ok()?;
    library.get(key).cloned()
}

/// The source in hayagriva's YAML schema (as a JSON value).
fn yaml_entry(source: &Source) -> Value {
    let text = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
    };
    let mut entry = Object::new();
    let (kind, parent_kind) = match source.work {
        Work::Article => ("article", Some("periodical")),
        Work::News => ("article", Some("newspaper")),
        Work::Book => ("book", None),
        Work::Chapter => ("chapter", Some("anthology")),
        Work::WebPage => ("web", Some("web")),
        Work::Thesis => ("thesis", None),
        // A work that stands alone, with no kind of its own: CSL's
        // "document" (hayagriva's misc) leaves stray commas in APA's date
        // and Chicago's title, so it goes as a report, as standalone works
        // are set.
        Work::Report | Work::Document => ("report", None),
    };
    entry.insert("type".into(), json!(kind));
    let title = source.title.trim();
    entry.insert(
        "title".into(),
        match short_title(title) {
            Some(short) => json!({ "value": title, "short": short }),
            None => json!(title),
        },
    );
    let people = source.names();
    if !people.is_empty() {
        entry.insert("author".into(), persons(&people));
    }
    if let Some(date) = text(&source.date).as_deref().and_then(Day::parse) {
        entry.insert("date".into(), json!(date.iso()));
    }
    if let Some(pages) = text(&source.pages) {
        entry.insert("page-range".into(), json!(pages));
    }
    let mut serial = Object::new();
    if let Some(doi) = text(&source.doi) {
        let doi = doi
            .trim_start_matches("https://doi.org/")
            .trim_start_matches("http://dx.doi.org/")
            .trim_start_matches("doi:")
            .to_owned();
        serial.insert("doi".into(), json!(doi));
    }
    if let Some(isbn) = text(&source.isbn) {
        serial.insert("isbn".into(), json!(isbn));
    }
    if !serial.is_empty() {
        entry.insert("serial-number".into(), Value::Object(serial));
    }
    if let Some(url) = text(&source.url).filter(|u| u.contains("://")) {
        let accessed = text(&source.accessed).as_deref().and_then(Day::parse);
        entry.insert(
            "url".into(),
            match accessed {
                Some(day) => json!({ "value": url, "date": day.iso() }),
                None => json!(url),
            },
        );
    }
    put_container(source, parent_kind, &mut entry);
    Value::Object(entry)
}

/// What belongs to the container: for an article its journal with the
/// volume and issue, for a chapter its book with the editors and the
/// publisher; for a work that stands alone, those fields on the work.
fn put_container(source: &Source, parent_kind: Option<&str>, entry: &mut Object<String, Value>) {
    let text = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
    };
    let volume = text(&source.volume);
    let issue = text(&source.issue);
    let publisher = text(&source.publisher);
    let editors: Vec<Name> = source
        .editors
        .iter()
        .filter(|n| !n.is_empty())
        .cloned()
        .collect();
    let container = text(&source.container);
    if let Some(parent_kind) = parent_kind {
        let mut parent = Object::new();
        parent.insert("type".into(), json!(parent_kind));
        let fields = [
            ("title", container),
            ("volume", volume),
            ("issue", issue),
            ("publisher", publisher),
        ];
        for (field, value) in fields {
            if let Some(value) = value {
                parent.insert(field.into(), json!(value));
            }
        }
        if !editors.is_empty() {
            parent.insert("editor".into(), persons(&editors));
        }
        entry.insert("parent".into(), Value::Object(parent));
        return;
    }
    let publisher_field = if source.work == Work::Thesis {
        "organization"
    } else {
        "publisher"
    };
    for (field, value) in [
        ("volume", volume),
        ("issue", issue),
        (publisher_field, publisher),
    ] {
        if let Some(value) = value {
            entry.insert(field.into(), json!(value));
        }
    }
    if !editors.is_empty() {
        entry.insert("editor".into(), persons(&editors));
    }
    if let Some(container) = container {
        entry.insert(
            "parent".into(),
            json!({ "type": "misc", "title": container }),
        );
    }
}

fn persons(names: &[Name]) -> Value {
    Value::Array(
        names
            .iter()
            .map(|n| {
                let mut person = Object::new();
                person.insert("name".into(), json!(n.family.trim()));
                let mut put = |field: &str, v: &Option<String>| {
                    if let Some(v) = v.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
                        person.insert(field.into(), json!(v));
                    }
                };
                put("given-name", &n.given);
                put("prefix", &n.particle);
                put("suffix", &n.suffix);
                Value::Object(person)
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests;
