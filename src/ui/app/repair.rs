//! A map that parses but fails validation: shown read-only without its
//! broken parts, every problem listed, until the user repairs it. The file
//! stays as it is until the user saves.

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use super::ArgmapApp;
use super::menus::banner_frame;
use crate::edit::Document;
use crate::format::ron::Parsed;

/// A map that parsed but failed validation, shown read-only.
#[derive(Debug)]
pub(super) struct NeedsRepair {
    /// The file it came from.
    pub(super) path: PathBuf,
    /// Every problem, as the file has it.
    problems: Vec<String>,
    /// What repairing does, one sentence each.
    fixes: Vec<String>,
}

impl ArgmapApp {
    /// Shows a map with problems read-only, without its broken parts, and
    /// offers to repair it.
    pub(super) fn open_for_repair(&mut self, path: &Path, parsed: Parsed) {
        let mut map = parsed.map;
        // What the reader found beyond the map's own problems: repeated ids,
        // of which the map already holds the last definition.
        let own = map.validate();
        let mut fixes: Vec<String> = parsed
            .problems
            .iter()
            .filter(|p| !own.contains(p) && !parsed.unknown.contains(p))
            .map(|p| {
                crate::words::capitalised(&format!(
                    "{} was defined more than once: the last definition is kept.",
                    p.subject
                ))
            })
            .collect();
        fixes.extend(parsed.unknown.iter().map(|p| {
            crate::words::capitalised(&format!(
                "{}: a field this version does not know is left out; saving drops it from the \
                 file ({}).",
                p.subject, p.message
            ))
        }));
        fixes.extend(map.repair());
        let problems = parsed.problems.iter().map(ToString::to_string).collect();
        let mut doc = Document::from_file(map, path.to_path_buf());
        doc.history.lock(true);
        self.replace_document(doc);
        self.remember(path);
        self.needs_repair = Some(NeedsRepair {
            path: path.to_path_buf(),
            problems,
            fixes,
        });
        self.messages.status(format!(
            "{} needs repair before it can be edited",
            path.display()
        ));
    }

    /// Applies the repair: the map becomes editable and unsaved, and a note
    /// says what was dropped.
    fn repair(&mut self) {
        let Some(repair) = self.needs_repair.take() else {
            return;
        };
        self.doc.history.lock(false);
        self.doc.history.mark_unsaved();
        self.messages.notes.push(format!(
            "Repaired {}; {} on disk is unchanged until you save:\n• {}",
            repair.path.display(),
            repair
                .path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
            repair.fixes.join("\n• ")
        ));
        self.messages.status("Repaired: save to keep the repair");
    }

    /// The banner of a map that needs repair: its problems and the repair.
    pub(super) fn needs_repair_ui(&mut self, ui: &mut Ui) {
        let Some(repair) = &self.needs_repair else {
            return;
        };
        let mut repair_now = false;
        let colors = crate::draw::style::REPAIR_BANNER;
        banner_frame(colors.fill, colors.stroke).show(ui, |ui| {
            let ink = colors.ink;
            ui.label(
                RichText::new(format!(
                    "{} needs repair: {}. It is shown read-only, without the broken parts.",
                    repair.path.display(),
                    crate::words::count(repair.problems.len(), "problem"),
                ))
                .color(ink)
                .strong(),
            );
            egui::ScrollArea::vertical()
                .id_salt("repair-problems")
                .max_height(120.0)
                .show(ui, |ui| {
                    for problem in &repair.problems {
                        ui.label(RichText::new(format!("• {problem}")).color(ink));
                    }
                });
            ui.horizontal(|ui| {
                if ui
                    .button("Repair")
                    .on_hover_text(format!(
                        "Drops only what is broken:\n• {}",
                        repair.fixes.join("\n• ")
                    ))
                    .clicked()
                {
                    repair_now = true;
                }
                ui.label(RichText::new("The file is not changed until you save.").color(ink));
            });
        });
        if repair_now {
            self.repair();
        }
    }
}
