use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{
    Assessment, CitationStyle, ClaimId, EvaluationSettings, LinkId, Name, Quote, Standard, Weight,
    Work,
};

/// An argument map: claims connected by support and attack links.
///
/// Everything a user chose is stored here; everything the structure already
/// says (which claims are premises, counterpoints or rebuttals) is derived,
/// see [`crate::model::Role`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Map {
    /// The map's name, shown in the window title and in exports.
    pub title: String,
    /// The claim the whole map argues for, if the user marked one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thesis: Option<ClaimId>,
    /// The debate round the map flows, if it is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub round: Option<super::Round>,
    /// Documents that claims cite, by a short key such as `"article"`.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub sources: BTreeMap<String, Source>,
    /// Every statement on the map, by id.
    pub claims: BTreeMap<ClaimId, Claim>,
    /// Every inference (support) and conflict (attack), by id.
    pub links: BTreeMap<LinkId, Link>,
    /// The order in which presenting the map reveals its claims, if the
    /// author changed it from the default (see [`crate::model::present`]).
    #[serde(skip_serializing_if = "Presentation::is_default")]
    pub presentation: Presentation,
    /// How the map is evaluated: its mode and the checks switched off.
    #[serde(skip_serializing_if = "EvaluationSettings::is_default")]
    pub evaluation: EvaluationSettings,
    /// Which way arranging lays the map out.
    #[serde(skip_serializing_if = "Growth::is_down")]
    pub direction: Growth,
    /// How closely arranging packs the map.
    #[serde(skip_serializing_if = "Arrangement::is_compact")]
    pub arrangement: Arrangement,
    /// How citations and the reference list are written.
    #[serde(skip_serializing_if = "CitationStyle::is_apa")]
    pub citation_style: CitationStyle,
    /// The highest ids handed out so far (the file keeps them only when a
    /// deleted claim or link held the highest).
    #[serde(skip)]
    pub issued: Issued,
}

/// The highest claim and link ids a map has handed out, deleted ones
/// included, so that a new claim never gets the id of a deleted one: in a
/// team's git, a merge would take it for the old claim changed. It is
/// bookkeeping, not content: two maps that say the same are equal
/// whatever they issued.
#[derive(Clone, Copy, Debug, Default, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Issued {
    /// The highest claim id handed out.
    pub claims: u32,
    /// The highest link id handed out.
    pub links: u32,
}

impl PartialEq for Issued {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Issued {
    /// The larger of each.
    #[must_use]
    pub fn max(self, other: Self) -> Self {
        Self {
            claims: self.claims.max(other.claims),
            links: self.links.max(other.links),
        }
    }
}

/// How arranging packs a claim's answers: claims with no answers of their
/// own stacked in a column under it (the default, as org charts do), or
/// every answer side by side in one row (a wide tidy tree).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Arrangement {
    /// Answers with no answers of their own stacked in a column.
    #[default]
    Compact,
    /// Every answer side by side.
    Wide,
}

impl Arrangement {
    /// Whether this is the default, compact.
    pub fn is_compact(&self) -> bool {
        *self == Self::Compact
    }
}

/// Which way the map grows when arranged: from the thesis down (the
/// default), or from the thesis on the left to the right.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Growth {
    /// Thesis on top, answers in the rows below.
    #[default]
    Down,
    /// Thesis on the left, answers in the columns to its right.
    Right,
}

impl Growth {
    /// Whether this is the default, top-down.
    pub fn is_down(&self) -> bool {
        *self == Self::Down
    }
}

/// The author's order of steps for presenting a map. Claims in no step and
/// not skipped (added later, say) follow in the default order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Presentation {
    /// Each step: the claims it reveals together.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<Vec<ClaimId>>,
    /// Claims never shown while presenting.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub skip: Vec<ClaimId>,
    /// How the steps not placed by hand follow each other.
    #[serde(skip_serializing_if = "StepsBy::is_default")]
    pub order: StepsBy,
}

impl Presentation {
    /// True when nothing was changed from the default order.
    pub fn is_default(&self) -> bool {
        self.steps.is_empty() && self.skip.is_empty() && self.order.is_default()
    }
}

