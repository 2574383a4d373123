//! Interchange from the editor: an export to Kialo says, in the editor,
//! what Kialo could not carry, and File → Import… reads the file back.

use egui_kittest::kittest::Queryable as _;

use crate::harness::{Editor, ScriptedDialogs, export_via_menu};

#[test]
fn exporting_to_kialo_says_what_it_could_not_carry_and_import_reads_it_back() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = Editor::new().dialogs(&dialogs).build();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("scs.txt");
    dialogs.answer(Some(path.clone()));
    export_via_menu(&mut harness, "Kialo discussion (text)…");
    let notes = harness.state().notes().join("\n");
    assert!(
        notes.contains("Kialo has no undercuts: 4 undercuts written as attacks on the premise"),
        "{notes}"
    );
    assert!(
        harness
            .query_all_by_label_contains("Kialo has no undercuts")
            .next()
            .is_some(),
        "shown in the window"
    );
    dialogs.answer(Some(path));
    crate::harness::key(&mut harness, egui::Modifiers::COMMAND, egui::Key::I);
    assert_eq!(
        harness.state().doc.map.claims.len(),
        45,
        "the bundled map's claims but its note card"
    );
}
