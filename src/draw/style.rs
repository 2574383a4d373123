//! How roles and kinds look: colours for light and dark themes, plus a
//! label on every card so that roles read without colour. Every colour
//! Argmap draws with is declared here (`clippy.toml` bans making colours
//! anywhere else), so the canvas, the exports and the handout agree.
#![expect(
    clippy::disallowed_methods,
    reason = "the one home of Argmap's colours"
)]

use egui::Color32;

use crate::model::{ClaimKind, LinkKind, Role};

/// The colours and label of one card.
#[derive(Clone, Debug, PartialEq)]
pub struct CardStyle {
    /// Background of the card.
    pub fill: Color32,
    /// Stripe, header label and border colour.
    pub accent: Color32,
    /// Colour of the claim's text.
    pub text: Color32,
    /// The header label, such as "REASON" or "EVIDENCE · OBJECTION".
    pub label: String,
    /// Extra width for the border (the high-contrast palette).
    pub border_boost: f32,
}

/// The accent colour of a role.
fn role_accent(role: Role, dark: bool) -> Color32 {
    let (light, dark_variant) = match role {
        Role::Thesis => (
            Color32::from_rgb(0x1f, 0x4e, 0x9c),
            Color32::from_rgb(0x7f, 0xb0, 0xff),
        ),
        Role::Premise => (
            Color32::from_rgb(0x2e, 0x7d, 0x32),
            Color32::from_rgb(0x81, 0xc7, 0x84),
        ),
        Role::Counterpoint => (
            Color32::from_rgb(0xc6, 0x28, 0x28),
            Color32::from_rgb(0xff, 0x8a, 0x80),
        ),
        Role::Rebuttal => (
            Color32::from_rgb(0xb4, 0x5f, 0x06),
            Color32::from_rgb(0xff, 0xb7, 0x4d),
        ),
        Role::Undercutter => (
            Color32::from_rgb(0x7b, 0x1f, 0xa2),
            Color32::from_rgb(0xce, 0x93, 0xd8),
        ),
        Role::Free => (
            Color32::from_rgb(0x55, 0x5f, 0x6b),
            Color32::from_rgb(0xb0, 0xbe, 0xc5),
        ),
    };
    if dark { dark_variant } else { light }
}

/// The look of a card for a claim of `kind` in `role`.
pub fn card_style(role: Role, kind: ClaimKind, dark: bool) -> CardStyle {
    let accent = role_accent(role, dark);
    let role_label = role.label().to_uppercase();
    let label = match kind {
        ClaimKind::Claim => role_label,
        ClaimKind::Evidence if role == Role::Free => "EVIDENCE".to_owned(),
        ClaimKind::Evidence => format!("EVIDENCE · {role_label}"),
        ClaimKind::Note => "NOTE".to_owned(),
    };
    let (fill, text) = if kind == ClaimKind::Note {
        if dark {
            (
                Color32::from_rgb(0x4a, 0x44, 0x28),
                Color32::from_rgb(0xf5, 0xf0, 0xd8),
            )
        } else {
            (
                Color32::from_rgb(0xff, 0xf6, 0xc8),
                Color32::from_rgb(0x33, 0x2e, 0x1a),
            )
        }
    } else if dark {
        (
            mix(Color32::from_rgb(0x26, 0x29, 0x2e), accent, 0.18),
            Color32::from_rgb(0xee, 0xee, 0xee),
        )
    } else {
        (
            mix(Color32::WHITE, accent, 0.10),
            Color32::from_rgb(0x1d, 0x1f, 0x24),
        )
    };
    let accent = if kind == ClaimKind::Note {
        if dark {
            Color32::from_rgb(0xe0, 0xc8, 0x60)
        } else {
            Color32::from_rgb(0x9a, 0x7b, 0x0a)
        }
    } else {
        accent
    };
    CardStyle {
        fill,
        accent,
        text,
        label,
        border_boost: 0.0,
    }
}

