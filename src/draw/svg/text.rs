//! The text and numbers of the SVG drawing: numbers short and exact to
//! the hundredth, text escaped for XML, and `<text>` elements held to the
//! width they have on the canvas.

use std::fmt::Write as _;

use egui::{Color32, Pos2};

/// One `<text>` per row of `galley`, placed as egui places it from
/// `origin`; empty rows are left out.
pub(crate) fn text_rows(
    out: &mut String,
    galley: &egui::Galley,
    origin: Pos2,
    look: Look<'_>,
    extra: &str,
) {
    for placed in &galley.rows {
        let Some(first) = placed.row.glyphs.first() else {
            continue;
        };
        let text = placed.row.text();
        let text = text.trim_end();
        if text.is_empty() {
            continue;
        }
        let at = origin + placed.pos.to_vec2() + first.pos.to_vec2();
        text_element(out, at, look, placed.rect().width(), extra, text);
    }
}

/// A `<text>` at baseline `at`, held to the `width` it has on the canvas:
/// a viewer without the canvas's font draws it in another, which may run
/// wider, and `textLength` keeps every line inside its card.
pub(crate) fn text_element(
    out: &mut String,
    at: Pos2,
    look: Look<'_>,
    width: f32,
    extra: &str,
    text: &str,
) {
    // Written piece by piece: this is most of a map's file.
    out.push_str("<text x=\"");
    push_num(out, at.x);
    out.push_str("\" y=\"");
    push_num(out, at.y);
    out.push('"');
    if let Look::Own(size, color) = look {
        out.push_str(" font-size=\"");
        push_num(out, size);
        out.push_str("\" fill=\"");
        out.push_str(color);
        out.push('"');
    }
    out.push_str(" textLength=\"");
    push_num(out, width);
    out.push_str("\" lengthAdjust=\"spacingAndGlyphs\"");
    out.push_str(extra);
    out.push('>');
    push_escaped(out, text);
    out.push_str("</text>");
}

/// The size and colour of a text: its own, or those of the group it is in
/// (a card's group gives its rows the card's text size and colour).
#[derive(Clone, Copy)]
pub(crate) enum Look<'a> {
    /// Its own size and colour.
    Own(f32, &'a str),
    /// The group's.
    Inherited,
}

/// A number as SVG wants it: short (two decimals at most), and never
/// `NaN` or `inf`; written straight into the document, with no string of
/// its own.
pub(crate) fn num(x: f32) -> Num {
    Num(x)
}

/// See [`num`].
#[derive(Clone, Copy)]
pub(crate) struct Num(f32);

impl std::fmt::Display for Num {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut digits = [0_u8; 24];
        for &byte in written(self.0, &mut digits) {
            f.write_char(char::from(byte))?;
        }
        Ok(())
    }
}

/// Writes [`num`]`(x)` at the end of `out`.
pub(crate) fn push_num(out: &mut String, x: f32) {
    let mut digits = [0_u8; 24];
    for &byte in written(x, &mut digits) {
        out.push(char::from(byte));
    }
}

/// `x` as [`num`] writes it, in `buffer` (ASCII): in hundredths, as a
/// whole number with the point put in, exact for any map coordinate and
/// far quicker than formatting a float.
fn written(x: f32, buffer: &mut [u8; 24]) -> &[u8] {
    if !x.is_finite() {
        return b"0";
    }
    #[expect(
        clippy::cast_possible_truncation,
        reason = "a finite f32 times 100 fits an i64, saturating at worst"
    )]
    let hundredths = {
        // Half away from zero, as `f64::round` (a call into libm here).
        let scaled = f64::from(x) * 100.0;
        (if scaled < 0.0 {
            scaled - 0.5
        } else {
            scaled + 0.5
        }) as i64
    };
    let mut rest = hundredths.unsigned_abs();
    // Digits from the end: the hundredths, the tenths, the point, the rest.
    let mut at = buffer.len();
    let mut put = |byte: u8, at: &mut usize| {
        *at -= 1;
        buffer[*at] = byte;
    };
    let (tenths, hundredth) = ((rest / 10 % 10) as u8, (rest % 10) as u8);
    rest /= 100;
    if hundredth != 0 {
        put(b'0' + hundredth, &mut at);
        put(b'0' + tenths, &mut at);
        put(b'.', &mut at);
    } else if tenths != 0 {
        put(b'0' + tenths, &mut at);
        put(b'.', &mut at);
    }
    loop {
        put(b'0' + (rest % 10) as u8, &mut at);
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    if hundredths < 0 {
        put(b'-', &mut at);
    }
    &buffer[at..]
}

/// Writes `color` as `#rrggbb` at the end of `out`.
pub(crate) fn push_hex(out: &mut String, color: Color32) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    out.push('#');
    for byte in [color.r(), color.g(), color.b()] {
        out.push(char::from(DIGITS[usize::from(byte >> 4)]));
        out.push(char::from(DIGITS[usize::from(byte & 15)]));
    }
}

pub(crate) fn hex(color: Color32) -> String {
    format!("#{:02x}{:02x}{:02x}", color.r(), color.g(), color.b())
}

/// `text` safe inside XML: markup characters escaped, and characters XML
/// cannot hold (most control characters) shown as U+FFFD.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

/// [`escape`], written at the end of `out`.
pub(crate) fn push_escaped(out: &mut String, text: &str) {
    // Most text needs nothing escaped: then it goes in whole. (0xEF starts
    // U+FFFE and U+FFFF, which XML cannot hold.)
    if !text
        .bytes()
        .any(|b| b < 0x20 || matches!(b, b'&' | b'<' | b'>' | b'"' | 0xEF))
    {
        out.push_str(text);
        return;
    }
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::num;

    #[test]
    fn numbers_are_short_and_exact_to_the_hundredth() {
        let written: Vec<String> = [
            1.5,
            -0.001,
            73_699.25,
            12.345,
            0.1,
            f32::NAN,
            f32::INFINITY,
            100.0,
            -19_097.625,
            -0.5,
            3.07,
        ]
        .iter()
        .map(|&x| num(x).to_string())
        .collect();
        assert_eq!(
            written,
            [
                "1.5",
                "0",
                "73699.25",
                "12.35",
                "0.1",
                "0",
                "0",
                "100",
                "-19097.63",
                "-0.5",
                "3.07"
            ]
        );
    }
}
