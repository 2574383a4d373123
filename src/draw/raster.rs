//! PNG and PDF from the SVG drawing, rendered with the fonts bundled in
//! the app (never the system's), so an export looks the same on every
//! machine and every glyph the canvas shows is in it.

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

use super::svg::{Background, SvgOptions, svg_of};
use crate::eval::Evaluation;
use crate::measure::{CardText, TextMeasure};
use crate::model::{ClaimId, Map};

/// Every claim's laid-out text, from [`crate::measure::card_texts`].
pub type Texts = std::collections::BTreeMap<ClaimId, CardText>;

/// The most pixels a PNG export may have (256 MB of RGBA while drawing).
pub const MAX_PIXELS: f64 = 64.0 * 1024.0 * 1024.0;
/// The longest side of a PNG export, in pixels.
pub const MAX_SIDE: f64 = 32_000.0;

/// Why a drawing could not be made.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DrawError {
    /// The SVG did not parse: a bug, reported rather than hidden.
    #[error("the drawing could not be read back ({0})")]
    Svg(String),
    /// The PDF writer failed.
    #[error("the PDF could not be written ({0})")]
    Pdf(String),
    /// The PNG encoder failed.
    #[error("the PNG could not be encoded ({0})")]
    Png(String),
}

/// The bundled fonts, loaded once: the canvas's own fonts (egui's and the
/// CJK fallback), so exports match what is on screen.
pub fn font_database() -> Arc<usvg::fontdb::Database> {
    static DATABASE: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DATABASE
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            for data in crate::measure::fonts().font_data.values() {
                db.load_font_data((*data.font).as_ref().to_vec());
            }
            db.set_sans_serif_family("Ubuntu");
            Arc::new(db)
        })
        .clone()
}

/// Parses an SVG drawing with the bundled fonts.
///
/// # Errors
/// When `svg` is not a drawing usvg can read.
pub fn tree(svg: &str) -> Result<usvg::Tree, DrawError> {
    let options = usvg::Options {
        fontdb: font_database(),
        font_family: "Ubuntu".to_owned(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options).map_err(|e| DrawError::Svg(e.to_string()))
}

/// A PNG image and how it was made.
#[derive(Debug)]
pub struct Png {
    /// The encoded file.
    pub bytes: Vec<u8>,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Pixels per map unit actually used: less than asked when the image
    /// would have been too large.
    pub scale: f32,
}

/// The scale to draw a `width` × `height` drawing at, as close to `asked`
/// as the pixel limits allow.
pub fn fitting_scale(width: f32, height: f32, asked: f32) -> f32 {
    let (w, h) = (f64::from(width.max(1.0)), f64::from(height.max(1.0)));
    let mut scale = f64::from(asked.clamp(0.01, 16.0));
    scale = scale.min(MAX_SIDE / w).min(MAX_SIDE / h);
    scale = scale.min((MAX_PIXELS / (w * h)).sqrt());
    #[expect(
        clippy::cast_possible_truncation,
        reason = "Within f32 range: both sides are at least one unit."
    )]
    let mut scale = scale as f32;
    // Sides are rounded up to whole pixels (in f32, as `png` does): at the
    // limit that can add a row and a column past it, so step down until
    // the picture fits.
    let pixels = |scale: f32| {
        f64::from((width.max(1.0) * scale).ceil()) * f64::from((height.max(1.0) * scale).ceil())
    };
    while pixels(scale) > MAX_PIXELS {
        scale *= 0.999;
    }
    scale
}

/// `map` as a PNG at `scale` pixels per map unit (2 for sharp text on
/// slides), on white or transparent. Too large a drawing is drawn at a
/// smaller scale, reported in [`Png::scale`].
///
/// # Errors
/// When the drawing cannot be rendered or encoded.
pub fn png(
    map: &Map,
    texts: &Texts,
    measure: &mut TextMeasure,
    scale: f32,
    background: Background,
    evaluation: Option<&Evaluation>,
    overview: bool,
) -> Result<Png, DrawError> {
    let drawing = svg_of(
        map,
        texts,
        measure,
        &SvgOptions {
            background,
            page: None,
            evaluation: evaluation.cloned(),
            overview,
            ..SvgOptions::default()
        },
    );
    let tree = tree(&drawing)?;
    let size = tree.size();
    let scale = fitting_scale(size.width(), size.height(), scale);
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "Bounded by MAX_SIDE above, so the casts cannot overflow."
    )]
    let (width, height) = (
        (size.width() * scale).ceil().max(1.0) as u32,
        (size.height() * scale).ceil().max(1.0) as u32,
    );
    let mut pixmap = tiny_skia::Pixmap::new(width, height)
        .ok_or_else(|| DrawError::Png(format!("no room for {width} × {height} pixels")))?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    let bytes = pixmap
        .encode_png()
        .map_err(|e| DrawError::Png(e.to_string()))?;
    Ok(Png {
        bytes,
        width,
        height,
        scale,
    })
}

