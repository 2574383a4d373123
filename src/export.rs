//! Every export format behind one entry point, for the command line and
//! the editor alike.

use crate::draw::raster::{self, DrawError, Texts};
use crate::draw::svg::{self, Background, SvgOptions};
use crate::measure::{TextMeasure, card_texts_quoting};
use crate::model::Map;

/// A format a map can be exported to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// A vector drawing of the map, text as text.
    Svg,
    /// An image, drawn from the SVG with the bundled fonts.
    Png,
    /// A one-page handout, vector, fonts embedded.
    Pdf,
    /// An outline for handouts: "because" and "but", citations as footnotes.
    Markdown,
    /// Statements and relations for Argdown's tools.
    Argdown,
    /// AIF JSON as `AIFdb` stores it, positions kept.
    Aif,
    /// A Kialo discussion export: numbered Pro and Con lines.
    Kialo,
    /// The presentation as a PDF of slides, one per step.
    Slides,
    /// An interactive handout for any browser: one self-contained page.
    Html,
}

impl ExportFormat {
    /// Every format, in menu order.
    pub const ALL: [Self; 9] = [
        Self::Html,
        Self::Svg,
        Self::Png,
        Self::Pdf,
        Self::Slides,
        Self::Markdown,
        Self::Argdown,
        Self::Aif,
        Self::Kialo,
    ];

    /// The format's name on the command line (`--to html`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Svg => "svg",
            Self::Png => "png",
            Self::Pdf => "pdf",
            Self::Markdown => "markdown",
            Self::Argdown => "argdown",
            Self::Aif => "aif",
            Self::Kialo => "kialo",
            Self::Slides => "slides",
            Self::Html => "html",
        }
    }

    /// The format called `name` on the command line.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Svg => "svg",
            Self::Png => "png",
            Self::Pdf | Self::Slides => "pdf",
            Self::Markdown => "md",
            Self::Argdown => "argdown",
            Self::Aif => "json",
            Self::Kialo => "txt",
            Self::Html => "html",
        }
    }

    /// The name shown in menus and dialogs.
    pub fn label(self) -> &'static str {
        match self {
            Self::Svg => "SVG drawing",
            Self::Png => "PNG image",
            Self::Pdf => "PDF handout",
            Self::Markdown => "Markdown outline",
            Self::Argdown => "Argdown",
            Self::Aif => "AIF JSON",
            Self::Kialo => "Kialo discussion (text)",
            Self::Slides => "PDF slides of the presentation",
            Self::Html => "HTML handout (interactive, any browser)",
        }
    }

    /// Whether the format draws the map's cards as a page (SVG, PNG, the
    /// PDF handout): the ones an overview applies to.
    pub fn draws_cards(self) -> bool {
        matches!(self, Self::Svg | Self::Png | Self::Pdf)
    }

    /// The name of the exported file for a map file called `stem`: the
    /// stem with the format's extension (slides get `-slides`, so they do
    /// not take the handout's name).
    pub fn file_name(self, stem: &str) -> String {
        match self {
            Self::Slides => format!("{stem}-slides.pdf"),
            _ => format!("{stem}.{}", self.extension()),
        }
    }
}

/// Choices that some formats take.
#[derive(Clone, Debug, PartialEq)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "Independent switches, each a checkbox of the Export menu and a flag of the command line."
)]
pub struct ExportOptions {
    /// Pixels per map unit, for PNG.
    pub scale: f32,
    /// White or transparent, for SVG and PNG.
    pub background: Background,
    /// Show each claim's evaluation status (SVG, PNG, PDF, slides,
    /// Markdown, HTML).
    pub evaluate: bool,
    /// SVG: every letter drawn as a shape, so the drawing looks the same
    /// in any viewer with no font installed (text no longer selectable).
    pub outline_text: bool,
    /// SVG, PNG, PDF: an overview, each card showing only its title, set
    /// as large as the card holds (a PDF on one page).
    pub overview: bool,
    /// The words each claim quotes, read from its source (see
    /// [`crate::source::quotes`]): Markdown footnotes and Argdown note
    /// lines give them; AIF uses one as an I-node's text only for a claim
    /// with no text of its own.
    pub quotes: std::collections::BTreeMap<crate::model::ClaimId, String>,
    /// Slides: the words each step quotes (from `quotes`), with their
    /// citation in the map's style, at the foot of its slide.
    pub quotes_on_slides: bool,
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self {
            scale: 2.0,
            background: Background::White,
            evaluate: false,
            outline_text: false,
            overview: false,
            quotes: std::collections::BTreeMap::new(),
            quotes_on_slides: false,
        }
    }
}

