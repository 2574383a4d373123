//! Mapping a reading in the editor: the source panel beside the canvas,
//! claims made from selected words, their quotes, and coverage.

#![expect(
    clippy::disallowed_methods,
    reason = "Tests copy their fixture text themselves."
)]

use crate::harness::*;
use argmap::model::{LinkKind, Target};
use argmap::source::SourceText;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;

/// An editor reading the essay written for the tests (8 paragraphs on
/// homework), copied into a folder of its own.
struct Reading {
    dir: tempfile::TempDir,
    path: std::path::PathBuf,
    text: SourceText,
    dialogs: ScriptedDialogs,
    harness: egui_kittest::Harness<'static, argmap::ui::ArgmapApp>,
}

/// The small map with the essay open in the source panel.
fn reading() -> Reading {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(fixture("reading/homework-essay.txt")).expect("fixture");
    let path = dir.path().join("essay.txt");
    argmap::store::write_atomic(&path, text.as_bytes()).expect("copy");
    let dialogs = ScriptedDialogs::default();
    let harness = editor_reading(&dialogs, &path);
    Reading {
        dir,
        path,
        text: SourceText::from_text(&text),
        dialogs,
        harness,
    }
}

/// The small map, then File → Open source… on the essay, and the map
/// brought into view beside the panel.
fn editor_reading(
    dialogs: &ScriptedDialogs,
    path: &std::path::Path,
) -> egui_kittest::Harness<'static, argmap::ui::ArgmapApp> {
    let mut harness = Editor::new().dialogs(dialogs).blank().build();
    build_small_map(&mut harness);
    dialogs.answer(Some(path.to_path_buf()));
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open source…").click();
    harness.run();
    // The panel took the left of the window: bring the map into view.
    key(&mut harness, Modifiers::NONE, Key::Home);
    harness
}

/// Selects the first `words` words of `paragraph` in the panel: a click
/// at its start, then Ctrl+Shift+→.
fn select_first_words(
    harness: &mut egui_kittest::Harness<'_, argmap::ui::ArgmapApp>,
    paragraph: &str,
    words: usize,
) {
    let rect = harness.get_by_value(paragraph).rect();
    click_at(
        harness,
        egui::pos2(rect.left() + 1.0, rect.top() + 6.0),
        Modifiers::NONE,
        1,
    );
    for _ in 0..words {
        key(harness, Modifiers::CTRL | Modifiers::SHIFT, Key::ArrowRight);
    }
}

#[test]
fn words_selected_in_the_source_become_an_objection_that_quotes_them() {
    // File → Open source…: the panel opens on the text, nothing mapped.
    let Reading {
        text, mut harness, ..
    } = reading();
    harness.get_by_label("0 of 8 paragraphs mapped");
    let source = map(&harness)
        .sources
        .values()
        .next()
        .expect("a source")
        .clone();
    assert!(
        source
            .path
            .as_deref()
            .is_some_and(|p| p.ends_with("essay.txt"))
    );

    // The thesis selected; in ¶4, the first five words selected.
    click_card(&mut harness, "Homework should be optional", Modifiers::NONE);
    let fourth = text.paragraph(4).expect("¶4");
    select_first_words(&mut harness, fourth, 5);
    let (para, start, end) = harness.state().source_selection().expect("words selected");
    assert_eq!((para, start), (4, 0));
    let words: String = fourth.chars().skip(start).take(end - start).collect();
    assert!(words.starts_with("Critics reply that"), "{words:?}");

    // As an objection to the selected claim.
    harness
        .get_by_label_contains("as an objection to #1")
        .click();
    harness.run();
    key(&mut harness, Modifiers::NONE, Key::Enter);
    let thesis = claim_id(&harness, "Homework should be optional");
    let new = claim_id(&harness, words.trim());
    let m = map(&harness);
    let link = m
        .links
        .values()
        .find(|l| l.premises == [new])
        .expect("its link");
    assert_eq!(
        (link.kind, link.target),
        (LinkKind::Attack, Target::Claim(thesis))
    );
    let citation = m.claims[&new].source.clone().expect("a citation");
    assert_eq!(citation.para, Some(4));
    let quote = citation.quote.expect("the quoted span");
    assert_eq!((quote.start as usize, quote.end as usize), (start, end));
    assert_eq!(quote.words(fourth).as_deref(), Some(words.as_str()));
    // The inspector shows the quote beside the claim.
    harness.get_by_label(&format!("“{words}”"));

    // Another claim, then this one: its span is highlighted again.
    key(&mut harness, Modifiers::NONE, Key::Home);
    click_card(&mut harness, "Children need time to rest", Modifiers::NONE);
    assert_eq!(
        selected(&harness),
        [claim_id(&harness, "Children need time to rest")]
    );
    assert_eq!(harness.state().source_highlight(), None);
    click_card(&mut harness, words.trim(), Modifiers::NONE);
    assert_eq!(harness.state().source_highlight(), Some((4, start, end)));
    // The quote's mark in the margin of ¶4 selects its claim.
    click_card(&mut harness, "Children need time to rest", Modifiers::NONE);
    harness.get_by_label("“").click();
    harness.run();
    assert_eq!(selected(&harness), [new]);

    // Coverage: one paragraph mapped; ¶6 (an anecdote) marked not
    // argument stops counting.
    harness.get_by_label("1 of 8 paragraphs mapped");
    harness.get_by_label("▌¶6").click_secondary();
    harness.run();
    harness
        .get_by_label("Not argument (background, anecdote)")
        .click();
    harness.run();
    harness.get_by_label("1 of 7 paragraphs mapped (1 marked not argument)");
    let key = map(&harness).sources.keys().next().expect("key").clone();
    assert_eq!(map(&harness).sources[&key].not_argument, [6]);
}