/// `map` as a PDF handout on A4 (see [`super::handout`]): the title and
/// sources on every page, the map filling the page in the orientation
/// that suits it, or, when it would be too small to read, an overview and
/// overlapping tiles; then the Markdown `outline` of the map set on the
/// pages that follow (see [`super::handout_outline`]); vector,
/// fonts embedded.
///
/// # Errors
/// When the PDF writer fails.
pub fn pdf(
    map: &Map,
    texts: &Texts,
    measure: &mut TextMeasure,
    evaluation: Option<&Evaluation>,
    overview: bool,
    outline: &str,
) -> Result<Vec<u8>, DrawError> {
    let bounds = super::svg::Scene::of(map, texts).bounds;
    let plan = if overview {
        super::handout::plan_one_page(bounds)
    } else {
        super::handout::plan(bounds)
    };
    let mut pages = Vec::with_capacity(plan.sheets.len());
    for (i, sheet) in plan.sheets.iter().enumerate() {
        let body = sheet.body.size();
        let drawing = svg_of(
            map,
            texts,
            measure,
            &SvgOptions {
                background: Background::White,
                page: Some((body.x, body.y)),
                view: Some(sheet.view),
                evaluation: evaluation.cloned(),
                // A tiled handout's first page shows the whole map: its
                // cards read by their titles.
                overview: overview || !sheet.tiles.is_empty(),
                ..SvgOptions::default()
            },
        );
        pages.push((
            super::handout::page_svg(map, &plan, i, &drawing),
            sheet.page,
        ));
    }
    pages.extend(super::handout_outline::pages(
        outline,
        map.heading(),
        measure,
    ));
    pages_pdf(&pages)
}

/// A PDF of one page for each SVG document, each of its size (points).
pub(super) fn pages_pdf(pages: &[(String, egui::Vec2)]) -> Result<Vec<u8>, DrawError> {
    use pdf_writer::{Content, Finish, Name, Pdf, Rect as PdfRect, Ref};

    let mut alloc = Ref::new(1);
    let catalog = alloc.bump();
    let tree_ref = alloc.bump();
    let mut pdf = Pdf::new();
    let mut refs = Vec::with_capacity(pages.len());
    let mut chunks = Vec::with_capacity(pages.len());
    for (drawing, size) in pages {
        let tree = tree(drawing)?;
        let (chunk, xobject) = svg2pdf::to_chunk(&tree, svg2pdf::ConversionOptions::default())
            .map_err(|e| DrawError::Pdf(e.to_string()))?;
        let mut numbers = std::collections::HashMap::new();
        let chunk = chunk.renumber(|old| *numbers.entry(old).or_insert_with(|| alloc.bump()));
        let xobject = numbers
            .get(&xobject)
            .copied()
            .ok_or_else(|| DrawError::Pdf("the page's drawing is missing".to_owned()))?;
        let page = alloc.bump();
        let stream_ref = alloc.bump();
        let mut stream = Content::new();
        stream
            .transform([size.x, 0.0, 0.0, size.y, 0.0, 0.0])
            .x_object(Name(b"S1"));
        pdf.stream(stream_ref, &stream.finish());
        let mut writer = pdf.page(page);
        writer
            .media_box(PdfRect::new(0.0, 0.0, size.x, size.y))
            .parent(tree_ref)
            .contents(stream_ref);
        writer.resources().x_objects().pair(Name(b"S1"), xobject);
        writer.finish();
        refs.push(page);
        chunks.push(chunk);
    }
    pdf.catalog(catalog).pages(tree_ref);
    let count = i32::try_from(refs.len()).unwrap_or(i32::MAX);
    pdf.pages(tree_ref).kids(refs).count(count);
    for chunk in &chunks {
        pdf.extend(chunk);
    }
    Ok(pdf.finish())
}

/// A slide: 16:9, in points.
pub const SLIDE: (f32, f32) = (960.0, 540.0);

