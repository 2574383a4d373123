//! The map as an interactive HTML handout: one self-contained file that
//! any browser opens, with nothing fetched from anywhere.
//!
//! The page holds the same SVG drawing as every other export (from the
//! same geometry and text measurement), the canvas's fonts cut down to the
//! letters it shows, what the script needs to know of the map as JSON (see
//! [`data`]), and the viewer script and style from `assets/web`. The
//! script pans and zooms the drawing, opens a claim's note, citation and
//! quote, folds answers, searches, walks the structure with the arrow keys
//! and presents the map step by step, framing each step as the editor's
//! present mode does (the same rules, in `geometry.js`).

pub mod data;
pub mod fonts;

use std::collections::BTreeSet;

use crate::draw::raster::Texts;
use crate::draw::svg::{self, Background, Scene, SvgOptions};
use crate::measure::TextMeasure;
use crate::model::{ClaimId, Map};

/// The page around the drawing, with `{{…}}` where the parts go.
const PAGE: &str = include_str!("../../assets/web/page.html");
/// The page's style.
const STYLE: &str = include_str!("../../assets/web/viewer.css");
/// The viewer: the framing rules, the search rule, culling for large maps,
/// the reading view, presenting, and the viewer itself, run in that order
/// in one scope (see [`script`]).
const SCRIPT_PARTS: [&str; 7] = [
    include_str!("../../assets/web/geometry.js"),
    include_str!("../../assets/web/search.js"),
    include_str!("../../assets/web/cull.js"),
    include_str!("../../assets/web/reading.js"),
    include_str!("../../assets/web/present.js"),
    include_str!("../../assets/web/viewer.js"),
    include_str!("../../assets/web/flow.js"),
];

/// The page's script: its parts in one strict-mode scope of their own.
fn script() -> String {
    format!(
        "(function () {{\n'use strict';\n{}\n}})();",
        SCRIPT_PARTS.join("\n")
    )
}

/// What the handout shows beyond the map itself.
#[derive(Clone, Debug, Default)]
pub struct HtmlOptions {
    /// Show each claim's status and why (it is shown anyway when the map
    /// has assessments).
    pub evaluate: bool,
    /// The words each claim quotes from its source.
    pub quotes: std::collections::BTreeMap<ClaimId, String>,
}

/// `map`, its claims' text laid out as `texts`, as an HTML page.
pub fn html(map: &Map, texts: &Texts, measure: &mut TextMeasure, options: &HtmlOptions) -> String {
    let assessed = map.claims.values().any(|c| c.assessment.is_some());
    let evaluation = (options.evaluate || assessed).then(|| crate::eval::evaluate(map));
    let scene = Scene::of(map, texts);
    let drawing = svg::svg_of_scene(
        map,
        texts,
        &scene,
        measure,
        &SvgOptions {
            background: Background::Transparent,
            evaluation: evaluation.clone(),
            ..SvgOptions::default()
        },
    );
    // The titles a reader sees zoomed out, over the cards.
    let drawing = match drawing.rfind("</svg>") {
        Some(end) => format!(
            "{}{}{}",
            &drawing[..end],
            svg::overview_titles(map, &scene, measure),
            &drawing[end..]
        ),
        None => drawing,
    };
    // A round's flow, shown in place of the drawing on asking.
    let flow = crate::draw::flow::flow_svg(
        map,
        crate::model::flow::Sheets::One,
        evaluation.is_some(),
        &options.quotes,
        measure,
    )
    .unwrap_or_default();
    let data = data::data(
        map,
        &scene.cards,
        scene.bounds,
        evaluation.as_ref(),
        &options.quotes,
    );
    // JSON inside a script element: no `<` may close it early.
    let json = serde_json::to_string(&data)
        .unwrap_or_else(|_| "{}".to_owned())
        .replace('<', "\\u003c");
    let title = if map.title.trim().is_empty() {
        "Argument map".to_owned()
    } else {
        map.title.clone()
    };
    // Every letter the page can show: the drawing's, the map's words in
    // the panel, the page's own words; titles also in bold.
    let script = script();
    let text_letters: BTreeSet<char> = [
        drawing.as_str(),
        flow.as_str(),
        json.as_str(),
        PAGE,
        &script,
        &title,
    ]
    .iter()
    .flat_map(|s| s.chars())
    .filter(|c| !c.is_control())
    .collect();
    let title_letters: BTreeSet<char> = map
        .claims
        .values()
        .flat_map(|c| c.shown_title().chars().collect::<Vec<_>>())
        .chain(title.chars())
        .chain((' '..='~').filter(char::is_ascii_graphic))
        .filter(|c| !c.is_control())
        .collect();
    let fonts = fonts::embedded(&text_letters, &title_letters);
    let text_stack = fonts
        .stacks
        .get(&fonts::Family::Text)
        .cloned()
        .unwrap_or_else(|| "sans-serif".to_owned());
    let title_stack = fonts
        .stacks
        .get(&fonts::Family::Title)
        .cloned()
        .unwrap_or_else(|| "sans-serif".to_owned());
    let style = format!(
        "{}:root {{ --text-font: {text_stack}; --title-font: {title_stack}; {} }}\n{STYLE}",
        fonts.faces,
        crate::draw::style::css_palette()
    );
    fill(
        PAGE,
        &[
            ("TITLE", &svg::escape(&title)),
            ("STYLE", &style),
            ("SVG", &drawing),
            ("FLOW", &flow),
            ("DATA", &json),
            ("SCRIPT", &script),
        ],
    )
}

/// `template` with each `{{NAME}}` replaced by its part, in one pass (a
/// part that itself holds `{{…}}` is left as it is).
fn fill(template: &str, parts: &[(&str, &str)]) -> String {
    let mut out =
        String::with_capacity(template.len() + parts.iter().map(|p| p.1.len()).sum::<usize>());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            out.push_str(&rest[start..]);
            return out;
        };
        let name = &after[..end];
        match parts.iter().find(|(n, _)| *n == name) {
            Some((_, part)) => out.push_str(part),
            None => out.push_str(&rest[start..start + 2 + end + 2]),
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_go_in_once_and_their_own_braces_stay() {
        let page = fill(
            "<a>{{X}}</a>{{Y}}{{UNKNOWN}}",
            &[("X", "{{Y}}"), ("Y", "y")],
        );
        assert_eq!(page, "<a>{{Y}}</a>y{{UNKNOWN}}");
    }

    #[test]
    fn the_page_holds_the_drawing_the_data_and_no_address_to_fetch() {
        let mut map = Map::new("Homework </script> ban");
        let thesis = map.add_claim(crate::model::Claim::new(
            "Schools should ban homework 社会",
            crate::model::Pos { x: 0.0, y: 0.0 },
        ));
        map.thesis = Some(thesis);
        let mut measure = TextMeasure::new();
        let texts = crate::measure::card_texts(&map, &mut measure);
        let page = html(&map, &texts, &mut measure, &HtmlOptions::default());
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert_eq!(
            page.matches("</script>").count(),
            2,
            "the title cannot close a script"
        );
        assert!(page.contains(&format!("data-claim=\"{}\"", thesis.0)));
        assert!(page.contains("@font-face"));
        assert!(!page.contains("src=\"http"), "nothing is fetched");
        assert!(!page.contains("url(http"), "nothing is fetched");
        assert!(page.contains("Content-Security-Policy"));
    }
}
