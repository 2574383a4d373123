//! The fonts an HTML handout carries: the canvas's own fonts, each cut
//! down to the letters the page shows (by `skera`, the `fontations`
//! subsetter, which keeps the shaping tables a browser needs for Arabic
//! and the like), as `@font-face` rules with the font in a `data:` address.
//!
//! A letter goes into the first font of its family's fallback list that has
//! it, as on the canvas, so the browser picks the same font for it.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use base64::Engine as _;
use read_fonts::collections::IntSet;
use read_fonts::types::{NameId, Tag};
use read_fonts::{FontRef, TableProvider as _};

/// The two families a page sets its text in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Family {
    /// Claim text, labels and the page's own words.
    Text,
    /// Claim titles, in bold.
    Title,
}

/// The `@font-face` rules, and the `font-family` lists that use them.
#[derive(Debug, Default)]
pub struct Embedded {
    /// One `@font-face` rule per font that has letters on the page.
    pub faces: String,
    /// For each family, its fonts in fallback order, as CSS.
    pub stacks: BTreeMap<Family, String>,
    /// The size of the fonts embedded, in bytes, before base64.
    pub bytes: usize,
}

/// A font of the canvas: its name in egui's definitions and its data.
struct Font {
    name: String,
    data: std::sync::Arc<egui::epaint::text::FontData>,
}

/// The fonts `text` (for claim text and the page) and `titles` need, each
/// cut to the letters it gives.
pub fn embedded(text: &BTreeSet<char>, titles: &BTreeSet<char>) -> Embedded {
    let definitions = crate::measure::fonts();
    let stack_of = |family: &egui::FontFamily| -> Vec<Font> {
        definitions
            .families
            .get(family)
            .into_iter()
            .flatten()
            .filter_map(|name| {
                Some(Font {
                    name: name.clone(),
                    data: definitions.font_data.get(name)?.clone(),
                })
            })
            .collect()
    };
    let stacks = [
        (
            Family::Text,
            stack_of(&egui::FontFamily::Proportional),
            text,
        ),
        (
            Family::Title,
            stack_of(&crate::measure::title_family()),
            titles,
        ),
    ];
    // Which letters each font gives, by its name.
    let mut letters: BTreeMap<String, BTreeSet<u32>> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for (_, fonts, chars) in &stacks {
        let charmaps: Vec<Option<read_fonts::tables::cmap::Cmap<'_>>> = fonts
            .iter()
            .map(|f| {
                FontRef::from_index((*f.data.font).as_ref(), f.data.index)
                    .ok()?
                    .cmap()
                    .ok()
            })
            .collect();
        for &c in *chars {
            let found = charmaps
                .iter()
                .position(|m| m.as_ref().is_some_and(|m| m.map_codepoint(c).is_some()));
            if let Some(i) = found {
                letters
                    .entry(fonts[i].name.clone())
                    .or_default()
                    .insert(u32::from(c));
            }
        }
        for f in fonts {
            if !order.contains(&f.name) {
                order.push(f.name.clone());
            }
        }
    }
    let mut out = Embedded::default();
    let mut css_names: BTreeMap<String, String> = BTreeMap::new();
    for (n, name) in order.iter().enumerate() {
        let Some(chars) = letters.get(name) else {
            continue;
        };
        let Some(data) = definitions.font_data.get(name) else {
            continue;
        };
        let Some(subset) = subset((*data.font).as_ref(), data.index, chars) else {
            continue;
        };
        // The page's name for the font: its place in the fallback lists.
        let css_name = format!("argmap-{n}");
        let weight = if name == "dejavu-sans-bold" {
            "bold"
        } else {
            "normal"
        };
        out.bytes += subset.len();
        let _ = writeln!(
            out.faces,
            "@font-face {{ font-family: \"{css_name}\"; font-weight: {weight}; src: url(data:font/ttf;base64,{}) format(\"truetype\"); }}",
            base64::engine::general_purpose::STANDARD.encode(&subset)
        );
        css_names.insert(name.clone(), css_name);
    }
    for (family, fonts, _) in &stacks {
        let mut stack: Vec<String> = fonts
            .iter()
            .filter_map(|f| css_names.get(&f.name))
            .map(|n| format!("\"{n}\""))
            .collect();
        stack.push("sans-serif".to_owned());
        out.stacks.insert(*family, stack.join(", "));
    }
    out
}