/// `style` in the high-contrast palette: a plain background, black or
/// white text, and a thicker border in a darker (or lighter) accent.
pub fn high_contrast(style: CardStyle, dark: bool) -> CardStyle {
    let (fill, text, toward) = if dark {
        (Color32::BLACK, Color32::WHITE, Color32::WHITE)
    } else {
        (Color32::WHITE, Color32::BLACK, Color32::BLACK)
    };
    CardStyle {
        fill,
        text,
        accent: mix(style.accent, toward, 0.35),
        border_boost: 1.5,
        ..style
    }
}

/// The colour of a support or attack arrow.
pub fn link_color(kind: LinkKind, dark: bool) -> Color32 {
    match kind {
        LinkKind::Support => role_accent(Role::Premise, dark),
        LinkKind::Attack => role_accent(Role::Counterpoint, dark),
    }
}

/// The colour that marks selection, on cards and links.
pub fn selection_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x4f, 0xc3, 0xf7)
    } else {
        Color32::from_rgb(0x00, 0x78, 0xd4)
    }
}

/// The colour of an evaluation status: green for holds, red for fails,
/// grey for open.
pub fn status_color(label: crate::eval::Label, dark: bool) -> Color32 {
    use crate::eval::Label;
    match (label, dark) {
        (Label::In, false) => Color32::from_rgb(0x2e, 0x7d, 0x32),
        (Label::In, true) => Color32::from_rgb(0x66, 0xbb, 0x6a),
        (Label::Out, false) => Color32::from_rgb(0xc6, 0x28, 0x28),
        (Label::Out, true) => Color32::from_rgb(0xef, 0x53, 0x50),
        (Label::Undecided, false) => Color32::from_rgb(0x61, 0x61, 0x61),
        (Label::Undecided, true) => Color32::from_rgb(0x9e, 0x9e, 0x9e),
    }
}

/// Pointers at the edge of a slide or the screen toward what a presented
/// step answers, when it is too far to show: a muted ink that reads on
/// white and on the dark canvas.
pub const POINTER_COLOR: Color32 = Color32::from_rgb(0x55, 0x5f, 0x6d);

/// Words and marks set on a coloured pill or dot (a fold badge, a status,
/// a connector handle's ring): white on every colour Argmap fills them
/// with.
pub const ON_COLOR: Color32 = Color32::WHITE;

/// The ink of the presenter's edge pointers on a dark screen.
pub const POINTER_COLOR_DARK: Color32 = Color32::from_gray(200);

/// The quiet "7 / 31" progress marker while presenting.
pub fn progress_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(150)
    } else {
        Color32::from_gray(110)
    }
}

/// The background of a link's "because" / "but" pill on the canvas.
pub fn link_label_fill(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x1b, 0x1d, 0x21)
    } else {
        Color32::WHITE
    }
}

/// The minimap's background (a little see-through) and its border.
pub fn minimap_colors(dark: bool) -> (Color32, Color32) {
    if dark {
        (
            Color32::from_rgba_unmultiplied(20, 22, 26, 230),
            Color32::from_gray(90),
        )
    } else {
        (
            Color32::from_rgba_unmultiplied(255, 255, 255, 235),
            Color32::from_gray(170),
        )
    }
}

/// The background of words a claim quotes, in the source panel: its
/// role's colour, light enough to read the words on.
pub fn quote_color(role: Role, dark: bool) -> Color32 {
    let accent = role_accent(role, dark);
    if dark {
        mix(Color32::from_rgb(0x26, 0x29, 0x2e), accent, 0.45)
    } else {
        mix(Color32::WHITE, accent, 0.28)
    }
}

/// The glow of the source's paragraph a card cites, behind its words.
pub fn cited_paragraph() -> Color32 {
    Color32::from_rgba_unmultiplied(240, 200, 40, 110)
}

/// A banner above the map: its background, border and text.
#[derive(Clone, Copy, Debug)]
pub struct BannerColors {
    /// The background.
    pub fill: Color32,
    /// The border.
    pub stroke: Color32,
    /// The words.
    pub ink: Color32,
}