/// An exported file, and anything the user should know about it.
#[derive(Debug)]
pub struct Exported {
    /// The file's contents.
    pub bytes: Vec<u8>,
    /// What changed on the way, such as a PNG drawn smaller than asked.
    pub notes: Vec<String>,
}

/// `map` in `format`.
///
/// # Errors
/// When a drawing cannot be rendered or encoded.
pub fn export(
    map: &Map,
    format: ExportFormat,
    options: &ExportOptions,
    measure: &mut TextMeasure,
) -> Result<Exported, DrawError> {
    let texts = if matches!(
        format,
        ExportFormat::Svg
            | ExportFormat::Png
            | ExportFormat::Pdf
            | ExportFormat::Slides
            | ExportFormat::Html
    ) {
        card_texts_quoting(map, &options.quotes, measure)
    } else {
        Texts::new()
    };
    export_measured(map, &texts, format, options, measure)
}

/// Arranges `map` as a tidy tree (pinned claims kept), then exports it:
/// the text is laid out once, for both.
///
/// # Errors
/// When a drawing cannot be rendered or encoded.
pub fn arrange_and_export(
    map: &mut Map,
    format: ExportFormat,
    options: &ExportOptions,
    measure: &mut TextMeasure,
) -> Result<Exported, DrawError> {
    let texts = card_texts_quoting(map, &options.quotes, measure);
    arrange_measured(map, &texts);
    export_measured(map, &texts, format, options, measure)
}

/// Arranges all of `map` (pinned claims kept) with its cards' `texts`
/// already laid out.
pub fn arrange_measured(map: &mut Map, texts: &Texts) {
    let sizes = crate::measure::sizes_of(texts);
    for (id, pos) in crate::layout::arrange(map, &sizes, crate::layout::Region::All) {
        if let Some(claim) = map.claims.get_mut(&id) {
            claim.pos = pos;
        }
    }
}

/// The most claims a handout is arranged for its page: beyond, a map is
/// tiled over pages anyway.
const FOR_THE_PAGE_UP_TO: usize = 2_000;

/// `map` arranged for a handout's A4 page when another packing or
/// direction prints it at least 15 % larger than its own layout (a tall
/// narrow map on a portrait page, most of it empty), with a note saying
/// so; pinned claims stay where they are. `None` when its own layout is
/// as good.
pub fn for_the_page(map: &Map, texts: &Texts) -> Option<(Map, String)> {
    use crate::model::{Arrangement, Growth};
    if map.claims.len() < 2 || map.claims.len() > FOR_THE_PAGE_UP_TO {
        return None;
    }
    let scale = |map: &Map| {
        let bounds = svg::Scene::of(map, texts).bounds;
        crate::draw::handout::plan_one_page(bounds)
            .sheets
            .first()
            .map_or(0.0, crate::draw::handout::Sheet::scale)
    };
    let own = scale(map);
    let mut best: Option<(f32, Map)> = None;
    for arrangement in [Arrangement::Compact, Arrangement::Wide] {
        for direction in [Growth::Down, Growth::Right] {
            let mut laid_out = map.clone();
            laid_out.arrangement = arrangement;
            laid_out.direction = direction;
            arrange_measured(&mut laid_out, texts);
            let larger = scale(&laid_out);
            if best.as_ref().is_none_or(|(b, _)| larger > *b) {
                best = Some((larger, laid_out));
            }
        }
    }
    let (larger, laid_out) = best?;
    if larger < own * 1.15 {
        return None;
    }
    let how = format!(
        "{}, {}",
        match laid_out.arrangement {
            Arrangement::Compact => "compact",
            Arrangement::Wide => "wide",
        },
        match laid_out.direction {
            Growth::Down => "top-down",
            Growth::Right => "left to right",
        }
    );
    #[expect(clippy::cast_possible_truncation, reason = "A percentage.")]
    let more = ((larger / own.max(f32::EPSILON) - 1.0) * 100.0).round() as i64;
    Some((
        laid_out,
        format!("arranged for the page ({how}): the map prints {more} % larger than as laid out"),
    ))
}