/// The presentation of `map` as a PDF of slides, one per step, each the
/// map as the audience sees it at that step: the claims presented so far,
/// the current step glowing, framed with the claim it answers; vector,
/// fonts embedded. Drawn by the same SVG writer as every export. With
/// `quotes`, each step's quoted words and their citation go at the foot of
/// its slide.
///
/// # Errors
/// When the PDF writer fails.
pub fn slides(
    map: &Map,
    texts: &Texts,
    measure: &mut TextMeasure,
    evaluation: Option<&Evaluation>,
    quotes: Option<&std::collections::BTreeMap<ClaimId, String>>,
) -> Result<Vec<u8>, DrawError> {
    pages_pdf(&slide_drawings(map, texts, measure, evaluation, quotes))
}

/// Each slide of [`slides`] as the SVG drawing it is made from, with its
/// page size.
pub fn slide_drawings(
    map: &Map,
    texts: &Texts,
    measure: &mut TextMeasure,
    evaluation: Option<&Evaluation>,
    quotes: Option<&std::collections::BTreeMap<ClaimId, String>>,
) -> Vec<(String, egui::Vec2)> {
    use crate::model::present;

    let steps = present::steps(map);
    let order = present::step_index(&steps);
    let scene = super::svg::Scene::of(map, texts);
    let (page_w, page_h) = SLIDE;
    let mut pages = Vec::with_capacity(steps.len());
    for (i, step) in steps.iter().enumerate() {
        let revealed: std::collections::BTreeSet<ClaimId> =
            steps.iter().take(i + 1).flatten().copied().collect();
        let mut shown = map.subset(&revealed);
        shown.thesis = map.thesis;
        let page = egui::vec2(page_w, page_h);
        // Framed as on screen: the step readable, with what it answers when
        // that fits, pointed at from the edge when it does not.
        let framed = super::framing::frame_step(
            map,
            step,
            &order,
            |c| scene.cards.get(&c).copied(),
            page,
            super::framing::slide_min_zoom(page),
        );
        let pointers = framed
            .iter()
            .flat_map(|(_, beyond)| beyond)
            .map(|(context, rect)| super::svg::EdgePointer {
                toward: rect.center(),
                text: super::svg::pointer_text(map, context),
            })
            .collect();
        let view = framed
            .map(|(view, _)| view)
            .or_else(|| super::framing::presentation_frame([scene.bounds], page));
        // The step's quoted words, when asked for: placed before drawing,
        // as the map may be drawn smaller to make room for them.
        let said = quotes
            .map(|q| super::slide_quotes::said(map, step, q))
            .unwrap_or_default();
        let (view, quote_box) = match view {
            Some(view) if !said.is_empty() => {
                let shown: Vec<egui::Rect> = revealed
                    .iter()
                    .filter_map(|c| scene.cards.get(c).copied())
                    .collect();
                let (view, placed) = super::slide_quotes::place(&said, view, page, &shown, measure);
                (Some(view), Some(placed))
            }
            view => (view, None),
        };
        let mut drawing = svg_of(
            &shown,
            texts,
            measure,
            &SvgOptions {
                background: Background::White,
                page: Some(SLIDE),
                view,
                highlight: step.iter().copied().collect(),
                evaluation: evaluation.cloned(),
                pointers,
                overview: false,
                backdrop: super::svg::Backdrop::default(),
            },
        );
        if let Some(quote_box) = quote_box
            && let Some(end) = drawing.rfind("</svg>")
        {
            drawing.insert_str(end, &quote_box);
        }
        pages.push((drawing, page));
    }
    pages.extend(reference_slides(map, measure));
    pages
}

/// The map's reference list in its citation style on slides of their
/// own after the steps, at a size read from the back row (body text 18
/// points, 3.3 % of the slide's height), for sources with reference
/// details.
fn reference_slides(map: &Map, measure: &mut TextMeasure) -> Vec<(String, egui::Vec2)> {
    let references = crate::cite::detailed_references(map);
    if references.is_empty() {
        return Vec::new();
    }
    let mut markdown = String::from("# References\n\n");
    for reference in references {
        markdown.push_str(&reference.text.markdown());
        markdown.push_str("\n\n");
    }
    let sheet = super::handout_outline::Sheet {
        size: egui::vec2(SLIDE.0, SLIDE.1),
        margin: 40.0,
        scale: 18.0 / 11.0,
        name: "References",
    };
    super::handout_outline::pages_on(&markdown, map.heading(), measure, &sheet)
}
