//! `argmap source add` (a source file and its reference details into a
//! map) and `argmap cite` (the map's reference list in a citation style).

use std::path::Path;
use std::process::ExitCode;

use argmap::cite::{self, import};
use argmap::model::{CitationStyle, Source};
use argmap::store;

use crate::cli::SourceAction;

/// Where the reference details come from.
pub enum Details<'a> {
    /// None: the file's name is the title of a new source.
    None,
    /// Entry `entry` of a BibTeX or BibLaTeX file.
    Bib { file: &'a Path, entry: &'a str },
    /// Item `entry` of a CSL-JSON file.
    Csl { file: &'a Path, entry: &'a str },
}

/// Runs `argmap source …`.
pub fn source(action: SourceAction) -> ExitCode {
    match action {
        SourceAction::Add {
            map,
            file,
            key,
            bib,
            csl,
            entry,
        } => {
            let entry = entry.as_deref().unwrap_or_default();
            if bib.is_none() && csl.is_none() && !entry.is_empty() {
                fail!("--entry names an entry of the file given with --bib or --csl");
                return ExitCode::from(2);
            }
            let details = match (&bib, &csl) {
                (Some(file), _) => Details::Bib { file, entry },
                (_, Some(file)) => Details::Csl { file, entry },
                _ => Details::None,
            };
            add(&map, &file, key.as_deref(), &details)
        }
    }
}

/// Adds `file` to `map_file` as a source (or updates the source that has
/// it, or the one called `key`), with reference details from `details`.
pub fn add(map_file: &Path, file: &Path, key: Option<&str>, details: &Details<'_>) -> ExitCode {
    let mut map = match store::read_map(map_file) {
        Ok(map) => map,
        Err(error) => {
            fail!("{error}");
            return ExitCode::FAILURE;
        }
    };
    if store::file_len(file).is_none() {
        fail!(
            "{}: there is no such file to add as a source",
            file.display()
        );
        return ExitCode::FAILURE;
    }
    let reference = match read_details(details) {
        Ok(reference) => reference,
        Err(message) => {
            fail!("{message}");
            return ExitCode::FAILURE;
        }
    };
    let stored = argmap::source::relative_path(file, Some(map_file));
    // The source named, else the one that already has this file, else a
    // new one named after the file.
    let key = key.map_or_else(
        || {
            map.sources
                .iter()
                .find(|(_, s)| s.path.as_deref() == Some(stored.as_str()))
                .map_or_else(
                    || argmap::source::key_for_file(file, |k| map.sources.contains_key(k)),
                    |(k, _)| k.clone(),
                )
        },
        str::to_owned,
    );
    if key.trim().is_empty() {
        fail!("--key: a source's key cannot be empty");
        return ExitCode::from(2);
    }
    let existed = map.sources.contains_key(&key);
    let source = map.sources.entry(key.clone()).or_default();
    if let Some(details) = reference {
        source.take_details(details);
    }
    if source.title.trim().is_empty() {
        source.title = file
            .file_stem()
            .map_or_else(|| key.clone(), |s| s.to_string_lossy().into_owned());
    }
    source.path = Some(stored.clone());
    if let Err(error) = store::write_map(map_file, &map) {
        fail!("{error}");
        return ExitCode::FAILURE;
    }
    let done = if existed { "updated" } else { "added" };
    let reference = cite::reference(&map, &key)
        .map(|r| r.plain())
        .unwrap_or_default();
    say!(
        "{}: source \"{key}\" {done} ({stored}): {reference}",
        map_file.display()
    );
    ExitCode::SUCCESS
}

/// The reference details `details` points at, or why they cannot be read.
fn read_details(details: &Details<'_>) -> Result<Option<Source>, String> {
    let (file, entry, bib) = match details {
        Details::None => return Ok(None),
        Details::Bib { file, entry } => (*file, *entry, true),
        Details::Csl { file, entry } => (*file, *entry, false),
    };
    let bytes = store::read_bytes(file).map_err(|e| e.to_string())?;
    let text = String::from_utf8(bytes)
        .map_err(|_| format!("{}: this file is not UTF-8 text", file.display()))?;
    let entries = if bib {
        import::from_bibtex(&text)
    } else {
        import::from_csl_json(&text)
    }
    .map_err(|e| format!("{}: {e}", file.display()))?;
    import::pick(entries, entry)
        .map(Some)
        .map_err(|e| format!("{}: {e}", file.display()))
}

/// Prints the reference list of `map_file` in `style` (the map's own
/// when not given), one reference a line; in Markdown when `markdown`.
pub fn cite(map_file: &Path, style: Option<CitationStyle>, markdown: bool) -> ExitCode {
    let mut map = match store::read_map(map_file) {
        Ok(map) => map,
        Err(error) => {
            fail!("{error}");
            return ExitCode::FAILURE;
        }
    };
    if let Some(style) = style {
        map.citation_style = style;
    }
    let list = cite::reference_list(&map);
    if list.is_empty() {
        fail!(
            "{}: the map lists no source with a title",
            map_file.display()
        );
    }
    for reference in list {
        if markdown {
            say!("{}", reference.text.markdown());
        } else {
            say!("{}", reference.text.plain());
        }
    }
    ExitCode::SUCCESS
}
