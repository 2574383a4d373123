//! The source's text in the panel: its paragraphs laid out only where
//! they are in view, each number in the margin with marks for the claims
//! quoting it, the words selectable (grown to whole words when a drag
//! ends), quotes in their claims' role colours, find hits, and the
//! selection kept in sight while the focus is elsewhere.

use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat};
use egui::{Align, Color32, FontId, Galley, Id, RichText, Ui, UiBuilder, vec2};

use super::{Excerpt, SourcePanel};
use crate::model::{ClaimId, Map};
use crate::source::{self, SourceText};
use crate::ui::action::Action;

/// Space between paragraphs.
const GAP: f32 = 8.0;
/// The margin with the paragraph numbers.
const MARGIN: f32 = 46.0;

pub(super) fn paragraphs_ui(
    ui: &mut Ui,
    panel: &mut SourcePanel,
    map: &Map,
    actions: &mut Vec<Action>,
) {
    let Some(key) = panel.key.clone() else {
        return;
    };
    let Some(count) = panel.text().map(SourceText::len) else {
        return;
    };
    // The text's width leaves room for the margin, the quote chip and the
    // scroll bar, so the rows never push the panel wider.
    let width = (ui.available_width() - MARGIN - 40.0).max(80.0);
    let font = FontId::proportional(14.0);
    let row = ui.fonts_mut(|f| f.row_height(&font));
    if panel.heights.len() != count || (panel.width - width).abs() > 0.5 {
        // Estimated heights until each paragraph is laid out: characters
        // per line from the average width of a character.
        let per_line = (width / (font.size * 0.5)).max(10.0);
        panel.heights = panel
            .text()
            .map(|t| {
                t.paragraphs
                    .iter()
                    .map(|p| {
                        #[expect(clippy::cast_precision_loss, reason = "Paragraph lengths.")]
                        let lines = (p.chars().count() as f32 / per_line).ceil().max(1.0);
                        lines * row + GAP
                    })
                    .collect()
            })
            .unwrap_or_default();
        panel.width = width;
    }
    let not_argument = map
        .sources
        .get(&key)
        .map_or(&[][..], |s| s.not_argument.as_slice());
    let mut area = egui::ScrollArea::vertical()
        .id_salt("source-text")
        .auto_shrink([false, false]);
    if let Some(para) = panel.scroll_to.take() {
        let index = (para as usize)
            .saturating_sub(1)
            .min(count.saturating_sub(1));
        let y: f32 = panel.heights[..index].iter().sum();
        area = area.vertical_scroll_offset((y - 24.0).max(0.0));
    }
    panel.text_ids.clear();
    panel.laid.clear();
    area.show_viewport(ui, |ui, viewport| {
        let total: f32 = panel.heights.iter().sum();
        ui.set_min_height(total);
        let top = ui.max_rect().min;
        let mut y = 0.0;
        for index in 0..count {
            let height = panel.heights[index];
            if y + height < viewport.min.y {
                y += height;
                continue;
            }
            if y > viewport.max.y {
                break;
            }
            let para = u32::try_from(index + 1).unwrap_or(u32::MAX);
            let rect =
                egui::Rect::from_min_size(top + vec2(0.0, y), vec2(width + MARGIN + 28.0, height));
            let quotes = quotes_in(ui, panel, map, &key, para);
            let laid = ui
                .scope_builder(UiBuilder::new().max_rect(rect), |ui| {
                    let state = ParagraphState {
                        para,
                        cited: panel.citing(para).len(),
                        not_argument: not_argument.contains(&para),
                        glowing: panel.glow == Some(para),
                    };
                    paragraph_ui(ui, panel, &key, state, &quotes, width, &font, actions)
                })
                .inner;
            panel.heights[index] = laid + GAP;
            y += height;
        }
    });
    select_across(ui, panel);
}

/// A paragraph as laid out this frame.
#[derive(Debug)]
pub(super) struct Laid {
    para: u32,
    id: Id,
    galley: Arc<Galley>,
    at: egui::Pos2,
}

