//! What the fuzz targets (`fuzz/`, run with `cargo fuzz`) check for any
//! input. Built only for them (the `fuzzing` feature) and for this
//! module's own test, which replays every input the fuzzers kept
//! (`tests/fuzz_corpus/<target>/`, minimised with `cargo fuzz cmin`), so
//! an ordinary `cargo test` guards against each bug they ever found.
//!
//! Each function panics exactly when a loader misbehaves: a panic inside
//! it, a map it accepts that is not sound, a map that does not survive a
//! save and a reload, or a layout with positions that are not numbers.

use std::sync::atomic::AtomicBool;

use crate::format::{Imported, aif, argdown, ron};
use crate::layout::{self, Region, Sizes};
use crate::model::Map;
use crate::source::{SourceText, Unread};
use crate::versions::{self, report::Style};

/// The RON map reader, on any bytes.
///
/// # Panics
/// When the reader misbehaves (see the module's notes).
pub fn ron(data: &[u8]) {
    let _ = ron::parse(data);
    if let Ok(map) = ron::load(data) {
        saved_and_reloaded(&map);
        arranged(&map);
    }
}

/// The Argdown importer, on any bytes.
///
/// # Panics
/// When the importer misbehaves (see the module's notes).
pub fn argdown(data: &[u8]) {
    if let Ok(imported) = argdown::from_argdown(data) {
        imported_soundly(&imported);
    }
}

/// The AIF JSON importer, on any bytes.
///
/// # Panics
/// When the importer misbehaves (see the module's notes).
pub fn aif(data: &[u8]) {
    if let Ok(imported) = aif::from_aif(data) {
        imported_soundly(&imported);
    }
}

/// A source file named `.txt`, on any bytes: its paragraphs by the one
/// rule, or where it stops being UTF-8 (bytes that start like a PDF go to
/// the PDF reader, as the file would).
///
/// # Panics
/// When the reader misbehaves (see the module's notes).
pub fn source_txt(data: &[u8]) {
    source_file("source.txt", data);
}

/// A source file named `.md`, on any bytes (see [`source_txt`]).
///
/// # Panics
/// When the reader misbehaves (see the module's notes).
pub fn source_md(data: &[u8]) {
    source_file("source.md", data);
}

/// A PDF, on any bytes, read through the child process (the `argmap`
/// binary named by `ARGMAP_BIN`, else `target/release/argmap`): its text,
/// or one of the reasons a PDF has none, within the time limit and five
/// seconds more — never a reader that could not be started (a parent that
/// leaks processes or pipes fails that after a few thousand inputs).
///
/// # Panics
/// When the reader misbehaves (see the module's notes).
pub fn source_pdf(data: &[u8]) {
    use crate::source::PdfProblem;
    let reader = std::env::var_os("ARGMAP_BIN").map_or_else(
        || std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/argmap"),
        std::path::PathBuf::from,
    );
    crate::source::pdf::use_reader(reader);
    let started = std::time::Instant::now();
    let read = SourceText::from_bytes(data, true, &mut |_, _| {}, &AtomicBool::new(false));
    let took = started.elapsed();
    assert!(
        took < crate::source::pdf::TIME_LIMIT + std::time::Duration::from_secs(5),
        "the reading took {took:?}"
    );
    match read {
        Ok(text) => paragraphs_sound(&text),
        Err(
            Unread::NoText
            | Unread::Pdf(
                PdfProblem::Damaged
                | PdfProblem::Encrypted
                | PdfProblem::TooSlow
                | PdfProblem::TooLarge
                | PdfProblem::TooMuchText,
            ),
        ) => {}
        Err(other) => panic!("a PDF was not read: {other:?}"),
    }
}