fn export_measured(
    map: &Map,
    texts: &Texts,
    format: ExportFormat,
    options: &ExportOptions,
    measure: &mut TextMeasure,
) -> Result<Exported, DrawError> {
    let mut notes = Vec::new();
    let evaluation = options.evaluate.then(|| crate::eval::evaluate(map));
    let bytes = match format {
        ExportFormat::Svg => {
            let drawing = svg::svg_of(
                map,
                texts,
                measure,
                &SvgOptions {
                    background: options.background,
                    page: None,
                    evaluation: evaluation.clone(),
                    overview: options.overview,
                    ..SvgOptions::default()
                },
            );
            if options.outline_text {
                crate::draw::outline::outlined(&drawing)?.into_bytes()
            } else {
                drawing.into_bytes()
            }
        }
        ExportFormat::Png => {
            let png = raster::png(
                map,
                texts,
                measure,
                options.scale,
                options.background,
                evaluation.as_ref(),
                options.overview,
            )?;
            if png.scale < options.scale {
                notes.push(format!(
                    "drawn at {:.2}× instead of {}× to stay within {} megapixels ({} × {} pixels)",
                    png.scale,
                    options.scale,
                    raster::MAX_PIXELS / 1024.0 / 1024.0,
                    png.width,
                    png.height
                ));
            }
            png.bytes
        }
        ExportFormat::Pdf => {
            // Arranged for the page when that prints it larger (an overview
            // is one page whatever the layout); the argument in sentences
            // on the pages after the map.
            let arranged = if options.overview {
                None
            } else {
                for_the_page(map, texts)
            };
            let printed = match arranged {
                Some((laid_out, note)) => {
                    notes.push(note);
                    std::borrow::Cow::Owned(laid_out)
                }
                None => std::borrow::Cow::Borrowed(map),
            };
            raster::pdf(
                &printed,
                texts,
                measure,
                evaluation.as_ref(),
                options.overview,
                &outline(map, evaluation.as_ref(), options),
            )?
        }
        ExportFormat::Slides => {
            let quotes = options.quotes_on_slides.then_some(&options.quotes);
            raster::slides(map, texts, measure, evaluation.as_ref(), quotes)?
        }
        ExportFormat::Markdown => outline(map, evaluation.as_ref(), options).into_bytes(),
        ExportFormat::Argdown => {
            notes.extend(crate::format::argdown::losses(map));
            crate::format::argdown::to_argdown_quoted(map, &options.quotes).into_bytes()
        }
        ExportFormat::Aif => {
            notes.extend(crate::format::aif::losses(map));
            crate::format::aif::to_aif_quoted(map, &options.quotes).into_bytes()
        }
        ExportFormat::Kialo => {
            let (text, losses) = crate::format::kialo::to_kialo(map);
            notes.extend(losses);
            text.into_bytes()
        }
        ExportFormat::Html => crate::web::html(
            map,
            texts,
            measure,
            &crate::web::HtmlOptions {
                evaluate: options.evaluate,
                quotes: options.quotes.clone(),
            },
        )
        .into_bytes(),
    };
    Ok(Exported { bytes, notes })
}

/// What the evaluated Markdown outline says of each claim and link: a
/// claim that is weighed (it has reasons or objections, or a link of it
/// is undercut) gets its status and the verdict sentence, any other its
/// status alone; a link that fails because it is undercut, "✗ does not
/// follow".
/// `map` as its Markdown outline, with the evaluation's words when there
/// is one and the quotes the options carry.
fn outline(
    map: &Map,
    evaluation: Option<&crate::eval::Evaluation>,
    options: &ExportOptions,
) -> String {
    let marks = evaluation
        .map(|e| markdown_marks(map, e))
        .unwrap_or_default();
    crate::format::markdown::to_markdown_quoted(map, &marks, &options.quotes)
}

fn markdown_marks(
    map: &Map,
    evaluation: &crate::eval::Evaluation,
) -> crate::format::markdown::Marks {
    use crate::eval::{Label, Why};
    let answered: std::collections::BTreeSet<crate::model::ClaimId> = map
        .links
        .values()
        .filter_map(|l| match l.target {
            crate::model::Target::Claim(c) => Some(c),
            crate::model::Target::Link(_) => None,
        })
        .collect();
    let claims = evaluation
        .claims()
        .map(|(id, status)| {
            let label = status.label;
            let mark = if answered.contains(&id) || evaluation.cut_off(id).next().is_some() {
                let why = crate::eval::why_quoted(map, &evaluation.why_claim(map, id));
                format!("{} {why}", label.symbol())
            } else {
                format!("{} {}", label.symbol(), label.word())
            };
            (id, mark)
        })
        .collect();
    let links = map
        .links
        .keys()
        .filter(|&&id| {
            evaluation
                .link_status(id)
                .is_some_and(|s| s.label == Label::Out && matches!(s.why, Why::Undercut { .. }))
        })
        .map(|&id| (id, "✗ does not follow".to_owned()))
        .collect();
    crate::format::markdown::Marks { claims, links }
}
