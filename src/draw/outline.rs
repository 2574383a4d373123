//! SVG text turned into outlines, for viewers that do not have the fonts
//! or ignore `textLength` (librsvg, and so GNOME's viewers and Inkscape's
//! import; print shops' RIPs).
//!
//! The drawing is laid out by usvg with the fonts the cards were measured
//! with; each `<text>` element is then replaced, in place, by the glyphs
//! usvg placed for it. Every glyph shape is written once, in `<defs>`, and
//! drawn with `<use>` wherever it appears, so a map's file stays a few
//! times the size of the text version rather than a hundred. Everything
//! else in the drawing (cards, arrows, the title and description that
//! screen readers use) stays exactly as it was.

use std::collections::HashMap;
use std::fmt::Write as _;

use resvg::usvg;

use super::raster::{self, DrawError};

/// The id given to the `n`-th `<text>` element while outlining.
fn text_id(n: usize) -> String {
    format!("argmap-text-{n}")
}

/// `svg` with every `<text>` element drawn as outlines (see the module).
///
/// # Errors
/// When the drawing cannot be read back (it always can: it is our own).
pub fn outlined(svg: &str) -> Result<String, DrawError> {
    let tagged = tag_texts(svg);
    let tree = raster::tree(&tagged)?;
    let mut glyphs = Glyphs::default();
    let mut groups: HashMap<String, String> = HashMap::new();
    collect(tree.root(), &tree, &mut glyphs, &mut groups);
    let mut out = String::with_capacity(tagged.len());
    let mut rest = tagged.as_str();
    let mut n = 0;
    while let Some(start) = find_text_start(rest) {
        out.push_str(&rest[..start]);
        let element = &rest[start..];
        let Some(end) = element.find("</text>").map(|e| e + "</text>".len()) else {
            break;
        };
        n += 1;
        let group = groups.remove(&text_id(n)).unwrap_or_default();
        let _ = write!(out, "<g>{group}</g>");
        rest = &element[end..];
    }
    out.push_str(rest);
    // The glyph shapes, once each, right after the root element opens.
    if let Some(open) = out.find("<svg")
        && let Some(close) = out[open..].find('>').map(|c| open + c)
    {
        let defs = format!("<defs>{}</defs>", glyphs.defs);
        out.insert_str(close + 1, &defs);
        out.insert_str(close, r#" xmlns:xlink="http://www.w3.org/1999/xlink""#);
    }
    Ok(out)
}

/// Where the next `<text` element starts (not `<textPath`).
fn find_text_start(svg: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = svg[from..].find("<text").map(|a| from + a) {
        if matches!(svg[at + 5..].chars().next(), Some(' ' | '>')) {
            return Some(at);
        }
        from = at + 5;
    }
    None
}

/// `svg` with an id on every `<text>` element, in document order.
fn tag_texts(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len() + 1024);
    let mut rest = svg;
    let mut n = 0;
    while let Some(start) = find_text_start(rest) {
        n += 1;
        out.push_str(&rest[..start + 5]);
        let _ = write!(out, r#" id="{}""#, text_id(n));
        rest = &rest[start + 5..];
    }
    out.push_str(rest);
    out
}

/// Glyph shapes written so far, by font and glyph.
#[derive(Default)]
struct Glyphs {
    ids: HashMap<(usvg::fontdb::ID, u16), Option<String>>,
    defs: String,
}

impl Glyphs {
    /// The id of the glyph's shape in `<defs>`, written on first use;
    /// `None` for a glyph with no outline (a space).
    fn id(&mut self, tree: &usvg::Tree, font: usvg::fontdb::ID, glyph: u16) -> Option<String> {
        if let Some(id) = self.ids.get(&(font, glyph)) {
            return id.clone();
        }
        let mut path = PathData::default();
        let outlined = tree
            .fontdb()
            .with_face_data(font, |data, index| {
                let face = ttf_parser::Face::parse(data, index).ok()?;
                face.outline_glyph(ttf_parser::GlyphId(glyph), &mut path)
            })
            .flatten()
            .is_some();
        let id = (outlined && !path.0.is_empty()).then(|| format!("g{}", self.ids.len() + 1));
        if let Some(id) = &id {
            let _ = write!(self.defs, r#"<path id="{id}" d="{}"/>"#, path.0.trim_end());
        }
        self.ids.insert((font, glyph), id.clone());
        id
    }
}

/// A glyph outline as SVG path data, in font units.
#[derive(Default)]
struct PathData(String);

impl ttf_parser::OutlineBuilder for PathData {
    fn move_to(&mut self, x: f32, y: f32) {
        let _ = write!(self.0, "M{} {} ", num(x), num(y));
    }
    fn line_to(&mut self, x: f32, y: f32) {
        let _ = write!(self.0, "L{} {} ", num(x), num(y));
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let _ = write!(self.0, "Q{} {} {} {} ", num(x1), num(y1), num(x), num(y));
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let _ = write!(
            self.0,
            "C{} {} {} {} {} {} ",
            num(x1),
            num(y1),
            num(x2),
            num(y2),
            num(x),
            num(y)
        );
    }
    fn close(&mut self) {
        self.0.push_str("Z ");
    }
}

/// A number with at most four decimals and no trailing zeros.
fn num(x: f32) -> String {
    let text = format!("{x:.4}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// The `<use>` elements for every text node under `group`, by its id.
fn collect(
    group: &usvg::Group,
    tree: &usvg::Tree,
    glyphs: &mut Glyphs,
    groups: &mut HashMap<String, String>,
) {
    for node in group.children() {
        match node {
            usvg::Node::Group(inner) => collect(inner, tree, glyphs, groups),
            usvg::Node::Text(text) => {
                let mut out = String::new();
                for span in text.layouted() {
                    if !span.visible {
                        continue;
                    }
                    let _ = write!(out, "<g{}>", fill(span.fill.as_ref()));
                    for glyph in &span.positioned_glyphs {
                        let Some(id) = glyphs.id(tree, glyph.font, glyph.id.0) else {
                            continue;
                        };
                        let t = glyph.outline_transform();
                        let _ = write!(
                            out,
                            r##"<use xlink:href="#{id}" transform="matrix({} {} {} {} {} {})"/>"##,
                            num(t.sx),
                            num(t.ky),
                            num(t.kx),
                            num(t.sy),
                            num(t.tx),
                            num(t.ty)
                        );
                    }
                    out.push_str("</g>");
                }
                groups.insert(text.id().to_owned(), out);
            }
            usvg::Node::Path(_) | usvg::Node::Image(_) => {}
        }
    }
}

/// A span's fill as attributes.
fn fill(fill: Option<&usvg::Fill>) -> String {
    let Some(fill) = fill else {
        return r#" fill="none""#.to_owned();
    };
    let color = match fill.paint() {
        usvg::Paint::Color(c) => format!("#{:02x}{:02x}{:02x}", c.red, c.green, c.blue),
        _ => "#000000".to_owned(),
    };
    let opacity = fill.opacity().get();
    if opacity < 1.0 {
        format!(r#" fill="{color}" fill-opacity="{}""#, num(opacity))
    } else {
        format!(r#" fill="{color}""#)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_become_uses_of_shared_glyph_shapes() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><title>T</title><text x="10" y="30" font-size="20" fill="#112233">Noon noon</text></svg>"##;
        let out = outlined(svg).expect("outlines");
        assert!(!out.contains("<text"), "{out}");
        assert!(out.contains("<title>T</title>"));
        assert!(out.contains(r##"fill="#112233""##));
        // "Noon noon": N, o, n and the space; the space has no shape, and
        // each shape is defined once however often it is used.
        let defs = out.matches("<path id=").count();
        assert!((3..=4).contains(&defs), "{defs} shapes: {out}");
        assert_eq!(out.matches("<use ").count(), 8, "{out}");
        // It still reads as an SVG.
        assert!(raster::tree(&out).is_ok());
    }
}