fn source_file(name: &str, data: &[u8]) {
    let pdf = crate::source::is_pdf(std::path::Path::new(name), data);
    if pdf {
        return source_pdf(data);
    }
    match SourceText::from_text_bytes(data) {
        Ok(text) => {
            paragraphs_sound(&text);
            // Every word of the file is in a paragraph, in order.
            let words = |t: &str| t.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
            let text_words: Vec<String> = text.paragraphs.iter().flat_map(|p| words(p)).collect();
            let file = std::str::from_utf8(data).unwrap_or_default();
            let file = file.strip_prefix('\u{feff}').unwrap_or(file);
            assert_eq!(text_words, words(file), "words were lost or moved");
            // A map citing every paragraph covers them all.
            let mut map = Map::new("Coverage");
            map.sources
                .insert("doc".to_owned(), crate::model::Source::default());
            for n in 1..=u32::try_from(text.len()).unwrap_or(u32::MAX).min(50) {
                let mut claim = crate::model::Claim::new("c", crate::model::Pos::default());
                claim.source = Some(crate::model::Citation {
                    doc: "doc".to_owned(),
                    para: Some(n),
                    ..crate::model::Citation::default()
                });
                map.claims.insert(crate::model::ClaimId(n), claim);
            }
            let coverage = crate::source::coverage(&map, "doc", &text);
            assert!(coverage.beyond_end.is_empty(), "{coverage:?}");
        }
        Err(Unread::NotText { offset }) => {
            let valid = std::str::from_utf8(data).err().map(|e| e.valid_up_to());
            assert_eq!(valid, Some(offset), "the bad byte is misplaced");
        }
        Err(other) => panic!("a text file was refused: {other:?}"),
    }
}

/// Paragraphs as the one rule makes them: none empty, none with space
/// at either end, and each found by its number.
fn paragraphs_sound(text: &SourceText) {
    for (i, paragraph) in text.paragraphs.iter().enumerate() {
        assert!(!paragraph.is_empty(), "paragraph {} is empty", i + 1);
        assert_eq!(
            paragraph.trim(),
            paragraph,
            "paragraph {} is not trimmed",
            i + 1
        );
        let n = u32::try_from(i + 1).unwrap_or(u32::MAX);
        assert_eq!(text.paragraph(n), Some(paragraph.as_str()));
    }
    assert_eq!(text.paragraph(0), None);
}

/// Three-way merge, on three maps from any bytes (see [`versions_of`]):
/// a sound map that keeps every claim either side added, or a refusal as
/// a whole; a side that changed nothing gives the other side back.
///
/// # Panics
/// When the merge misbehaves.
pub fn merge(data: &[u8]) {
    let [base, ours, theirs] = versions_of::<3>(data);
    let merged = match versions::merge(&base, &ours, &theirs) {
        Ok(merged) => merged,
        Err(versions::MergeError::OutOfIds { .. }) => return,
    };
    let problems = merged.map.validate();
    assert!(
        problems.is_empty(),
        "a merged map must be sound: {problems:?}"
    );
    saved_and_reloaded(&merged.map);
    for (id, claim) in &ours.claims {
        if !base.claims.contains_key(id) {
            assert!(
                merged
                    .map
                    .claims
                    .get(id)
                    .is_some_and(|c| c.text == claim.text),
                "claim {id:?} that ours added was lost"
            );
        }
    }
    for (id, claim) in &theirs.claims {
        if !base.claims.contains_key(id) {
            assert!(
                merged.map.claims.values().any(|c| c.text == claim.text),
                "claim {id:?} that theirs added was lost"
            );
        }
    }
    // Theirs unchanged: ours, as it is.
    if let Ok(mut same) = versions::merge(&base, &ours, &base) {
        same.map.issued = ours.issued;
        assert!(same.is_clean(), "conflicts with an unchanged side");
        assert!(
            same.map == ours,
            "a merge with an unchanged side changed ours"
        );
    }
}