/// While a drag that began in one paragraph is over another, the
/// selection runs from where it began to the character under the pointer
/// (either way); when the button is let go, both ends grow to whole
/// words.
fn select_across(ui: &Ui, panel: &mut SourcePanel) {
    let (down, released, pointer) = ui.input(|i| {
        (
            i.pointer.primary_down(),
            i.pointer.primary_released(),
            i.pointer.interact_pos(),
        )
    });
    if released && panel.crossing {
        panel.crossing = false;
        if let Some(excerpt) = panel.selection.take() {
            panel.selection = snapped(panel, &excerpt);
        }
        return;
    }
    let dragged = ui.ctx().dragged_id();
    let (Some(dragged), Some(pointer), true) = (dragged, pointer, down) else {
        return;
    };
    let Some(from) = panel.laid.iter().find(|l| l.id == dragged) else {
        return;
    };
    let Some(over) = panel
        .laid
        .iter()
        .find(|l| pointer.y >= l.at.y && pointer.y < l.at.y + l.galley.rect.height() + GAP)
    else {
        return;
    };
    if over.para == from.para {
        return;
    }
    let Some((anchor_para, anchor)) = panel
        .field_range
        .map(|(p, s, e)| if over.para > p { (p, s) } else { (p, e) })
    else {
        return;
    };
    let at = over.galley.cursor_from_pos(pointer - over.at).index.0;
    let ((para, start), (last, end)) = if over.para > anchor_para {
        ((anchor_para, anchor), (over.para, at))
    } else {
        ((over.para, at), (anchor_para, anchor))
    };
    let words = words_of(panel, para, start, last, end);
    panel.crossing = true;
    panel.selection = Some(Excerpt {
        para,
        start,
        last,
        end,
        words,
    });
}

/// The words from `start` of paragraph `para` to `end` of `last`.
fn words_of(panel: &SourcePanel, para: u32, start: usize, last: u32, end: usize) -> String {
    let Some(text) = panel.text() else {
        return String::new();
    };
    let paragraphs: Vec<&str> = (para..=last).filter_map(|n| text.paragraph(n)).collect();
    crate::model::Quote::joined(&paragraphs, start, end)
}

/// `excerpt` with its ends grown to whole words.
fn snapped(panel: &SourcePanel, excerpt: &Excerpt) -> Option<Excerpt> {
    let text = panel.text()?;
    let first = text.paragraph(excerpt.para)?;
    let last = text.paragraph(excerpt.last)?;
    let (start, _) = source::snap_to_words(first, excerpt.start, first.chars().count());
    let (_, end) = source::snap_to_words(last, 0, excerpt.end);
    let words = words_of(panel, excerpt.para, start, excerpt.last, end);
    Some(Excerpt {
        start,
        end,
        words,
        ..excerpt.clone()
    })
}

/// Words a claim quotes from a paragraph: the claim, the characters, the
/// background in its role's colour and the role's own colour (for the
/// margin mark); whether it is the selected claim's.
struct QuoteMark {
    claim: ClaimId,
    start: usize,
    end: usize,
    fill: Color32,
    accent: Color32,
    selected: bool,
    /// The quote begins in this paragraph (its mark goes here).
    first: bool,
}

/// The quotes of the claims citing paragraph `para` of source `key` that
/// begin there.
fn quotes_in(ui: &Ui, panel: &SourcePanel, map: &Map, key: &str, para: u32) -> Vec<QuoteMark> {
    let dark = ui.visuals().dark_mode;
    let len = panel
        .text()
        .and_then(|t| t.paragraph(para))
        .map_or(0, |p| p.chars().count());
    let selected = panel.highlight;
    panel
        .citing(para)
        .iter()
        .filter_map(|&id| {
            let claim = map.claims.get(&id)?;
            let citation = claim.source.as_ref().filter(|c| c.doc == key)?;
            let quote = citation.quote.as_ref()?;
            let (first, last) = quote.span(citation.para?);
            let span = Excerpt {
                para: first,
                start: quote.start as usize,
                last,
                end: quote.end as usize,
                words: String::new(),
            };
            let (start, end) = span.within(para, len)?;
            let role = panel.role_of(id);
            Some(QuoteMark {
                claim: id,
                start,
                end,
                fill: crate::draw::style::quote_color(role, dark),
                accent: crate::draw::style::card_style(role, claim.kind, dark).accent,
                selected: selected == Some((first, span.start, span.end)),
                first: para == first,
            })
        })
        .collect()
}

#[derive(Clone, Copy)]
struct ParagraphState {
    para: u32,
    cited: usize,
    not_argument: bool,
    glowing: bool,
}

/// One paragraph: its number in the margin, its text selectable. Returns
/// the height it took.
#[expect(
    clippy::too_many_arguments,
    reason = "One paragraph's parts, drawn together."
)]
fn paragraph_ui(
    ui: &mut Ui,
    panel: &mut SourcePanel,
    key: &str,
    state: ParagraphState,
    quotes: &[QuoteMark],
    width: f32,
    font: &FontId,
    actions: &mut Vec<Action>,
) -> f32 {
    let Some(text) = panel
        .text()
        .and_then(|t| t.paragraph(state.para))
        .map(str::to_owned)
    else {
        return 0.0;
    };
    let para = state.para;
    let inner = ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.set_width(MARGIN - 6.0);
            number_ui(ui, key, state, actions);
            marks_ui(ui, quotes, actions);
        });
        words_ui(ui, panel, key, para, &text, quotes, width, font)
    });
    inner.inner.max(18.0).max(inner.response.rect.height())
}