/// An error banner: red.
pub const ERROR_BANNER: BannerColors = BannerColors {
    fill: Color32::from_rgb(0xfd, 0xec, 0xea),
    stroke: Color32::from_rgb(0xc6, 0x28, 0x28),
    ink: Color32::from_rgb(0x7f, 0x10, 0x10),
};

/// A note banner: blue.
pub const NOTE_BANNER: BannerColors = BannerColors {
    fill: Color32::from_rgb(0xe8, 0xf1, 0xfb),
    stroke: Color32::from_rgb(0x1f, 0x4e, 0x9c),
    ink: Color32::from_rgb(0x10, 0x2a, 0x55),
};

/// The banner of a map that needs repair: amber.
pub const REPAIR_BANNER: BannerColors = BannerColors {
    fill: Color32::from_rgb(0xff, 0xf4, 0xd6),
    stroke: Color32::from_rgb(0xb2, 0x6a, 0x00),
    ink: Color32::from_rgb(0x4a, 0x2c, 0x00),
};

/// The high-contrast palette's ink and panel background: black on white,
/// or white on black.
pub fn contrast_colors(dark: bool) -> (Color32, Color32) {
    if dark {
        (Color32::WHITE, Color32::BLACK)
    } else {
        (Color32::BLACK, Color32::WHITE)
    }
}

/// A link that fails, with the evaluation shown: a grey that keeps at
/// least 4.5:1 against the canvas and the label's pill in either theme,
/// so it reads on a projector and a photocopy (see `draw::link_look`).
pub fn failed_link_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(150)
    } else {
        Color32::from_gray(105)
    }
}

/// The contrast ratio of two opaque colours, as WCAG defines it (1 to 21).
pub fn contrast_ratio(a: Color32, b: Color32) -> f32 {
    fn luminance(c: Color32) -> f32 {
        let channel = |v: u8| {
            let v = f32::from(v) / 255.0;
            if v <= 0.039_28 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
    }
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The tint of a flow column of the side at `side` among the format's
/// sides (the side that opens first blue, the other amber; a column of
/// claims no speech made grey), and the colour of its heading's words.
pub fn flow_column(side: Option<usize>, dark: bool) -> (Color32, Color32) {
    match (side, dark) {
        (Some(0), false) => (
            Color32::from_rgb(0xe8, 0xf0, 0xfb),
            Color32::from_rgb(0x1d, 0x4e, 0x89),
        ),
        (Some(_), false) => (
            Color32::from_rgb(0xfb, 0xf0, 0xe4),
            Color32::from_rgb(0x8a, 0x4b, 0x0c),
        ),
        (None, false) => (
            Color32::from_rgb(0xf2, 0xf2, 0xf2),
            Color32::from_rgb(0x44, 0x44, 0x44),
        ),
        (Some(0), true) => (
            Color32::from_rgb(0x1c, 0x26, 0x33),
            Color32::from_rgb(0x9e, 0xc5, 0xf2),
        ),
        (Some(_), true) => (
            Color32::from_rgb(0x33, 0x27, 0x1c),
            Color32::from_rgb(0xf2, 0xc3, 0x8e),
        ),
        (None, true) => (
            Color32::from_rgb(0x26, 0x26, 0x26),
            Color32::from_rgb(0xcc, 0xcc, 0xcc),
        ),
    }
}

/// The colour a dropped argument is marked in: the red of a warning,
/// readable on the page and on the canvas in either theme.
pub fn dropped_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0xff, 0x8a, 0x80)
    } else {
        Color32::from_rgb(0xb0, 0x1c, 0x1c)
    }
}

/// The glow behind claims that match a search.
pub fn search_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0xd4, 0xa0, 0x17)
    } else {
        Color32::from_rgb(0xff, 0xc1, 0x07)
    }
}

/// `color` as CSS writes it: `#rrggbb`.
pub fn css(color: Color32) -> String {
    format!("#{:02x}{:02x}{:02x}", color.r(), color.g(), color.b())
}

