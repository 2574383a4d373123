//! The outline pages of the PDF handout: the map's Markdown outline (the
//! thesis, then "because" and "but" nested as deep as the argument goes,
//! citations as notes) set as text on A4 pages after the map, so a reader
//! who prints the handout has the argument in sentences too, in the same
//! words the Markdown export gives.
//!
//! Only the little Markdown that outline uses is read: a `#` heading,
//! paragraphs, `-` items nested by two spaces, `**bold**`, `*emphasis*`,
//! backslash escapes and `[^n]` note marks.

use std::fmt::Write as _;

use egui::Vec2;

use super::handout::A4;
use super::svg::{escape, num};
use crate::card::TEXT_SIZE;
use crate::measure::{Face, TextMeasure};

/// The page's margin, in points.
const MARGIN: f32 = 48.0;
/// Body text size, in points.
const BODY: f32 = 11.0;
/// The heading's size.
const HEADING: f32 = 17.0;
/// A section's heading ("References").
const SECTION: f32 = 13.0;
/// The notes' size.
const NOTE: f32 = 9.0;
/// How far each level of the outline is indented.
const INDENT: f32 = 16.0;
/// Line height as a multiple of the size.
const LEADING: f32 = 1.35;
/// Room at the foot of the page for its number.
const FOOTER: f32 = 24.0;

/// A word and how it is set.
#[derive(Clone, Debug, PartialEq)]
struct Word {
    text: String,
    bold: bool,
    italic: bool,
    /// It goes on from the word before without a space (its style changed
    /// mid-word, as in "**and**,"): a row never breaks before it.
    glued: bool,
}

/// One block of the outline: a heading, a paragraph, an item at a depth
/// (from 1), or a note.
#[derive(Clone, Debug, PartialEq)]
struct Block {
    words: Vec<Word>,
    size: f32,
    indent: f32,
    bullet: bool,
    /// Space before it, in lines.
    before: f32,
}

/// The words of a line of Markdown, with their emphasis: `**` switches
/// bold, a single `*` italic; `\x` is `x`; `[^n]` becomes `[n]`.
fn words(line: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let (mut bold, mut italic) = (false, false);
    let mut current = String::new();
    let mut glued = false;
    let push = |out: &mut Vec<Word>, current: &mut String, bold, italic, glued: bool| {
        if current.is_empty() {
            return;
        }
        // A word whose style changes in its middle ("**and**,") stays one
        // word for wrapping, set in pieces.
        match out.last_mut() {
            Some(last) if glued && last.bold == bold && last.italic == italic => {
                last.text.push_str(current);
            }
            _ => out.push(Word {
                text: current.clone(),
                bold,
                italic,
                glued: glued && !out.is_empty(),
            }),
        }
        current.clear();
    };
    let chars: Vec<char> = line.replace("[^", "[").chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if i + 1 < chars.len() => {
                current.push(chars[i + 1]);
                i += 2;
                continue;
            }
            '*' => {
                // Inside a word, what follows the mark is more of it.
                if !current.is_empty() {
                    push(&mut out, &mut current, bold, italic, glued);
                    glued = true;
                }
                if chars.get(i + 1) == Some(&'*') {
                    bold = !bold;
                    i += 2;
                } else {
                    italic = !italic;
                    i += 1;
                }
                continue;
            }
            ' ' => {
                push(&mut out, &mut current, bold, italic, glued);
                glued = false;
            }
            _ => {
                current.push(c);
            }
        }
        i += 1;
    }
    push(&mut out, &mut current, bold, italic, glued);
    out
}