#[test]
fn a_paragraph_number_makes_its_claims_glow_and_a_moved_file_is_located() {
    let Reading {
        dir,
        path,
        text,
        dialogs,
        mut harness,
    } = reading();
    // A claim from ¶2, alone.
    click_card(&mut harness, "Homework should be optional", Modifiers::NONE);
    select_first_words(&mut harness, text.paragraph(2).expect("¶2"), 3);
    key(&mut harness, Modifiers::ALT, Key::Q);
    key(&mut harness, Modifiers::NONE, Key::Enter);
    let quoted = *map(&harness)
        .claims
        .iter()
        .find(|(_, c)| c.source.as_ref().is_some_and(|s| s.para == Some(2)))
        .map(|(id, _)| id)
        .expect("a claim citing ¶2");
    // Its paragraph's number glows it on the canvas; a second click stops.
    harness.get_by_label("¶2").click();
    harness.run();
    assert!(harness.state().marks().found.contains(&quoted));
    harness.get_by_label("¶2").click();
    harness.run();
    assert!(!harness.state().marks().found.contains(&quoted));

    // The file moves: said plainly when the panel is shown again, and
    // Locate… finds it.
    let moved = dir.path().join("moved.txt");
    std::fs::rename(&path, &moved).expect("move");
    let key_name = map(&harness)
        .sources
        .keys()
        .next()
        .expect("a source")
        .clone();
    click_card(&mut harness, "Homework should be optional", Modifiers::NONE);
    key(&mut harness, Modifiers::NONE, Key::F6);
    key(&mut harness, Modifiers::NONE, Key::F6);
    harness.get_by_label_contains("the file is not there (moved or renamed?)");
    dialogs.answer(Some(moved.clone()));
    harness.get_by_label("Locate…").click();
    harness.run();
    let located = map(&harness).sources[&key_name]
        .path
        .clone()
        .expect("a path");
    assert!(located.ends_with("moved.txt"), "{located}");
    harness.get_by_label("1 of 8 paragraphs mapped");
    // The claim's citation is kept as it was.
    assert_eq!(
        map(&harness).claims[&quoted]
            .source
            .as_ref()
            .and_then(|s| s.para),
        Some(2)
    );
}