/// The orders a presentation can follow (see `model::present`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum StepsBy {
    /// Each reason followed at once by what answers it, depth first.
    #[default]
    DepthFirst,
    /// The thesis's reasons and objections first, then what answers them,
    /// level by level.
    MainReasonsFirst,
    /// In the order of the source: by the paragraph each step cites.
    Source,
}

impl StepsBy {
    /// Every order, as the steps panel offers them.
    pub const ALL: [Self; 3] = [Self::DepthFirst, Self::MainReasonsFirst, Self::Source];

    /// Whether this is the default order (not written to the file).
    pub fn is_default(&self) -> bool {
        *self == Self::DepthFirst
    }

    /// The order's name for people.
    pub fn label(self) -> &'static str {
        match self {
            Self::DepthFirst => "depth first",
            Self::MainReasonsFirst => "main reasons first",
            Self::Source => "as the source goes",
        }
    }
}

/// A document that claims cite (an article, a book, a transcript).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Source {
    /// The document's title, as a reader would look it up.
    pub title: String,
    /// What kind of work it is (for the reference list).
    #[serde(skip_serializing_if = "Work::is_document")]
    pub work: Work,
    /// Who wrote it, name by name (see [`Source::names`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<Name>,
    /// Who wrote it, in one line: for a source without names in parts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Who edited it (the book a chapter is in).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub editors: Vec<Name>,
    /// Where it appeared: the journal, the newspaper, the website, or the
    /// book a chapter is in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub container: Option<String>,
    /// Who published it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// When it appeared: `2021`, `2021-05` or `2021-05-04`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The volume of a journal or a work in several volumes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volume: Option<String>,
    /// The issue of a journal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issue: Option<String>,
    /// The pages it takes up in its container: `45–67`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<String>,
    /// Its DOI, without `https://doi.org/`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doi: Option<String>,
    /// Its ISBN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub isbn: Option<String>,
    /// Where to find it: a web address or a path.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When the web address was read, as for `date`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accessed: Option<String>,
    /// Anything a reader should know, such as how paragraphs are counted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The document as a local file, relative to the map's folder (with
    /// `/` between folders), for the source panel and coverage.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Paragraphs marked "not argument" (background, anecdote): they do
    /// not count towards coverage.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_argument: Vec<u32>,
}

impl Source {
    /// Takes the reference details of `details` (an entry imported from
    /// BibTeX or CSL-JSON) in place of its own; its file, note and the
    /// paragraphs marked not argument stay.
    pub fn take_details(&mut self, details: Self) {
        *self = Self {
            path: self.path.take(),
            note: self.note.take(),
            not_argument: std::mem::take(&mut self.not_argument),
            ..details
        };
    }

    /// Its authors: its names in parts, or its one-line author as one
    /// name.
    pub fn names(&self) -> Vec<Name> {
        if !self.authors.is_empty() {
            return self
                .authors
                .iter()
                .filter(|n| !n.is_empty())
                .cloned()
                .collect();
        }
        self.author
            .as_deref()
            .filter(|a| !a.trim().is_empty())
            .map(|a| vec![Name::whole(a)])
            .unwrap_or_default()
    }

    /// The cite a debater writes after a card's tag: "Doe 2021", "Doe and
    /// Roe 2021", "Doe et al. 2021" ("n.d." for no date, "Doe" alone for
    /// no one named but a year); `None` when the source names no one and
    /// gives no year, which no cite can be made of.
    pub fn short_cite(&self) -> Option<String> {
        let names = self.names();
        let year = self
            .date
            .as_deref()
            .and_then(super::Day::parse)
            .map(|d| d.year.to_string());
        let who = match names.as_slice() {
            [] => None,
            [one] => Some(one.surname()),
            [one, two] => Some(format!("{} and {}", one.surname(), two.surname())),
            [one, ..] => Some(format!("{} et al.", one.surname())),
        };
        match (who, year) {
            (Some(who), Some(year)) => Some(format!("{who} {year}")),
            (Some(who), None) => Some(format!("{who} n.d.")),
            (None, Some(year)) => {
                let title = self.title.trim();
                (!title.is_empty()).then(|| format!("{title} {year}"))
            }
            (None, None) => None,
        }
    }