/// The blocks of the outline `markdown`. The status marks "✓" and "✗"
/// are left out: the words beside them ("holds", "does not follow") say
/// the same, and the text face has no glyph for them (a fallback font
/// would set the whole row).
fn blocks(markdown: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut gap: f32 = 0.0;
    for line in markdown.lines() {
        let line = line.replace("✓ ", "").replace("✗ ", "");
        let line = line.as_str();
        let trimmed = line.trim_start();
        if trimmed.is_empty() {
            gap = 0.6;
            continue;
        }
        let block = if let Some(heading) = trimmed.strip_prefix("# ") {
            Block {
                words: words(heading),
                size: HEADING,
                indent: 0.0,
                bullet: false,
                before: 0.0,
            }
        } else if let Some(section) = trimmed.strip_prefix("## ") {
            Block {
                words: words(&format!("**{section}**")),
                size: SECTION,
                indent: 0.0,
                bullet: false,
                before: 1.0,
            }
        } else if let Some(item) = trimmed.strip_prefix("- ") {
            #[expect(clippy::cast_precision_loss, reason = "A few levels.")]
            let depth = ((line.len() - trimmed.len()) / 2 + 1) as f32;
            Block {
                words: words(item),
                size: BODY,
                indent: INDENT * depth,
                bullet: true,
                before: gap.min(0.3),
            }
        } else if trimmed.starts_with("[^") {
            Block {
                words: words(trimmed),
                size: NOTE,
                indent: 0.0,
                bullet: false,
                before: gap.min(0.3),
            }
        } else {
            Block {
                words: words(trimmed),
                size: BODY,
                indent: 0.0,
                bullet: false,
                before: gap,
            }
        };
        gap = 0.0;
        out.push(block);
    }
    out
}

/// A row set on a page: its words, where it starts and its baseline.
struct Row<'b> {
    words: &'b [Word],
    size: f32,
    x: f32,
    baseline: f32,
    bullet: bool,
}

/// The pages text is set on: their size, margin, how much larger than on
/// A4 the text is set, and what the pages are called in their footers.
#[derive(Clone, Copy, Debug)]
pub struct Sheet {
    /// The page, in points.
    pub size: Vec2,
    /// The margin all round, in points.
    pub margin: f32,
    /// Text sizes as a multiple of the A4 outline's.
    pub scale: f32,
    /// "Outline", "References": the footer's "… 2 of 3".
    pub name: &'static str,
}

impl Sheet {
    /// The PDF handout's outline pages: A4.
    pub const OUTLINE: Self = Self {
        size: A4,
        margin: MARGIN,
        scale: 1.0,
        name: "Outline",
    };
}

/// The outline `markdown` set on A4 pages, each an SVG document with its
/// size; `title` heads each page after the first, with its page number.
pub fn pages(markdown: &str, title: &str, measure: &mut TextMeasure) -> Vec<(String, Vec2)> {
    pages_on(markdown, title, measure, &Sheet::OUTLINE)
}

/// `markdown` set on pages of `sheet`, as [`pages`] does on A4.
pub fn pages_on(
    markdown: &str,
    title: &str,
    measure: &mut TextMeasure,
    sheet: &Sheet,
) -> Vec<(String, Vec2)> {
    let mut blocks = blocks(markdown);
    for block in &mut blocks {
        block.size *= sheet.scale;
        block.indent *= sheet.scale;
    }
    let margin = sheet.margin;
    let width = sheet.size.x - 2.0 * margin;
    let bottom = sheet.size.y - margin - FOOTER * sheet.scale;
    let mut pages: Vec<Vec<Row<'_>>> = vec![Vec::new()];
    let mut y = margin;
    for block in &blocks {
        let line = block.size * LEADING;
        y += block.before * line;
        let left = margin + block.indent;
        let room = width - block.indent;
        let mut start = 0;
        let mut first = true;
        while start < block.words.len() {
            // As many words as fit the row (at least one).
            let mut end = start;
            let mut used = 0.0;
            while end < block.words.len() {
                let word = &block.words[end];
                let face = if word.bold { Face::Title } else { Face::Text };
                let w = measure.row_width_in(face, &word.text) * block.size / TEXT_SIZE;
                let space = if end == start || word.glued {
                    0.0
                } else {
                    block.size * 0.3
                };
                if end > start && !word.glued && used + space + w > room {
                    break;
                }
                used += space + w;
                end += 1;
            }
            if y + line > bottom {
                pages.push(Vec::new());
                y = margin + HEADING * sheet.scale * LEADING;
            }
            y += line;
            if let Some(page) = pages.last_mut() {
                page.push(Row {
                    words: &block.words[start..end],
                    size: block.size,
                    x: left,
                    baseline: y - block.size * 0.3,
                    bullet: block.bullet && first,
                });
            }
            first = false;
            start = end;
        }
    }
    let count = pages.len();
    pages
        .iter()
        .enumerate()
        .map(|(i, rows)| (page_svg(rows, title, i, count, sheet), sheet.size))
        .collect()
}

