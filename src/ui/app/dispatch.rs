//! Every command of the table, done: one exhaustive match, so a command
//! added to the table does not compile until it does something.

use super::ArgmapApp;
use super::files::Pending;
use super::prefs;
use crate::draw::geometry::ZOOM_STEP;
use crate::layout::Region;
use crate::model::nav::{self, Arrow};
use crate::model::{Arrangement, Assessment, ClaimId, Growth, LinkKind, Standard};
use crate::ui::commands::UiCommand;
use crate::ui::present::PresentAction;
use crate::ui::present::steps::StepAction;

impl ArgmapApp {
    /// Does what `command` asks, from a menu, a button, the palette or
    /// its keys.
    #[expect(
        clippy::too_many_lines,
        reason = "one arm per command of the table, exhaustive by design"
    )]
    pub(super) fn run_command(&mut self, command: UiCommand) {
        match command {
            // File
            UiCommand::New => self.request(Pending::New(None)),
            UiCommand::Open => self.request(Pending::Open(None)),
            UiCommand::Import => self.request(Pending::Import(None)),
            UiCommand::OpenSource => self.open_source(),
            UiCommand::NewRound => self.open_new_round(),
            UiCommand::Save => {
                self.save();
            }
            UiCommand::SaveAs => {
                self.save_as();
            }
            UiCommand::Quit => self.request(Pending::Quit),
            // Edit
            UiCommand::AddPremise => self.add_reply(LinkKind::Support),
            // Flowing a round
            UiCommand::ToggleFlow => self.toggle_flow(),
            UiCommand::FlowSheets => {
                if let Some(flowing) = &mut self.round.flowing {
                    flowing.by_side = !flowing.by_side;
                    self.view.camera.fit_requested = true;
                }
            }
            UiCommand::FlowAdd => self.flow_argument(None),
            UiCommand::FlowAnswer => self.flow_answer(),
            UiCommand::NextSpeech => self.flow_speech(1),
            UiCommand::PreviousSpeech => self.flow_speech(-1),
            UiCommand::SpeechTimer => self.toggle_clock(None),
            UiCommand::PrepFirst => self.toggle_clock(Some(0)),
            UiCommand::PrepSecond => self.toggle_clock(Some(1)),
            UiCommand::AddObjection => self.add_reply(LinkKind::Attack),
            UiCommand::AddSibling => self.add_sibling(),
            UiCommand::AddCoPremise => self.add_co_premise(),
            UiCommand::ObjectToInference => self.object_to_inference(),
            UiCommand::FlipLink => self.flip_selected_link(),
            UiCommand::SplitLink => self.split_selected_link(),
            UiCommand::QuoteAsClaim => self.quote_as_claim(None, None),
            UiCommand::QuoteAsReason => self.quote_as_claim(Some(LinkKind::Support), None),
            UiCommand::QuoteAsObjection => self.quote_as_claim(Some(LinkKind::Attack), None),
            UiCommand::EditText => {
                if let Some(id) = self.single_selected() {
                    self.start_editing(id, false);
                }
            }
            UiCommand::EditTitle => {
                if let Some(id) = self.single_selected() {
                    self.start_editing_title(id);
                }
            }
            UiCommand::SetThesis => {
                if let Some(id) = self.single_selected() {
                    self.set_thesis(Some(id));
                }
            }
            UiCommand::ClearThesis => self.set_thesis(None),
            UiCommand::Delete => self.delete_selection(),
            UiCommand::Undo => self.undo_redo(false),
            UiCommand::Redo => self.undo_redo(true),
            UiCommand::Copy => {
                self.copy_selection();
            }
            UiCommand::Cut => self.cut_selection(),
            UiCommand::Paste => self.paste(),
            UiCommand::Duplicate => self.duplicate_selection(),
            UiCommand::SelectAll => {
                let all = self.doc.map.claims.keys().copied().collect();
                self.view.selection.set(all);
            }
            UiCommand::Deselect => {
                self.finish_editing();
                self.view.selection.clear();
            }
            UiCommand::TogglePin => {
                let selected: Vec<ClaimId> = self.view.selection.claims.iter().copied().collect();
                let pin = selected
                    .iter()
                    .any(|id| self.doc.map.claims.get(id).is_some_and(|c| !c.pinned));
                self.set_pinned(&selected, pin);
            }
            // Move around
            UiCommand::GoUp => self.go(Arrow::Up),
            UiCommand::GoDown => self.go(Arrow::Down),
            UiCommand::GoLeft => self.go(Arrow::Left),
            UiCommand::GoRight => self.go(Arrow::Right),
            UiCommand::SelectLink => self.select_link(),
            UiCommand::MoveEarlier => self.reorder(false),
            UiCommand::MoveLater => self.reorder(true),
            UiCommand::Find => {
                self.finish_editing();
                if self.overlays.search.is_none() {
                    self.overlays.search = Some(crate::ui::search::Search::default());
                }
            }
            UiCommand::Focus => {
                if let Some(claim) = self.single_selected() {
                    self.focus_on(Some(claim));
                }
            }
            UiCommand::FocusOut => {
                let up = self
                    .shown
                    .folding
                    .focus
                    .and_then(|c| nav::parent(&self.doc.map, c));
                self.focus_on(up);
            }
            // View
            UiCommand::FitView => self.view.camera.fit_requested = true,
            UiCommand::ZoomIn => self.view.camera.zoom_by(ZOOM_STEP),
            UiCommand::ZoomOut => self.view.camera.zoom_by(1.0 / ZOOM_STEP),
            UiCommand::Arrange => self.arrange(Region::All),
            UiCommand::ArrangeSelection => {
                if let Some(root) = self.single_selected() {
                    self.arrange(Region::Subtree(root));
                }
            }
            UiCommand::ArrangeDown => self.arrange_turned(Growth::Down),
            UiCommand::ArrangeRight => self.arrange_turned(Growth::Right),
            UiCommand::ArrangeCompact => self.arrange_packed(Arrangement::Compact),
            UiCommand::ArrangeWide => self.arrange_packed(Arrangement::Wide),
            UiCommand::ToggleFold => self.toggle_fold(),
            UiCommand::UnfoldAll => self.unfold_all(),
            UiCommand::ToggleInspector => self.prefs.hide_inspector = !self.prefs.hide_inspector,
            UiCommand::ToggleOutline => self.prefs.show_outline = !self.prefs.show_outline,
            UiCommand::ToggleSource => self.prefs.show_source = !self.prefs.show_source,
            UiCommand::ToggleMinimap => {
                self.prefs.look.minimap = !self.prefs.look.minimap;
                self.view.look.minimap = self.prefs.look.minimap;
            }
            UiCommand::ToggleContrast => {
                self.prefs.look.high_contrast = !self.prefs.look.high_contrast;
                self.view.look.high_contrast = self.prefs.look.high_contrast;
                prefs::apply_contrast(&self.ctx, self.prefs.look.high_contrast);
            }
            UiCommand::TextLarger => self.scale_text(self.ctx.zoom_factor() * 1.1),
            UiCommand::TextSmaller => self.scale_text(self.ctx.zoom_factor() / 1.1),
            UiCommand::TextReset => self.scale_text(1.0),
            // Evaluate
            UiCommand::ShowEvaluation => {
                self.prefs.show_evaluation = !self.prefs.show_evaluation;
            }
            UiCommand::Accept => self.assess_selection(Some(Assessment::Accepted)),
            UiCommand::Reject => self.assess_selection(Some(Assessment::Rejected)),
            UiCommand::ClearAssessment => self.assess_selection(None),
            UiCommand::WeighWeak => self.weigh_selection(1),
            UiCommand::WeighModest => self.weigh_selection(2),
            UiCommand::WeighModerate => self.weigh_selection(3),
            UiCommand::WeighStrong => self.weigh_selection(4),
            UiCommand::WeighDecisive => self.weigh_selection(5),
            UiCommand::StandardPreponderance => {
                self.standard_of_selection(Standard::Preponderance);
            }
            UiCommand::StandardClearAndConvincing => {
                self.standard_of_selection(Standard::ClearAndConvincing);
            }
            UiCommand::StandardBeyondReasonableDoubt => {
                self.standard_of_selection(Standard::BeyondReasonableDoubt);
            }
            UiCommand::ChecksPanel => self.judged.checks_open = !self.judged.checks_open,
            // Present
            UiCommand::Present => self.start_presenting(),
            UiCommand::StepsPanel => self.steps.open = !self.steps.open,
            // While presenting
            UiCommand::PresentNext => self.present(PresentAction::Next),
            UiCommand::PresentPrevious => self.present(PresentAction::Previous),
            UiCommand::PresentFirst => self.present(PresentAction::First),
            UiCommand::PresentLast => self.present(PresentAction::Last),
            UiCommand::PresentGoTo => self.present(PresentAction::GoTo),
            UiCommand::PresentOverview => self.present(PresentAction::Overview),
            UiCommand::Sources => self.open_sources(),
            UiCommand::PresentNotesHere => self.present(PresentAction::NotesHere),
            UiCommand::PresentQuotes => self.present(PresentAction::Quotes),
            UiCommand::PresentProgress => self.present(PresentAction::Progress),
            UiCommand::PresentWindow => self.present(PresentAction::Window),
            UiCommand::PresentEnd => self.present(PresentAction::End),
            // Presentation steps
            UiCommand::StepSelectPrevious => self.act_on_step(StepAction::SelectPrevious),
            UiCommand::StepSelectNext => self.act_on_step(StepAction::SelectNext),
            UiCommand::StepEarlier => self.act_on_step(StepAction::Earlier),
            UiCommand::StepFirst => self.act_on_step(StepAction::First),
            UiCommand::StepLater => self.act_on_step(StepAction::Later),
            UiCommand::StepJoinNext => self.act_on_step(StepAction::JoinNext),
            UiCommand::StepSplit => self.act_on_step(StepAction::Split),
            UiCommand::StepSkip => self.act_on_step(StepAction::Skip),
            // Help
            UiCommand::Palette => {
                self.finish_editing();
                self.overlays.palette = Some(crate::ui::palette::Palette::default());
            }
            UiCommand::Shortcuts => self.overlays.shortcuts = !self.overlays.shortcuts,
        }
    }
}