    /// Whether it says more than its title: who made it, when, where it
    /// appeared or how to find it, as a reference list needs.
    pub fn has_reference_details(&self) -> bool {
        let set = |v: &Option<String>| v.as_deref().is_some_and(|t| !t.trim().is_empty());
        !self.authors.is_empty()
            || [
                &self.author,
                &self.date,
                &self.container,
                &self.publisher,
                &self.doi,
                &self.isbn,
            ]
            .into_iter()
            .any(set)
    }
}

/// A statement on the map (an AIF "I-node").
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Claim {
    /// What the claim says.
    pub text: String,
    /// A short name for the claim (a few words, like Argdown's
    /// `[Title]`), when the user gave one; see [`Claim::shown_title`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// What the structure cannot tell: a plain claim, evidence, or a note.
    #[serde(skip_serializing_if = "ClaimKind::is_claim")]
    pub kind: ClaimKind,
    /// In a round, the speech that made it ("1NC"); its side follows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speech: Option<String>,
    /// A longer explanation, kept out of the card.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Where in a source the claim comes from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Citation>,
    /// The centre of the claim's card on the canvas, in map units.
    pub pos: Pos,
    /// Free labels, in the user's order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Arranging leaves a pinned claim where the user put it.
    #[serde(skip_serializing_if = "is_false")]
    pub pinned: bool,
    /// Accepted or rejected by the user; unassessed when `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assessment: Option<Assessment>,
    /// How clearly its reasons must outweigh its objections; the map's
    /// default when `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub standard: Option<Standard>,
}
#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
fn is_false(value: &bool) -> bool {
    !*value
}

impl Claim {
    /// The claim's title, or one derived from its first words (cut at a
    /// word boundary) when it has none; never stored.
    pub fn shown_title(&self) -> String {
        match self.title.as_deref().map(str::trim) {
            Some(title) if !title.is_empty() => title.to_owned(),
            _ => derived_title(&self.text),
        }
    }

    /// A plain claim with `text` at `pos`.
    pub fn new(text: impl Into<String>, pos: Pos) -> Self {
        Self {
            text: text.into(),
            pos,
            ..Self::default()
        }
    }
}

/// What kind of statement a claim is, where its links cannot tell.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ClaimKind {
    /// A statement argued for or against.
    #[default]
    Claim,
    /// A fact, figure, quotation or study offered as grounds.
    Evidence,
    /// A comment on the map, not part of the argument.
    Note,
}

impl ClaimKind {
    /// Every kind, in menu order.
    pub const ALL: [Self; 3] = [Self::Claim, Self::Evidence, Self::Note];

    /// True for the plain kind, which files leave out.
    pub fn is_claim(&self) -> bool {
        *self == Self::Claim
    }

    /// The kind's name for people.
    pub fn label(self) -> &'static str {
        match self {
            Self::Claim => "claim",
            Self::Evidence => "evidence",
            Self::Note => "note",
        }
    }
}

/// A reference to a place in one of the map's sources.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Citation {
    /// The key of the source in [`Map::sources`].
    pub doc: String,
    /// The paragraph cited, counting from 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub para: Option<u32>,
    /// The last paragraph of a range (¶10–11), when it goes on past `para`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<u32>,
    /// The exact words the claim restates, as a span of the source's text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<Quote>,
}

impl Citation {
    /// A citation of paragraph `para` of source `doc`.
    pub fn paragraph(doc: impl Into<String>, para: u32) -> Self {
        Self {
            doc: doc.into(),
            para: Some(para),
            to: None,
            quote: None,
        }
    }

    /// The paragraphs cited, first and last (the same for one).
    pub fn paragraphs(&self) -> Option<(u32, u32)> {
        let first = self.para?;
        Some((first, self.to.filter(|&t| t > first).unwrap_or(first)))
    }