/// One page of the outline as an SVG document.
fn page_svg(rows: &[Row<'_>], title: &str, index: usize, count: usize, sheet: &Sheet) -> String {
    let mut out = String::with_capacity(200 * rows.len() + 1000);
    super::handout::open_page(&mut out, sheet.size);
    let small = |size: f32| num(size * sheet.scale);
    if index > 0 {
        let _ = writeln!(
            out,
            r##"<text x="{}" y="{}" font-size="{}" fill="#57606a">{} — {}, continued</text>"##,
            num(sheet.margin),
            num(sheet.margin + 10.0 * sheet.scale),
            small(10.0),
            escape(title),
            sheet.name.to_lowercase(),
        );
    }
    for row in rows {
        if row.bullet {
            let _ = write!(
                out,
                r##"<text x="{}" y="{}" font-size="{}" fill="#1d2430">•</text>"##,
                num(row.x - row.size * 0.9),
                num(row.baseline),
                num(row.size),
            );
        }
        let _ = write!(
            out,
            r##"<text x="{}" y="{}" font-size="{}" fill="#1d2430">"##,
            num(row.x),
            num(row.baseline),
            num(row.size),
        );
        // Runs of words in one style, one tspan each.
        let mut run = String::new();
        let mut style = (false, false);
        let flush = |out: &mut String, run: &mut String, (bold, italic): (bool, bool)| {
            if run.is_empty() {
                return;
            }
            // Bold in the bold face the cards' titles use (the text face
            // has none).
            let weight = if bold {
                r#" font-weight="bold" font-family="'DejaVu Sans', 'Noto Sans', sans-serif""#
            } else {
                ""
            };
            // The handout's fonts have no italic face: emphasis (a claim's
            // title, the evaluation's words) is set in a softer ink.
            let slant = if italic { r##" fill="#4a5663""## } else { "" };
            let _ = write!(out, "<tspan{weight}{slant}>{}</tspan>", escape(run));
            run.clear();
        };
        for (i, word) in row.words.iter().enumerate() {
            if (word.bold, word.italic) != style {
                flush(&mut out, &mut run, style);
                style = (word.bold, word.italic);
            }
            if i > 0 && !word.glued {
                run.push(' ');
            }
            run.push_str(&word.text);
        }
        flush(&mut out, &mut run, style);
        out.push_str("</text>\n");
    }
    let _ = writeln!(
        out,
        r##"<text x="{}" y="{}" font-size="{}" fill="#57606a" text-anchor="end">{} {} of {}</text></svg>"##,
        num(sheet.size.x - sheet.margin),
        num(sheet.size.y - sheet.margin + 6.0 * sheet.scale),
        small(9.0),
        sheet.name,
        index + 1,
        count,
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emphasis_escapes_and_note_marks_are_read() {
        let got = words(r"- **because (strong)** Rule by law\*s\* [^2] *(✓ holds)*");
        let texts: Vec<(&str, bool, bool)> = got
            .iter()
            .map(|w| (w.text.as_str(), w.bold, w.italic))
            .collect();
        assert_eq!(
            texts,
            [
                ("-", false, false),
                ("because", true, false),
                ("(strong)", true, false),
                ("Rule", false, false),
                ("by", false, false),
                ("law*s*", false, false),
                ("[2]", false, false),
                ("(✓", false, true),
                ("holds)", false, true),
            ]
        );
    }

    #[test]
    fn items_nest_by_depth_and_a_long_outline_runs_over_pages() {
        let mut md = String::from("# Title\n\n**Thesis:** A claim.\n\n");
        for i in 0..120 {
            let _ = writeln!(
                md,
                "{}- **because** reason number {i}, which runs long enough to wrap onto a \
                 second row of the page at this size",
                "  ".repeat(i % 4)
            );
        }
        md.push_str("\n## References\n\nDoe, J. (2021). *A study*.\n");
        let b = blocks(&md);
        assert!((b[0].size - HEADING).abs() < f32::EPSILON);
        let section = &b[b.len() - 2];
        assert!((section.size - SECTION).abs() < f32::EPSILON);
        assert_eq!(section.words[0].text, "References");
        assert!(section.words[0].bold);
        assert!(b[3].indent > b[2].indent);
        let mut measure = TextMeasure::new();
        let pages = pages(&md, "Title", &mut measure);
        assert!(pages.len() >= 3, "{} pages", pages.len());
        assert!(pages[0].0.contains("reason number 0"));
        assert!(
            pages
                .last()
                .expect("a page")
                .0
                .contains("reason number 119")
        );
        assert!(pages[1].0.contains("outline, continued"));
    }
}