/// A paragraph's number in the margin: mapped, not mapped (marked), or
/// not argument; a click makes its claims glow, its menu marks it.
fn number_ui(ui: &mut Ui, key: &str, state: ParagraphState, actions: &mut Vec<Action>) {
    let para = state.para;
    let visuals = ui.visuals().clone();
    let (color, hover) = if state.not_argument {
        (
            visuals.weak_text_color(),
            "Marked not argument: it does not count for coverage".to_owned(),
        )
    } else if state.cited == 0 {
        (
            visuals.warn_fg_color,
            "No claim cites this paragraph yet".to_owned(),
        )
    } else {
        (
            visuals.text_color(),
            format!(
                "{} citing it: click to make them glow on the map",
                crate::words::count(state.cited, "claim")
            ),
        )
    };
    let mark = if state.cited == 0 && !state.not_argument {
        "▌"
    } else {
        ""
    };
    let label = RichText::new(format!("{mark}¶{para}"))
        .color(color)
        .monospace();
    let number = ui
        .add_sized(
            vec2(MARGIN - 6.0, 18.0),
            egui::Button::new(label)
                .frame(state.glowing)
                .selected(state.glowing),
        )
        .on_hover_text(hover);
    if number.clicked() {
        actions.push(Action::GlowParagraph((!state.glowing).then_some(para)));
    }
    number.context_menu(|ui| {
        let mut marked = state.not_argument;
        if ui
            .checkbox(&mut marked, "Not argument (background, anecdote)")
            .changed()
        {
            actions.push(Action::SetNotArgument(key.to_owned(), para, marked));
            ui.close();
        }
    });
}

/// A mark in the margin for each claim quoting the paragraph, in its
/// role's colour: a click selects the claim.
fn marks_ui(ui: &mut Ui, quotes: &[QuoteMark], actions: &mut Vec<Action>) {
    if !quotes.iter().any(|q| q.first) {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 2.0;
        for quote in quotes.iter().filter(|q| q.first) {
            let mark = RichText::new("“").color(quote.accent).strong();
            let clicked = ui
                .add(egui::Button::new(mark).frame(quote.selected).small())
                .on_hover_text(format!(
                    "Claim #{} quotes these words: select it",
                    quote.claim.0
                ))
                .clicked();
            if clicked {
                actions.push(Action::Select([quote.claim].into()));
            }
        }
    });
}