    /// The words it quotes, read from the paragraphs `paragraph` gives
    /// (by number), if they are still the ones quoted; a quote may run over
    /// paragraph breaks (at most [`Citation::QUOTE_SPAN`] paragraphs).
    pub fn quoted_words<'a>(&self, paragraph: impl Fn(u32) -> Option<&'a str>) -> Option<String> {
        let quote = self.quote.as_ref()?;
        let (first, last) = quote.span(self.para?);
        if last - first >= Self::QUOTE_SPAN {
            return None;
        }
        let texts: Option<Vec<&str>> = (first..=last).map(&paragraph).collect();
        quote.words_across(&texts?)
    }

    /// The most paragraphs one quote may run over.
    pub const QUOTE_SPAN: u32 = 50;

    /// "¶10" or "¶10–11".
    pub fn label(&self) -> Option<String> {
        let (first, last) = self.paragraphs()?;
        Some(if last > first {
            format!("¶{first}–{last}")
        } else {
            format!("¶{first}")
        })
    }
}

/// A point on the canvas, in map units; written as `(x, y)`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "(f32, f32)", into = "(f32, f32)")]
pub struct Pos {
    /// Left to right.
    pub x: f32,
    /// Top to bottom.
    pub y: f32,
}

impl Pos {
    /// The point (`x`, `y`).
    pub const fn new(x: f32, y: f32) -> Self {
        Self { x, y }
    }

    /// True when both coordinates are ordinary numbers (not NaN or infinite).
    pub fn is_finite(self) -> bool {
        self.x.is_finite() && self.y.is_finite()
    }
}

impl From<(f32, f32)> for Pos {
    fn from((x, y): (f32, f32)) -> Self {
        Self { x, y }
    }
}

impl From<Pos> for (f32, f32) {
    fn from(pos: Pos) -> Self {
        (pos.x, pos.y)
    }
}

/// An inference (AIF "RA-node") or a conflict (AIF "CA-node").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// Whether the premises support or attack the target.
    pub kind: LinkKind,
    /// The claims the link rests on. More than one makes them linked
    /// premises: they count only together.
    pub premises: Vec<ClaimId>,
    /// What the link supports or attacks.
    pub target: Target,
    /// How much it counts when reasons are weighed against objections.
    #[serde(default, skip_serializing_if = "Weight::is_full")]
    pub weight: Weight,
}

impl Link {
    /// The words that lead its premises in an outline read aloud:
    /// Whether `other` joins the same claims the same way (kind, premises,
    /// target), whatever each weighs.
    pub fn joins_as(&self, other: &Self) -> bool {
        self.kind == other.kind && self.premises == other.premises && self.target == other.target
    }

    /// "because", "but", or for an undercut "but that does not follow:"
    /// (the outline panel, the Markdown outline and the clipboard's text
    /// all read links with these words).
    pub fn connective(&self) -> &'static str {
        match self.target {
            Target::Link(_) => "but that does not follow:",
            Target::Claim(_) => self.kind.connective(),
        }
    }

    /// The connective with the link's weight when it is below full:
    /// "because (strong)", "but that does not follow (weak):". How every
    /// written outline (Markdown, the handout's reading view) reads a link.
    pub fn weighed_connective(&self) -> String {
        let connective = self.connective();
        if self.weight == Weight::FULL {
            return connective.to_owned();
        }
        let weight = self.weight.name();
        match connective.strip_suffix(':') {
            Some(stem) => format!("{stem} ({weight}):"),
            None => format!("{connective} ({weight})"),
        }
    }

    /// A link of `kind` from `premises` to `target`.
    pub fn new(kind: LinkKind, premises: Vec<ClaimId>, target: Target) -> Self {
        Self {
            kind,
            premises,
            target,
            weight: Weight::FULL,
        }
    }
}

/// Whether a link gives a reason for its target or an objection to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LinkKind {
    /// The premises are a reason for the target.
    Support,
    /// The premises are an objection to the target.
    Attack,
}

impl LinkKind {
    /// The other kind.
    #[must_use]
    pub fn flipped(self) -> Self {
        match self {
            Self::Support => Self::Attack,
            Self::Attack => Self::Support,
        }
    }

    /// The word that reads a link aloud: "because" for support, "but" for attack.
    pub fn connective(self) -> &'static str {
        match self {
            Self::Support => "because",
            Self::Attack => "but",
        }
    }
}

