//! Evidence as debaters cut it, in the real editor: the card shows its
//! tag, its cite and the words it quotes from the source's file, is
//! measured with them (so arranging leaves no overlap), and follows the
//! file: a quote the file no longer holds leaves the card its own words.

use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use crate::common::fixture;
use crate::harness::{Editor, key};
use argmap::model::{Citation, Claim, ClaimKind, Link, LinkKind, Map, Name, Pos, Quote, Source};

const OWN_WORDS: &str = "Homework builds habits";
const THESIS: &str = "Primary schools should set homework";

/// A map saved beside a copy of the homework essay: a thesis, and under
/// it (too close for a card holding a long quote) an evidence card tagged
/// "Habits for later", citing Doe 2021, ¶2, quoting the paragraph whole.
fn map_beside_the_essay(dir: &std::path::Path) -> (std::path::PathBuf, String) {
    #[expect(clippy::disallowed_methods, reason = "the test reads its fixture text")]
    let essay = std::fs::read_to_string(fixture("reading/homework-essay.txt")).expect("fixture");
    argmap::store::write_atomic(&dir.join("essay.txt"), essay.as_bytes()).expect("copy");
    let text = argmap::source::SourceText::from_text(&essay);
    let paragraph = text.paragraph(2).expect("¶2").to_owned();
    let mut map = Map::new("Homework");
    map.sources.insert(
        "essay".to_owned(),
        Source {
            title: "Homework at primary school".to_owned(),
            path: Some("essay.txt".to_owned()),
            authors: vec![Name {
                family: "Doe".to_owned(),
                given: Some("Jane".to_owned()),
                ..Name::default()
            }],
            date: Some("2021".to_owned()),
            ..Source::default()
        },
    );
    let thesis = map.add_claim(Claim::new(THESIS, Pos { x: 0.0, y: 0.0 }));
    map.thesis = Some(thesis);
    let evidence = map.add_claim(Claim {
        title: Some("Habits for later".to_owned()),
        kind: ClaimKind::Evidence,
        source: Some(Citation {
            quote: Quote::of(&paragraph, 0, paragraph.chars().count()),
            ..Citation::paragraph("essay", 2)
        }),
        ..Claim::new(OWN_WORDS, Pos { x: 0.0, y: 90.0 })
    });
    map.add_link(Link {
        kind: LinkKind::Support,
        premises: vec![evidence],
        target: argmap::model::Target::Claim(thesis),
        weight: argmap::model::Weight::default(),
    });
    let path = dir.join("homework.argmap");
    argmap::store::write_map(&path, &map).expect("save");
    (path, paragraph)
}

/// What a screen reader is told of the card that says `label`.
fn described(harness: &egui_kittest::Harness<'_, argmap::ui::ArgmapApp>, label: &str) -> String {
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, label)
        .accesskit_node()
        .description()
        .unwrap_or_default()
}

fn card_rect(
    harness: &egui_kittest::Harness<'_, argmap::ui::ArgmapApp>,
    label: &str,
) -> egui::Rect {
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, label)
        .rect()
}

#[test]
fn an_evidence_card_shows_its_tag_cite_and_quote_and_is_arranged_with_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, paragraph) = map_beside_the_essay(dir.path());
    let mut harness = Editor::new().opening(path.clone()).build();
    key(&mut harness, Modifiers::NONE, Key::Home);
    // The title row is the tag and the cite; the card reads the quote.
    let described = described(&harness, OWN_WORDS);
    let quoted: String = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        described.contains(&format!("quotes: “{paragraph}”")),
        "{described}"
    );
    let map = &harness.state().doc.map;
    let claim = map
        .claims
        .values()
        .find(|c| c.text == OWN_WORDS)
        .expect("the evidence");
    assert_eq!(
        map.card_title(claim).as_deref(),
        Some("Habits for later — Doe 2021")
    );
    // Measured with the quote: far taller than the thesis's card, whose
    // words are about as long as the evidence's own.
    let (thesis, evidence) = (card_rect(&harness, THESIS), card_rect(&harness, OWN_WORDS));
    assert!(
        evidence.height() > 1.8 * thesis.height(),
        "{evidence:?} against {thesis:?} for {quoted}"
    );
    assert!(thesis.intersects(evidence), "placed too close on purpose");
    // The editor says so, and how to make room; it moves nothing unasked.
    let status = harness.state().status();
    assert!(
        status.contains(
            "1 evidence card now shows the words it quotes and overlaps other cards: \
             Arrange map (Ctrl+Shift+L) makes room"
        ),
        "{status}"
    );
    assert!(!harness.state().doc.is_modified());
    // Arranging makes room for the quote.
    key(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::L);
    key(&mut harness, Modifiers::NONE, Key::Home);
    let (thesis, evidence) = (card_rect(&harness, THESIS), card_rect(&harness, OWN_WORDS));
    assert!(!thesis.intersects(evidence), "{thesis:?} and {evidence:?}");
}

#[test]
fn a_quote_the_file_no_longer_holds_leaves_the_card_its_own_words() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, _) = map_beside_the_essay(dir.path());
    argmap::store::write_atomic(
        &dir.path().join("essay.txt"),
        b"A first paragraph.\n\nA second, rewritten since it was quoted.\n",
    )
    .expect("rewrite");
    let mut harness = Editor::new().opening(path).build();
    key(&mut harness, Modifiers::NONE, Key::Home);
    let described = described(&harness, OWN_WORDS);
    assert!(!described.contains("quotes:"), "{described}");
    let (thesis, evidence) = (card_rect(&harness, THESIS), card_rect(&harness, OWN_WORDS));
    assert!(
        evidence.height() < 1.3 * thesis.height(),
        "{evidence:?} against {thesis:?}"
    );
}
