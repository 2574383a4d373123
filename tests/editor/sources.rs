//! File → Sources… in the real editor: a reference detail typed is one
//! undo step and shows in the map's style at once; references imported
//! from a Zotero-style CSL-JSON file become sources; the style is chosen
//! in the inspector.

use egui_kittest::kittest::Queryable as _;

use crate::common::fixture;
use crate::harness::{Editor, ScriptedDialogs, map, type_text};

fn open_sources(harness: &mut egui_kittest::Harness<'_, argmap::ui::ArgmapApp>) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Sources…").click();
    harness.run();
}

#[test]
fn a_typed_date_is_one_undo_step_and_shows_in_the_reference() {
    let mut harness = Editor::new().build();
    open_sources(&mut harness);
    assert!(harness.query_by_label("Sources").is_some(), "the window");
    assert!(
        harness
            .query_all_by_label_contains("Pandemic Politics")
            .count()
            >= 2,
        "the bundled source's reference as APA writes it"
    );
    harness.get_by_label("Date").click();
    harness.run();
    type_text(&mut harness, "2021-03");
    assert_eq!(
        map(&harness).sources["article"].date.as_deref(),
        Some("2021-03")
    );
    assert!(
        harness
            .query_all_by_label_contains("(2021, March)")
            .next()
            .is_some(),
        "the reference follows the typing"
    );
    // The typing is one step: one undo (from the Edit menu, as the field
    // keeps Ctrl+Z for its own text) takes the whole date back.
    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label_contains("Undo edit a source").click();
    harness.run();
    assert_eq!(map(&harness).sources["article"].date, None);
}

#[test]
fn references_imported_from_csl_json_become_sources() {
    let dialogs = ScriptedDialogs::default();
    dialogs.answer(Some(fixture("references/zotero.json")));
    let mut harness = Editor::new().dialogs(&dialogs).build();
    open_sources(&mut harness);
    harness.get_by_label("Import references…").click();
    harness.run();
    let sources = &map(&harness).sources;
    assert_eq!(sources.len(), 12, "the bundled article and eleven imported");
    let grady = &sources["grady_emotions_2019"];
    assert_eq!(grady.authors.len(), 5);
    assert_eq!(grady.work, argmap::model::Work::Article);
    assert!(
        harness
            .state()
            .status()
            .contains("zotero.json: 11 references added")
    );
    assert_eq!(
        harness
            .query_all_by_label_contains("zotero.json: 11 references added")
            .count(),
        2,
        "in the status bar and under the list"
    );
    // Chosen in the list, it shows as APA writes it.
    harness
        .query_all_by_label_contains("Emotions in storybooks")
        .next()
        .expect("in the list")
        .click();
    harness.run();
    assert!(
        harness
            .query_all_by_label_contains("Grady, J. S., Her, M., Moreno, G.")
            .next()
            .is_some()
    );
    // One step undoes the import.
    harness.get_by_label("Edit").click();
    harness.run();
    harness
        .get_by_label_contains("Undo import references")
        .click();
    harness.run();
    assert_eq!(map(&harness).sources.len(), 1);
}