/// A paragraph's words: selectable, with find hits and the quote
/// highlighted; the selection is kept, with a chip to drag it onto a
/// card. Returns the height they took.
#[expect(
    clippy::too_many_arguments,
    reason = "One paragraph's parts, drawn together."
)]
fn words_ui(
    ui: &mut Ui,
    panel: &mut SourcePanel,
    key: &str,
    para: u32,
    text: &str,
    quotes: &[QuoteMark],
    width: f32,
    font: &FontId,
) -> f32 {
    let visuals = ui.visuals().clone();
    let find = panel.find.to_lowercase();
    let id = Id::unique(("source-paragraph", key, para));
    panel.text_ids.push(id);
    // The selection stays in sight while the focus is elsewhere (a card
    // clicked): drawn here in the selection's colour, which quotes never
    // take (they are in their claims' role colours).
    let focused = ui.memory(|m| m.has_focus(id));
    let len = text.chars().count();
    // The focused field draws its own part of the selection; the others
    // show theirs (a selection across paragraphs, or one kept while a
    // card was clicked).
    let kept = if focused {
        None
    } else {
        panel.selection.as_ref().and_then(|s| s.within(para, len))
    };
    let marks = Marks {
        find: &find,
        quotes,
        kept,
        selection: visuals.selection.bg_fill,
    };
    let mut layouter = |ui: &Ui, buffer: &dyn egui::TextBuffer, wrap: f32| -> Arc<Galley> {
        let job = paragraph_job(buffer.as_str(), &marks, font, &visuals, wrap);
        ui.fonts_mut(|f| f.layout_job(job))
    };
    let mut shown: &str = text;
    let output = egui::TextEdit::multiline(&mut shown)
        .id(id)
        .frame(egui::Frame::NONE)
        .desired_width(width)
        .desired_rows(1)
        .margin(egui::Margin::ZERO)
        .layouter(&mut layouter)
        .show(ui);
    let response = output.response.response.clone();
    panel.laid.push(Laid {
        para,
        id,
        galley: output.galley.clone(),
        at: output.galley_pos,
    });
    if response.has_focus()
        && let Some(range) = output.cursor_range
    {
        let range = range.as_sorted_char_range();
        let (mut start, mut end) = (range.start.0, range.end.0);
        // A selection made by dragging grows to whole words once the
        // button is let go ("he proximity" → "the proximity").
        if response.drag_stopped() && end > start && !panel.crossing {
            (start, end) = source::snap_to_words(text, start, end);
            let mut state = output.state.clone();
            state
                .cursor
                .set_char_range(Some(egui::text::CCursorRange::two(
                    egui::text::CCursor::new(start),
                    egui::text::CCursor::new(end),
                )));
            state.store(ui.ctx(), id);
        }
        // The field's own selection, when it is new: a selection dragged
        // across paragraphs stands until the field's changes.
        let reported = Some((para, start, end));
        if reported != panel.field_range && !panel.crossing {
            panel.selection = (end > start).then(|| Excerpt {
                para,
                start,
                last: para,
                end,
                words: text.chars().skip(start).take(end - start).collect(),
            });
        }
        panel.field_range = reported;
    }
    // The selection as a chip to drag onto a card.
    if panel.selection.as_ref().is_some_and(|s| s.para == para) {
        ui.dnd_drag_source(Id::unique(("source-quote-chip", para)), QuoteDrag, |ui| {
            ui.label(RichText::new("“”").size(16.0).strong());
        })
        .response
        .on_hover_text(
            "Drag the selected words onto a card: a reason of it (Shift or Alt: an objection)",
        );
    }
    response.rect.height()
}

/// The payload of the quote chip, dropped onto a card.
#[derive(Clone, Copy, Debug)]
pub struct QuoteDrag;

/// What a paragraph's words are marked with: find hits, the claims'
/// quotes, the selection kept while the focus is elsewhere.
struct Marks<'a> {
    find: &'a str,
    quotes: &'a [QuoteMark],
    kept: Option<(usize, usize)>,
    selection: Color32,
}

/// The paragraph laid out with its marks: each quote in its claim's role
/// colour (the selected claim's underlined), find hits, and the kept
/// selection over both.
fn paragraph_job(
    text: &str,
    marks: &Marks<'_>,
    font: &FontId,
    visuals: &egui::Visuals,
    wrap: f32,
) -> LayoutJob {
    let chars: Vec<char> = text.chars().collect();
    // Each character's background and whether it is underlined.
    let mut looks = vec![(Color32::TRANSPARENT, false); chars.len()];
    for quote in marks.quotes {
        for look in looks
            .iter_mut()
            .take(quote.end.min(chars.len()))
            .skip(quote.start)
        {
            *look = (quote.fill, quote.selected);
        }
    }
    let find = marks.find;
    if !find.trim().is_empty() {
        let lower: Vec<char> = text.to_lowercase().chars().collect();
        let needle: Vec<char> = find.chars().collect();
        // Lowercasing keeps the length for the scripts finds are typed in;
        // where it does not, hits are not marked.
        if lower.len() == chars.len() {
            let mut i = 0;
            while i + needle.len() <= lower.len() {
                if lower[i..i + needle.len()] == needle[..] {
                    for look in &mut looks[i..i + needle.len()] {
                        look.0 = crate::draw::style::cited_paragraph();
                    }
                    i += needle.len();
                } else {
                    i += 1;
                }
            }
        }
    }
    if let Some((start, end)) = marks.kept {
        for look in looks.iter_mut().take(end.min(chars.len())).skip(start) {
            look.0 = marks.selection;
        }
    }
    let mut job = LayoutJob {
        halign: Align::LEFT,
        ..LayoutJob::default()
    };
    job.wrap.max_width = wrap;
    let mut start = 0;
    while start < chars.len() {
        let look = looks[start];
        let end = (start..chars.len())
            .find(|&i| looks[i] != look)
            .unwrap_or(chars.len());
        let run: String = chars[start..end].iter().collect();
        job.append(
            &run,
            0.0,
            TextFormat {
                font_id: font.clone(),
                color: visuals.text_color(),
                background: look.0,
                underline: if look.1 {
                    egui::Stroke::new(1.5, visuals.text_color())
                } else {
                    egui::Stroke::NONE
                },
                ..TextFormat::default()
            },
        );
        start = end;
    }
    job
}