#[test]
fn saving_the_map_keeps_its_source_found_by_a_relative_path() {
    let Reading {
        dir,
        dialogs,
        mut harness,
        ..
    } = reading();
    // Opened in an unsaved map, the source is named by its whole path.
    let key_name = map(&harness)
        .sources
        .keys()
        .next()
        .expect("a source")
        .clone();
    let before = map(&harness).sources[&key_name]
        .path
        .clone()
        .expect("a path");
    assert!(std::path::Path::new(&before).is_absolute(), "{before}");
    // Saved beside it: the map names it by a path relative to itself.
    dialogs.answer(Some(dir.path().join("homework.ron")));
    key(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    let saved = argmap::store::read_map(&dir.path().join("homework.ron")).expect("saved");
    assert_eq!(saved.sources[&key_name].path.as_deref(), Some("essay.txt"));
    // Saved in a folder of its own: the path leads back up.
    let sub = dir.path().join("maps");
    std::fs::create_dir_all(&sub).expect("folder");
    dialogs.answer(Some(sub.join("homework.ron")));
    key(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    let saved = argmap::store::read_map(&sub.join("homework.ron")).expect("saved");
    assert_eq!(
        saved.sources[&key_name].path.as_deref(),
        Some("../essay.txt")
    );
    harness.get_by_label("0 of 8 paragraphs mapped");
}

#[test]
fn selected_words_dragged_onto_a_card_answer_it() {
    let Reading {
        text, mut harness, ..
    } = reading();
    select_first_words(&mut harness, text.paragraph(5).expect("¶5"), 4);
    let (para, start, end) = harness.state().source_selection().expect("words selected");
    assert_eq!(para, 5);
    let words: String = text
        .paragraph(5)
        .expect("¶5")
        .chars()
        .skip(start)
        .take(end - start)
        .collect();
    // The chip beside the selection, dropped on the reason with Shift: an
    // objection to it.
    let chip = harness.get_by_label("“”").rect().center();
    let target = card(&harness, "Children need time to rest").center();
    drag(&mut harness, chip, target, Modifiers::SHIFT);
    key(&mut harness, Modifiers::NONE, Key::Enter);
    let reason = claim_id(&harness, "Children need time to rest");
    let new = claim_id(&harness, words.trim());
    let link = map(&harness)
        .links
        .values()
        .find(|l| l.premises == [new])
        .expect("its link")
        .clone();
    assert_eq!(
        (link.kind, link.target),
        (LinkKind::Attack, Target::Claim(reason))
    );
    assert_eq!(
        map(&harness).claims[&new]
            .source
            .as_ref()
            .and_then(|s| s.para),
        Some(5)
    );
}

#[test]
fn a_source_outside_the_maps_folder_is_shown_only_once_allowed() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("secret.txt"), "Hunter2 is the password.\n").expect("secret");
    std::fs::create_dir(dir.path().join("maps")).expect("maps/");
    let map = "(\n    format: 1,\n    sources: {\n        \"doc\": (title: \"D\", path: \"../secret.txt\"),\n    },\n    claims: {\n        1: (text: \"A claim\", source: (doc: \"doc\", para: 1)),\n    },\n)\n";
    let path = dir.path().join("maps/map.ron");
    std::fs::write(&path, map).expect("map");
    let mut harness = Editor::new().opening(path).build();
    // Said as the map opens.
    let notes = harness.state().notes().join("\n");
    assert!(
        notes.contains("This map cites a file outside its folder:")
            && notes.contains("secret.txt")
            && notes.contains("Allow"),
        "{notes}"
    );
    key(&mut harness, Modifiers::NONE, Key::F6);
    assert!(
        harness
            .query_all_by_label_contains("This map cites a file outside its folder:")
            .next()
            .is_some()
    );
    let paragraph = "Hunter2 is the password.";
    assert!(harness.query_all_by_value(paragraph).next().is_none());
    harness.get_by_label("Allow").click();
    harness.run();
    harness.run();
    assert!(harness.query_all_by_value(paragraph).next().is_some());
    let secret = argmap::store::canonical(&dir.path().join("secret.txt"));
    assert!(harness.state().allowed_sources().contains(&secret));
}

