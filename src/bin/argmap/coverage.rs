//! `argmap coverage`: how much of each source a map covers, and which
//! citations are broken.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use argmap::model::Map;
use argmap::source::{self, SourceText};
use argmap::store;

/// The paragraphs as "¶3, ¶7–9, ¶14".
fn paragraphs(numbers: &[u32]) -> String {
    let mut runs: Vec<(u32, u32)> = Vec::new();
    for &p in numbers {
        match runs.last_mut() {
            Some((_, end)) if *end + 1 == p => *end = p,
            _ => runs.push((p, p)),
        }
    }
    runs.iter()
        .map(|&(a, b)| {
            if a == b {
                format!("¶{a}")
            } else {
                format!("¶{a}–{b}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `argmap coverage MAP [--source [KEY=]FILE]...`: per source, the
/// paragraphs mapped and not, citations past the end, and quotes that no
/// longer match. Exit 1 on a broken citation or an unreadable source.
pub fn coverage(file: &Path, given: &[String]) -> ExitCode {
    let map = match store::read_map(file) {
        Ok(map) => map,
        Err(error) => {
            fail!("{error}");
            return ExitCode::FAILURE;
        }
    };
    let keys: Vec<&String> = map
        .sources
        .keys()
        .filter(|k| {
            map.claims
                .values()
                .any(|c| c.source.as_ref().is_some_and(|s| &s.doc == *k))
        })
        .collect();
    // `--source FILE` is for the one source cited; `KEY=FILE` for any.
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    for entry in given {
        match entry.split_once('=') {
            Some((key, path)) if map.sources.contains_key(key) => {
                files.push((key.to_owned(), PathBuf::from(path)));
            }
            _ if keys.len() == 1 => files.push((keys[0].clone(), PathBuf::from(entry))),
            _ => {
                fail!(
                    "{}: --source {entry}: say which source it is, as KEY=FILE (the map cites {})",
                    file.display(),
                    keys.iter()
                        .map(|k| k.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                return ExitCode::from(2);
            }
        }
    }
    if keys.is_empty() {
        say!("{}: cites no source", file.display());
        return ExitCode::SUCCESS;
    }
    let mut broken = false;
    for key in keys {
        let given = files.iter().find(|(k, _)| k == key).map(|(_, p)| p.clone());
        // A file the map names outside its folder is read only when given
        // on the command line: the user's choice, not the map's.
        let named = source::file_of(&map, key, Some(file));
        if given.is_none()
            && let Some(named) = &named
            && !source::inside_map_folder(named, Some(file))
        {
            fail!(
                "{key} ({}): the map cites a file outside its folder, {}: not read (give it with --source {key}=FILE to read it)",
                map.source_title(key),
                named.display()
            );
            broken = true;
            continue;
        }
        broken |= report(&map, key, given.or(named).as_deref(), file);
    }
    if broken {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// One source's lines; `true` when something is broken.
fn report(map: &Map, key: &str, path: Option<&Path>, file: &Path) -> bool {
    let title = map.source_title(key);
    let Some(path) = path else {
        fail!("{key} ({title}): no file given (add `path` to the source, or --source {key}=FILE)");
        return true;
    };
    let text = match SourceText::from_file(path) {
        Ok(text) => text,
        Err(error) => {
            fail!("{key} ({title}): {error}");
            return true;
        }
    };
    let coverage = source::coverage(map, key, &text);
    let marked = if coverage.not_argument > 0 {
        format!(", {} marked not argument", coverage.not_argument)
    } else {
        String::new()
    };
    say!("{key} ({title}): {}{marked}", coverage.summary());
    if !coverage.unmapped.is_empty() {
        say!("  not mapped: {}", paragraphs(&coverage.unmapped));
    }
    for (id, para) in &coverage.beyond_end {
        say!(
            "  {}: claim {id}: cites ¶{para}, past the end of {} ({} paragraphs)",
            file.display(),
            path.display(),
            coverage.paragraphs
        );
    }
    for id in &coverage.stale_quotes {
        say!(
            "  {}: claim {id}: its quoted words are no longer where they were in {} (the file changed)",
            file.display(),
            path.display()
        );
    }
    coverage.broken()
}