/// `font` cut down to the letters `chars` (and what shaping them needs).
/// `None` when the font cannot be read or cut: the page then falls back to
/// the browser's fonts for those letters.
fn subset(font: &[u8], index: u32, chars: &BTreeSet<u32>) -> Option<Vec<u8>> {
    let font = FontRef::from_index(font, index).ok()?;
    let unicodes: IntSet<u32> = chars.iter().copied().collect();
    let drop_tables: IntSet<Tag> = [
        skera::MORX,
        skera::MORT,
        skera::KERX,
        skera::KERN,
        skera::JSTF,
        skera::DSIG,
        skera::PCLT,
        skera::LTSH,
        Tag::new(b"EBDT"),
        Tag::new(b"EBLC"),
        skera::EBSC,
        Tag::new(b"SVG "),
        Tag::new(b"feat"),
    ]
    .into_iter()
    .collect();
    let mut scripts = IntSet::<Tag>::empty();
    scripts.invert();
    let features: IntSet<Tag> = skera::DEFAULT_LAYOUT_FEATURES.iter().copied().collect();
    let mut name_ids = IntSet::<NameId>::empty();
    name_ids.insert_range(NameId::from(0)..=NameId::from(6));
    let mut languages = IntSet::<u16>::empty();
    languages.insert(0x0409);
    let plan = skera::Plan::new(
        &IntSet::empty(),
        &unicodes,
        &font,
        skera::SubsetFlags::SUBSET_FLAGS_NO_HINTING,
        &drop_tables,
        &scripts,
        &features,
        &name_ids,
        &languages,
    );
    skera::subset_font(&font, &plan).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(text: &str) -> BTreeSet<char> {
        text.chars().collect()
    }

    #[test]
    fn each_letter_goes_to_the_first_font_that_has_it_and_stays_small() {
        let text = chars("Rule by law 社会信用 שלום سلام 😀");
        let titles = chars("Trustworthy AI");
        let embedded = embedded(&text, &titles);
        // Latin in Ubuntu, Chinese in Droid, Hebrew–Arabic in DejaVu, the
        // emoji in Noto Emoji, the titles in DejaVu Bold: five fonts.
        assert_eq!(embedded.faces.lines().count(), 5, "{}", embedded.faces);
        assert!(embedded.faces.contains("font-weight: bold"));
        // The CJK font alone is 4 MB; four of its letters are a few kB.
        assert!(embedded.bytes < 120_000, "{} bytes", embedded.bytes);
        let text_stack = &embedded.stacks[&Family::Text];
        assert!(text_stack.ends_with("sans-serif"), "{text_stack}");
        assert!(embedded.stacks[&Family::Title].starts_with("\"argmap-"));
    }

    #[test]
    fn a_subset_is_a_font_with_the_letters_asked_for() {
        let data = crate::measure::fonts();
        let ubuntu = &data.font_data["Ubuntu-Light"];
        let cut = subset(
            (*ubuntu.font).as_ref(),
            ubuntu.index,
            &[u32::from('A'), 0x62].into(),
        )
        .expect("subset");
        let font = FontRef::new(&cut).expect("reads back");
        let cmap = font.cmap().expect("cmap kept");
        assert!(cmap.map_codepoint('A').is_some());
        assert!(cmap.map_codepoint('b').is_some());
        assert!(cmap.map_codepoint('z').is_none());
        assert!(
            cut.len() < (*ubuntu.font).as_ref().len() / 20,
            "{} bytes",
            cut.len()
        );
    }
}