/// Steps the editor's frames, as a window does, until `done` holds (at
/// most 15 s of a reading in the background).
fn frames_until(
    harness: &mut egui_kittest::Harness<'static, argmap::ui::ArgmapApp>,
    done: impl Fn(&egui_kittest::Harness<'static, argmap::ui::ArgmapApp>) -> bool,
) {
    let started = std::time::Instant::now();
    while !done(harness) {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(15),
            "not done within 15 s"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.step();
    }
}

#[test]
fn a_pdf_is_read_in_the_background_with_progress_and_a_damaged_one_changes_nothing() {
    argmap::source::pdf::use_reader(env!("CARGO_BIN_EXE_argmap"));
    let dir = tempfile::tempdir().expect("temp dir");
    let pdfs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile-pdf");
    let doc = dir.path().join("doc.pdf");
    std::fs::copy(pdfs.join("plain.pdf"), &doc).expect("copy");
    let dialogs = ScriptedDialogs::default();
    let mut harness = editor_reading(&dialogs, &doc);
    // The window went on drawing while the child read it: the reading is
    // shown, then the text.
    frames_until(&mut harness, |h| {
        h.query_all_by_value("A page of text.").next().is_some()
    });
    assert!(map(&harness).sources.contains_key("doc"));
    // A hostile PDF chosen as another source (it inflates past the
    // reader's memory; that takes the child about half a second): its
    // reading shown, then said, and the map unchanged.
    let broken = dir.path().join("bomb.pdf");
    std::fs::copy(pdfs.join("decompression-bomb.pdf"), &broken).expect("copy");
    let before = map(&harness).clone();
    dialogs.answer(Some(broken));
    // The panel's own Open source… button.
    harness.get_by_label("Open source…").click();
    harness.step();
    harness.step();
    assert!(
        harness
            .query_by_label_contains("Reading bomb.pdf")
            .is_some(),
        "the panel shows the reading"
    );
    assert!(harness.query_by_label("Stop").is_some());
    frames_until(&mut harness, |h| {
        h.query_by_label_contains("Reading bomb.pdf").is_none()
    });
    harness.run();
    let errors = harness.state().errors().join("\n");
    assert!(
        errors.contains(
            "bomb.pdf: this PDF could not be read: it is damaged or too large: reading it \
             needed more than 1 GiB of memory"
        ),
        "{errors}"
    );
    assert!(*map(&harness) == before, "nothing attached");
}

#[test]
fn an_export_never_waits_on_a_pdf_and_quotes_it_once_read() {
    argmap::source::pdf::use_reader(env!("CARGO_BIN_EXE_argmap"));
    let dir = tempfile::tempdir().expect("temp dir");
    let pdfs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile-pdf");
    // Its own copy, with a byte more than the other tests' (readings are
    // kept by content), so this process has not read it before.
    let mut bytes = std::fs::read(pdfs.join("plain.pdf")).expect("fixture");
    bytes.extend_from_slice(b"\n% a copy of its own\n");
    std::fs::write(dir.path().join("doc.pdf"), bytes).expect("copy");
    let check = argmap::model::Quote::check_of("page of text");
    let map = format!(
        "(\n    format: 1,\n    sources: {{\"doc\": (title: \"D\", path: \"doc.pdf\")}},\n    claims: {{\n        1: (text: \"A claim\", source: (doc: \"doc\", para: 1, quote: (start: 2, end: 14, check: \"{check}\"))),\n    }},\n)\n"
    );
    let path = dir.path().join("map.ron");
    std::fs::write(&path, map).expect("map");
    let dialogs = ScriptedDialogs::default();
    let mut harness = Editor::new().dialogs(&dialogs).opening(path).build();
    let export = |harness: &mut egui_kittest::Harness<'static, argmap::ui::ArgmapApp>| {
        let out = dir.path().join("out.md");
        dialogs.answer(Some(out.clone()));
        export_via_menu(harness, "Markdown outline…");
        std::fs::read_to_string(&out).expect("exported")
    };
    // Not read yet: the export goes ahead without the quote, and says so.
    let text = export(&mut harness);
    assert!(!text.contains("page of text"), "{text}");
    let notes = harness.state().notes().join("\n");
    assert!(
        notes.contains("doc.pdf are left out: that PDF has not been read yet"),
        "{notes}"
    );
    // Shown in the source panel, read on its own thread: now quoted.
    key(&mut harness, Modifiers::NONE, Key::F6);
    frames_until(&mut harness, |h| {
        h.query_all_by_value("A page of text.").next().is_some()
    });
    let text = export(&mut harness);
    assert!(text.contains("page of text"), "{text}");
}

/// A drag that starts and ends inside words selects those whole words,
/// and the selection stays (and is drawn) while a card is clicked, so
/// "as an objection" never uses words the reader cannot see.
#[test]
fn a_dragged_selection_grows_to_whole_words_and_outlives_a_click_on_a_card() {
    let Reading {
        text, mut harness, ..
    } = reading();
    let fourth = text.paragraph(4).expect("¶4");
    let rect = harness.get_by_value(fourth).rect();
    // From inside the first word to inside a word further along the row.
    drag(
        &mut harness,
        egui::pos2(rect.left() + 12.0, rect.top() + 6.0),
        egui::pos2(rect.left() + 95.0, rect.top() + 6.0),
        Modifiers::NONE,
    );
    let (para, start, end) = harness.state().source_selection().expect("words selected");
    let chars: Vec<char> = fourth.chars().collect();
    assert_eq!(
        (para, start),
        (4, 0),
        "grown back to the start of the first word"
    );
    assert!(end > 8, "more than the first word ({end})");
    assert!(
        chars.get(end).is_none_or(|c| !c.is_alphanumeric()),
        "grown on to the end of the last word: {:?}",
        chars[..end].iter().collect::<String>()
    );
    // A card clicked: the words stay selected, ready for "as an objection".
    click_card(&mut harness, "Homework should be optional", Modifiers::NONE);
    assert_eq!(harness.state().source_selection(), Some((para, start, end)));
    assert!(
        harness
            .query_by_label_contains("as an objection to #1")
            .is_some()
    );
}