/// The diff of two maps from any bytes (see [`versions_of`]): written for
/// people and tools without a panic; a map against itself has no change;
/// every word diff gives both texts back.
///
/// # Panics
/// When the diff misbehaves.
pub fn diff(data: &[u8]) {
    let [old, new] = versions_of::<2>(data);
    let changes = versions::diff(&old, &new);
    let _ = versions::report::human("map.ron", &changes, &old, &new, Style::default());
    let _ = versions::report::human(
        "map.ron",
        &changes,
        &old,
        &new,
        Style {
            color: true,
            moves: true,
        },
    );
    let _ = versions::report::json("a.ron", "b.ron", &changes);
    let _ = versions::report::stat("map.ron", &changes);
    assert!(
        versions::diff(&old, &old).is_empty(),
        "a map differs from itself"
    );
    for (id, claim) in &old.claims {
        if let Some(other) = new.claims.get(id) {
            words_diffed(&claim.text, &other.text);
        }
    }
    let half = data.len() / 2;
    words_diffed(
        &String::from_utf8_lossy(&data[..half]),
        &String::from_utf8_lossy(&data[half..]),
    );
}

/// A word diff's pieces give back both texts.
fn words_diffed(old: &str, new: &str) {
    use versions::words::Piece;
    let pieces = versions::words::diff(old, new);
    let (mut was, mut is) = (String::new(), String::new());
    for piece in &pieces {
        match piece {
            Piece::Same(t) => {
                was.push_str(t);
                is.push_str(t);
            }
            Piece::Gone(t) => was.push_str(t),
            Piece::Came(t) => is.push_str(t),
        }
    }
    assert_eq!(was, old, "the old text is not given back");
    assert_eq!(is, new, "the new text is not given back");
}

/// `N` versions of a map from the input: `N` RON maps separated by NUL
/// bytes when the input is that; otherwise the bundled article map, each
/// later version edited by its own part of the input (parts separated by
/// 0xFF), every edit one the editor makes.
fn versions_of<const N: usize>(data: &[u8]) -> [Map; N] {
    let written: Vec<Map> = data
        .split(|&b| b == 0)
        .filter_map(|part| ron::load(part).ok())
        .collect();
    if let Ok(maps) = <[Map; N]>::try_from(written) {
        return maps;
    }
    let base = crate::bundled::ARTICLE.map();
    let mut scripts = data.split(|&b| b == 0xff);
    std::array::from_fn(|i| {
        if i == 0 {
            base.clone()
        } else {
            edited(&base, scripts.next().unwrap_or_default())
        }
    })
}

/// `map` with the edits `script` spells, three bytes an edit (the first
/// 300).
fn edited(map: &Map, script: &[u8]) -> Map {
    use crate::edit;
    use crate::model::{LinkKind, Pos, Target};
    let mut map = map.clone();
    // A few hundred edits find what thousands would, in far less time.
    for step in script.chunks_exact(3).take(300) {
        let (op, a, b) = (step[0] % 8, usize::from(step[1]), usize::from(step[2]));
        let at = Pos::new(f32::from(step[1]) * 10.0, f32::from(step[2]) * 10.0);
        let claims: Vec<_> = map.claims.keys().copied().collect();
        let links: Vec<_> = map.links.keys().copied().collect();
        let claim = |n: usize| claims.get(n % claims.len().max(1)).copied();
        let link = |n: usize| links.get(n % links.len().max(1)).copied();
        let kind = if b % 2 == 0 {
            LinkKind::Support
        } else {
            LinkKind::Attack
        };
        let change = match op {
            0 => Some(edit::add_claim(&map, at, &format!("added {a} {b}")).0),
            1 => {
                claim(a).and_then(|id| edit::set_text(&map, id, format!("changed {b} words here")))
            }
            2 => claim(a).map(|id| edit::delete_claims(&map, &[id].into())),
            3 => claim(a)
                .and_then(|id| edit::new_reply(&map, id, kind, &format!("reply {b}")).map(|r| r.0)),
            4 => claim(a)
                .zip(claim(b))
                .and_then(|(p, t)| edit::connect(&map, p, Target::Claim(t), kind).ok()),
            5 => link(a).map(|id| edit::delete_links(&map, &[id].into())),
            6 => link(a).and_then(|id| {
                let weight = crate::model::Weight::new(f64::from(step[2]) / 255.0)?;
                edit::set_weights(&map, &[id], weight)
            }),
            _ => claim(a).and_then(|id| {
                link(b).and_then(|l| {
                    edit::new_undercut(&map, l, &format!("undercut {id:?}")).map(|r| r.0)
                })
            }),
        };
        if let Some(change) = change {
            let _undo = change.apply(&mut map);
        }
    }
    map
}