/// The colours of the light theme as CSS custom properties, for pages
/// drawn outside egui (the HTML handout): statuses, selection and search
/// marks, links, and each role's card (`--accent-reason`, `--fill-reason`;
/// `-note` for a note), the same as on the canvas.
pub fn css_palette() -> String {
    use crate::eval::Label;
    let mut colors = vec![
        ("status-holds".to_owned(), status_color(Label::In, false)),
        ("status-fails".to_owned(), status_color(Label::Out, false)),
        (
            "status-open".to_owned(),
            status_color(Label::Undecided, false),
        ),
        ("selection".to_owned(), selection_color(false)),
        ("match".to_owned(), search_color(false)),
        ("support".to_owned(), link_color(LinkKind::Support, false)),
        ("attack".to_owned(), link_color(LinkKind::Attack, false)),
    ];
    let cards = Role::ALL.map(|role| (role.label(), card_style(role, ClaimKind::Claim, false)));
    let note = ("note", card_style(Role::Free, ClaimKind::Note, false));
    for (name, style) in cards.into_iter().chain([note]) {
        colors.push((format!("accent-{name}"), style.accent));
        colors.push((format!("fill-{name}"), style.fill));
    }
    colors
        .iter()
        .map(|(name, color)| format!("--{name}: {};", css(*color)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `a` moved a `share` of the way to `b`.
fn mix(a: Color32, b: Color32, share: f32) -> Color32 {
    let channel = |x: u8, y: u8| {
        let mixed = f32::from(x) + (f32::from(y) - f32::from(x)) * share;
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "Clamped to 0..=255 first, so the conversion cannot truncate."
        )]
        let byte = mixed.round().clamp(0.0, 255.0) as u8;
        byte
    };
    Color32::from_rgb(
        channel(a.r(), b.r()),
        channel(a.g(), b.g()),
        channel(a.b(), b.b()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_in_the_source_never_take_the_selections_colour() {
        for dark in [false, true] {
            let selection = if dark {
                egui::Visuals::dark().selection.bg_fill
            } else {
                egui::Visuals::light().selection.bg_fill
            };
            let mut seen = Vec::new();
            for role in Role::ALL {
                let quote = quote_color(role, dark);
                assert_ne!(quote, selection, "{role:?}");
                assert!(!seen.contains(&quote), "{role:?} shares its colour");
                seen.push(quote);
            }
        }
    }

    #[test]
    fn every_role_has_its_own_colour_and_label() {
        let roles = Role::ALL;
        for dark in [false, true] {
            let styles: Vec<CardStyle> = roles
                .iter()
                .map(|&r| card_style(r, ClaimKind::Claim, dark))
                .collect();
            for (i, a) in styles.iter().enumerate() {
                for b in &styles[i + 1..] {
                    assert_ne!(a.accent, b.accent);
                    assert_ne!(a.label, b.label);
                }
            }
        }
        assert_eq!(
            card_style(Role::Premise, ClaimKind::Evidence, false).label,
            "EVIDENCE · REASON"
        );
        assert_eq!(card_style(Role::Free, ClaimKind::Note, true).label, "NOTE");
    }

    #[test]
    fn a_failing_link_reads_on_either_theme() {
        // Against the label's pill, and the lightest and darkest canvases
        // egui paints (its panels and its text fields).
        for (dark, backgrounds) in [
            (
                false,
                [
                    link_label_fill(false),
                    Color32::WHITE,
                    Color32::from_gray(235),
                ],
            ),
            (
                true,
                [
                    link_label_fill(true),
                    Color32::from_gray(10),
                    Color32::from_gray(40),
                ],
            ),
        ] {
            for background in backgrounds {
                let ratio = contrast_ratio(failed_link_color(dark), background);
                assert!(ratio >= 4.5, "{ratio} against {background:?}");
            }
        }
        assert!((contrast_ratio(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
    }
}