/// What a link points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Target {
    /// A claim.
    Claim(ClaimId),
    /// Another link: an attack on a link is an undercutter, which denies
    /// that its premises support its conclusion.
    Link(LinkId),
}

impl Map {
    /// What to call source `key`: its title, or the key when the map has
    /// no such source.
    pub fn source_title<'a>(&'a self, key: &'a str) -> &'a str {
        self.sources.get(key).map_or(key, |s| s.title.as_str())
    }

    /// A citation in words: the source's title and the paragraphs cited
    /// ("Article on…, ¶4–5").
    pub fn citation_text(&self, citation: &Citation) -> String {
        let title = self.source_title(&citation.doc);
        match citation.label() {
            Some(label) => format!("{title}, {label}"),
            None => title.to_owned(),
        }
    }

    /// The title a page or a handout heads the map with: its own, or
    /// "Argument map" when it has none.
    pub fn heading(&self) -> &str {
        let title = self.title.trim();
        if title.is_empty() {
            "Argument map"
        } else {
            title
        }
    }

    /// An empty map called `title`.
    pub fn new(title: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            ..Self::default()
        }
    }

    /// The id the next new claim gets: one past the highest in use, so ids
    /// of deleted claims are not reused.
    pub fn next_claim_id(&self) -> ClaimId {
        let id = next_free(self.claims.keys().map(|id| id.0));
        match self.issued.claims.checked_add(1) {
            Some(after) if after > id && !self.claims.contains_key(&ClaimId(after)) => {
                ClaimId(after)
            }
            _ => ClaimId(id),
        }
    }

    /// The id the next new link gets: one past the highest in use or ever
    /// handed out.
    pub fn next_link_id(&self) -> LinkId {
        let id = next_free(self.links.keys().map(|id| id.0));
        match self.issued.links.checked_add(1) {
            Some(after) if after > id && !self.links.contains_key(&LinkId(after)) => LinkId(after),
            _ => LinkId(id),
        }
    }

    /// Remembers that claim `id` was handed out (or is going away), so no
    /// new claim gets it.
    pub fn mark_claim_issued(&mut self, id: ClaimId) {
        self.issued.claims = self.issued.claims.max(id.0);
    }

    /// Remembers that link `id` was handed out (or is going away).
    pub fn mark_link_issued(&mut self, id: LinkId) {
        self.issued.links = self.issued.links.max(id.0);
    }

    /// Adds `claim` under a new id and returns the id.
    pub fn add_claim(&mut self, claim: Claim) -> ClaimId {
        let id = self.next_claim_id();
        self.claims.insert(id, claim);
        self.mark_claim_issued(id);
        id
    }

    /// Adds `link` under a new id and returns the id.
    pub fn add_link(&mut self, link: Link) -> LinkId {
        let id = self.next_link_id();
        self.links.insert(id, link);
        self.mark_link_issued(id);
        id
    }

    /// The links that point at `target`, in id order.
    pub fn links_into(&self, target: Target) -> impl Iterator<Item = (LinkId, &Link)> {
        self.links
            .iter()
            .filter(move |(_, link)| link.target == target)
            .map(|(id, link)| (*id, link))
    }

    /// The links that `claim` is a premise of, in id order.
    pub fn links_from(&self, claim: ClaimId) -> impl Iterator<Item = (LinkId, &Link)> {
        self.links
            .iter()
            .filter(move |(_, link)| link.premises.contains(&claim))
            .map(|(id, link)| (*id, link))
    }

    /// The part of the map made of `keep`: those claims, and the links
    /// whose premises and target are all kept (an undercut only with the
    /// link it attacks). Ids stay as they are; the thesis stays if kept.
    #[must_use]
    pub fn subset(&self, keep: &std::collections::BTreeSet<ClaimId>) -> Self {
        let claims: BTreeMap<ClaimId, Claim> = self
            .claims
            .iter()
            .filter(|(id, _)| keep.contains(id))
            .map(|(&id, claim)| (id, claim.clone()))
            .collect();
        let mut links: BTreeMap<LinkId, Link> = self
            .links
            .iter()
            .filter(|(_, link)| link.premises.iter().all(|p| claims.contains_key(p)))
            .filter(|(_, link)| match link.target {
                Target::Claim(c) => claims.contains_key(&c),
                Target::Link(_) => true,
            })
            .map(|(&id, link)| (id, link.clone()))
            .collect();
        // Drop undercuts of dropped links, until none is left dangling.
        loop {
            let dangling: Vec<LinkId> = links
                .iter()
                .filter(
                    |(_, link)| matches!(link.target, Target::Link(l) if !links.contains_key(&l)),
                )
                .map(|(&id, _)| id)
                .collect();
            if dangling.is_empty() {
                break;
            }
            for id in dangling {
                links.remove(&id);
            }
        }
        Self {
            title: self.title.clone(),
            thesis: self.thesis.filter(|t| claims.contains_key(t)),
            round: self.round.clone(),
            sources: self.sources.clone(),
            evaluation: self.evaluation.clone(),
            direction: self.direction,
            arrangement: self.arrangement,
            citation_style: self.citation_style,
            issued: self.issued,
            presentation: Presentation {
                steps: self
                    .presentation
                    .steps
                    .iter()
                    .map(|step| {
                        step.iter()
                            .copied()
                            .filter(|c| claims.contains_key(c))
                            .collect::<Vec<_>>()
                    })
                    .filter(|step| !step.is_empty())
                    .collect(),
                skip: self
                    .presentation
                    .skip
                    .iter()
                    .copied()
                    .filter(|c| claims.contains_key(c))
                    .collect(),
                order: self.presentation.order,
            },
            claims,
            links,
        }
    }
}