fn imported_soundly(imported: &Imported) {
    let problems = imported.map.validate();
    assert!(
        problems.is_empty(),
        "an imported map must be sound: {problems:?}"
    );
    saved_and_reloaded(&imported.map);
    arranged(&imported.map);
}

fn saved_and_reloaded(map: &Map) {
    let text = ron::to_string(map);
    match ron::load(text.as_bytes()) {
        Ok(again) => assert!(again == *map, "the map changed on a save and reload"),
        Err(err) => panic!("a saved map does not load again: {err:?}\n{text}"),
    }
}

/// Arranges the map with card sizes that grow with the text, as the
/// measured ones do, without needing fonts.
fn arranged(map: &Map) {
    let sizes: Sizes = map
        .claims
        .iter()
        .map(|(id, claim)| {
            #[expect(clippy::cast_precision_loss, reason = "small counts, exact in f32")]
            let rows = (claim.text.len() / 30).min(40) as f32;
            (*id, (220.0, 40.0 + 18.0 * rows))
        })
        .collect();
    for (id, pos) in layout::arrange(map, &sizes, Region::All) {
        assert!(
            pos.x.is_finite() && pos.y.is_finite(),
            "claim {id:?} was placed at {pos:?}"
        );
    }
}

#[cfg(test)]
mod tests {
    #![expect(
        clippy::disallowed_methods,
        reason = "the corpus is read straight from the repository"
    )]

    use std::path::Path;

    fn replay(target: &str, check: fn(&[u8])) {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fuzz_corpus")
            .join(target);
        let mut inputs: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
            .map(|entry| entry.expect("entry").path())
            .collect();
        inputs.sort();
        assert!(
            inputs.len() >= 20,
            "{}: only {} inputs",
            dir.display(),
            inputs.len()
        );
        for input in inputs {
            let bytes = std::fs::read(&input).expect("readable");
            let outcome = std::panic::catch_unwind(|| check(&bytes));
            assert!(outcome.is_ok(), "{} fails its check", input.display());
        }
    }

    #[test]
    fn ron_reader_corpus() {
        replay("ron", super::ron);
    }

    #[test]
    fn argdown_importer_corpus() {
        replay("argdown", super::argdown);
    }

    #[test]
    fn aif_importer_corpus() {
        replay("aif", super::aif);
    }

    /// PDFs are read by the `argmap` binary that this test's build made
    /// beside it (`target/debug/argmap`).
    fn use_built_reader() {
        let exe = std::env::current_exe().expect("the test's own path");
        let reader = exe
            .parent()
            .and_then(Path::parent)
            .map(|dir| dir.join("argmap"))
            .filter(|path| path.is_file())
            .expect("the argmap binary beside the tests (built by `cargo test`)");
        crate::source::pdf::use_reader(reader);
    }

    /// Text files the fuzzer kept (those that start like a PDF are read as
    /// one, as the file would be).
    #[test]
    fn text_source_corpus() {
        use_built_reader();
        replay("source_txt", super::source_txt);
        replay("source_md", super::source_md);
    }

    #[test]
    fn pdf_source_corpus() {
        use_built_reader();
        replay("source_pdf", super::source_pdf);
    }

    #[test]
    fn merge_corpus() {
        replay("merge", super::merge);
    }

    #[test]
    fn diff_corpus() {
        replay("diff", super::diff);
    }
}
