//! Every export format behind one entry point, for the command line and
//! the editor alike.

use crate::draw::raster::{self, DrawError};
use crate::draw::svg::{self, Background, SvgOptions};
use crate::measure::TextMeasure;
use crate::model::Map;

/// A format a map can be exported to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum ExportFormat {
    /// A vector drawing of the map, text as text.
    Svg,
    /// An image, drawn from the SVG with the bundled fonts.
    Png,
    /// A one-page handout, vector, fonts embedded.
    Pdf,
}

impl ExportFormat {
    /// Every format, in menu order.
    pub const ALL: [Self; 3] = [Self::Svg, Self::Png, Self::Pdf];

    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Svg => "svg",
            Self::Png => "png",
            Self::Pdf => "pdf",
        }
    }

    /// The name shown in menus and dialogs.
    pub fn label(self) -> &'static str {
        match self {
            Self::Svg => "SVG drawing",
            Self::Png => "PNG image",
            Self::Pdf => "PDF handout",
        }
    }
}

/// Choices that some formats take.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ExportOptions {
    /// Pixels per map unit, for PNG.
    pub scale: f32,
    /// White or transparent, for SVG and PNG.
    pub background: Background,
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self {
            scale: 2.0,
            background: Background::White,
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
    let mut notes = Vec::new();
    let bytes = match format {
        ExportFormat::Svg => svg::svg(
            map,
            measure,
            &SvgOptions {
                background: options.background,
                page: None,
            },
        )
        .into_bytes(),
        ExportFormat::Png => {
            let png = raster::png(map, measure, options.scale, options.background)?;
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
        ExportFormat::Pdf => raster::pdf(map, measure)?,
    };
    Ok(Exported { bytes, notes })
}