/// One past the highest of `ids` (ascending), or, when a hand-edited file
/// already uses the highest possible id, the lowest unused one, so a new
/// entry never replaces an old one.
fn next_free(ids: impl DoubleEndedIterator<Item = u32> + Clone) -> u32 {
    match ids.clone().next_back() {
        None => 1,
        Some(u32::MAX) => {
            let mut candidate = 1;
            for id in ids {
                if id > candidate {
                    break;
                }
                candidate = id.saturating_add(1);
            }
            candidate
        }
        Some(highest) => highest + 1,
    }
}

/// The title a user typed, as a claim keeps it: one line (line breaks
/// become spaces), and none at all when it is blank, so the card shows
/// its first words instead.
pub fn typed_title(typed: &str) -> Option<String> {
    let title = typed.replace(['\n', '\r'], " ");
    (!title.trim().is_empty()).then_some(title)
}

/// A title from the first words of `text`: up to five words and about 32
/// characters, cut at a word boundary, trailing punctuation dropped.
pub fn derived_title(text: &str) -> String {
    let mut title = String::new();
    for (n, word) in text.split_whitespace().enumerate() {
        let longer = title.chars().count() + 1 + word.chars().count();
        if n == 5 || (n > 0 && longer > 32) {
            break;
        }
        if !title.is_empty() {
            title.push(' ');
        }
        title.push_str(word);
    }
    let kept = title
        .trim_end_matches([',', ';', ':', '.', '—', '–', '-'])
        .len();
    title.truncate(kept);
    title
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_ids_never_replace_old_ones() {
        assert_eq!(next_free([].into_iter()), 1);
        assert_eq!(next_free([1, 2, 7].into_iter()), 8);
        assert_eq!(next_free([2, 3, u32::MAX].into_iter()), 1);
        assert_eq!(next_free([1, 2, 4, u32::MAX].into_iter()), 3);

        let mut map = Map::new("ids");
        map.claims
            .insert(ClaimId(u32::MAX), Claim::new("last", Pos::default()));
        let id = map.add_claim(Claim::new("new", Pos::default()));
        assert_eq!(id, ClaimId(1));
        assert_eq!(map.claims.len(), 2);
    }

    #[test]
    fn a_typed_title_is_one_line_and_blank_is_none() {
        assert_eq!(typed_title("Rule by law"), Some("Rule by law".to_owned()));
        assert_eq!(typed_title("Rule\nby law"), Some("Rule by law".to_owned()));
        assert_eq!(typed_title(" \n\t "), None);
    }
}