/// A drag from ¶4 into ¶5 selects across the break; the claim made from
/// it cites ¶4–5 and quotes the words of both, as the file still has them.
#[test]
fn a_selection_runs_across_paragraphs_and_its_claim_quotes_them() {
    let Reading {
        text, mut harness, ..
    } = reading();
    let (fourth, fifth) = (
        text.paragraph(4).expect("¶4"),
        text.paragraph(5).expect("¶5"),
    );
    let from = harness.get_by_value(fourth).rect();
    let to = harness.get_by_value(fifth).rect();
    click_card(&mut harness, "Homework should be optional", Modifiers::NONE);
    drag(
        &mut harness,
        egui::pos2(from.left() + 12.0, from.top() + 6.0),
        egui::pos2(to.left() + 60.0, to.top() + 6.0),
        Modifiers::NONE,
    );
    let (para, start, last, end, words) = harness
        .state()
        .source_selection_span()
        .expect("words selected");
    assert_eq!(
        (para, start, last),
        (4, 0, 5),
        "from the start of ¶4's first word into ¶5"
    );
    assert!(end > 0 && end < fifth.chars().count());
    assert!(words.starts_with(fourth), "all of ¶4: {words:?}");
    let tail: String = fifth.chars().take(end).collect();
    assert!(
        words.ends_with(&tail),
        "¶5 up to the pointer, grown to a word: {words:?}"
    );
    harness
        .get_by_label_contains("as an objection to #1")
        .click();
    harness.run();
    key(&mut harness, Modifiers::NONE, Key::Enter);
    let made = *selected(&harness).first().expect("the new claim");
    let citation = map(&harness).claims[&made]
        .source
        .clone()
        .expect("a citation");
    assert_eq!(citation.paragraphs(), Some((4, 5)));
    assert_eq!(
        citation.quoted_words(|n| text.paragraph(n)).as_deref(),
        Some(words.as_str())
    );
}

/// How the reader looks with a quote and a kept selection: the quote in
/// its claim's role colour (red for an objection) with its mark in the
/// margin, and words selected in another paragraph still shown in the
/// selection's colour after a card was clicked.
#[test]
#[cfg_attr(
    not(feature = "external"),
    ignore = "needs Mesa's software renderer for images: `bash .ci/test` sets it up and runs it"
)]
fn the_reader_shows_quotes_in_role_colours_and_keeps_the_selection_in_sight() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(fixture("reading/homework-essay.txt")).expect("fixture");
    let path = dir.path().join("essay.txt");
    argmap::store::write_atomic(&path, text.as_bytes()).expect("copy");
    let text = SourceText::from_text(&text);
    let dialogs = ScriptedDialogs::default();
    let mut harness = Editor::new()
        .theme(egui::Theme::Light)
        .dialogs(&dialogs)
        .blank()
        .build();
    build_small_map(&mut harness);
    dialogs.answer(Some(path.clone()));
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open source…").click();
    harness.run();
    key(&mut harness, Modifiers::NONE, Key::Home);
    // An objection quoting the start of ¶4.
    click_card(&mut harness, "Homework should be optional", Modifiers::NONE);
    select_first_words(&mut harness, text.paragraph(4).expect("¶4"), 4);
    harness
        .get_by_label_contains("as an objection to #1")
        .click();
    harness.run();
    key(&mut harness, Modifiers::NONE, Key::Enter);
    // Words selected in ¶2, then a card clicked: the words stay in sight.
    key(&mut harness, Modifiers::NONE, Key::Escape);
    key(&mut harness, Modifiers::NONE, Key::Home);
    select_first_words(&mut harness, text.paragraph(2).expect("¶2"), 3);
    click_card(&mut harness, "Children need time to rest", Modifiers::NONE);
    assert!(
        harness
            .state()
            .source_selection()
            .is_some_and(|(p, _, _)| p == 2)
    );
    harness.snapshot("reader_quote_and_kept_selection");
}
