//! The argument map itself: claims, links between them, and what can be
//! derived from their structure. Nothing here knows about files or screens.

mod assess;
mod card;
pub mod find;
pub mod flow;
mod ids;
mod map;
pub mod nav;
pub mod outline_view;
pub mod present;
mod quote;
pub mod reading;
mod reference;
mod repair;
mod role;
mod round;
mod stats;
mod validate;
mod weigh;

pub use assess::{Assessment, EvaluationSettings, Mode};
pub use card::{CARD_QUOTE_WORDS, QuotedWords, card_text};
pub use ids::{ClaimId, LinkId};
pub use map::{
    Arrangement, Citation, Claim, ClaimKind, Growth, Issued, Link, LinkKind, Map, Pos,
    Presentation, Source, StepsBy, Target, derived_title, typed_title,
};
pub use quote::Quote;
pub use reference::{CitationStyle, Day, Name, Work};
pub use role::Role;
pub use round::{Format, Round, Speech};
pub use stats::Stats;
pub use validate::{Problem, Subject};
pub use weigh::{Standard, Weight};

/// The tag a merge puts on each claim it left a conflict on (theirs is in
/// the claim's note); the map checks list such claims until the tag goes.
pub const CONFLICT_TAG: &str = "merge-conflict";
