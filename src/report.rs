//! The Report: the one contract shared by the page, the command-line tool and the tests.
//!
//! Plain serde types, no logic beyond small constructors. Every field is documented here and
//! mirrored in TypeScript in `www/report.d.ts`; change both together.
//!
//! Conventions:
//! - Every `id` equals the item's index in its array, so `report.figures[id]` is the figure.
//! - Every `start`/`end` is a half-open span in **UTF-16 code units** of that document's
//!   original text, so that in JavaScript `text.slice(start, end) === span.text`.
//!   (Inside the core, extractors work in UTF-8 byte offsets; [`crate::analyze`] converts
//!   every span once, at the end, with [`crate::text::Utf16Map`].)
//! - Unbounded interval ends are `null` (JSON has no infinity).

use serde::{Deserialize, Serialize};

/// One input article: a display name (outlet, file name) and its plain text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Display name of the source, e.g. "AP" or "003.txt". May be empty.
    #[serde(default)]
    pub name: String,
    /// The article's text, as pasted. Never interpreted as HTML.
    pub text: String,
}

/// The whole comparison of a set of articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Report {
    /// Version of the crosscheck core that produced this report.
    pub version: String,
    /// The input documents, in input order (`id` = position).
    pub documents: Vec<Document>,
    /// Every figure found in every document, documents in order, spans in order.
    pub figures: Vec<Figure>,
    /// Entities clustered across documents (one per real-world entity).
    pub entities: Vec<Entity>,
    /// Figures grouped into facts, with their cross-source status; conflicts first.
    pub facts: Vec<Fact>,
    /// Quotations found in every document.
    pub quotes: Vec<Quote>,
    /// Quotations that state the same thing across documents.
    pub quote_groups: Vec<QuoteGroup>,
    /// Counts for the summary line on top of the page.
    pub summary: Summary,
    /// Plain-language remarks on the input as a whole (e.g. "Only one source: nothing to
    /// compare", "Source 2 looks like it is not in English").
    pub notices: Vec<String>,
}

/// One input document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Document {
    /// Position in the input (0-based).
    pub id: usize,
    /// Display name; "Source N" when the input gave none.
    pub name: String,
    /// Length of the text in UTF-16 code units.
    pub length: u32,
    /// Sentence spans (UTF-16, half-open), in order. Figures, mentions and quotes name
    /// their sentence by index into this list, for provenance.
    pub sentences: Vec<Span>,
    /// Spans of page furniture recognised in the text (bylines, photo credits, captions,
    /// "Related" lists, date lines); nothing inside them is compared.
    pub furniture: Vec<Span>,
    /// Remarks about this document (empty, very short, not English, looked like HTML...).
    pub warnings: Vec<String>,
}

/// A half-open span of a document's text in UTF-16 code units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

/// What sort of number a figure is. Only `quantity` figures are grouped into facts and
/// compared; the others are shown but never compared with counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum FigureKind {
    /// A count or measure: "26 protesters", "$77m", "5 percent", "180-day".
    #[default]
    Quantity,
    /// A rank or position: "12th floor", "third day".
    Ordinal,
    /// A calendar date: "January 6, 2022", "Jan. 31".
    Date,
    /// A year on its own: "in 1993", "since 2019".
    Year,
    /// A clock time: "10:30", "3 p.m.".
    Time,
}

/// One number in one document, as an interval.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Figure {
    /// Index in `Report::figures`.
    pub id: usize,
    /// Document id.
    pub doc: usize,
    /// Span of the whole expression as written, qualifier and unit included
    /// ("more than 3,800 people"), UTF-16.
    pub start: u32,
    pub end: u32,
    /// The text of that span.
    pub text: String,
    /// Index of the sentence in `Document::sentences`.
    pub sentence: usize,
    /// Quantity, ordinal, date, year or time.
    pub kind: FigureKind,
    /// The number as stated ("more than 3,800" → 3800; "5 percent" → 5; "$1.5bn" → 1.5e9;
    /// for a range, its midpoint; for a date, the day as YYYYMMDD).
    pub value: f64,
    /// Lower bound of what the text allows; `null` = unbounded below.
    pub low: Option<f64>,
    /// Upper bound; `null` = unbounded above.
    pub high: Option<f64>,
    /// Whether `low` itself is allowed ("at least 26" yes, "more than 26" no).
    pub low_inclusive: bool,
    /// Whether `high` itself is allowed ("up to 30" yes, "fewer than 30" no).
    pub high_inclusive: bool,
    /// `[lo, hi]` only for an explicit range ("between 20 and 30", "20-30"), else `null`.
    pub range: Option<[f64; 2]>,
    /// NewsQuant's change symbol: `=` exact, `~` approximate, `>` more than / at least,
    /// `<` less than / up to, `up` an increase, `down` a decrease.
    pub change: String,
    /// Normalized unit, lowercase (NewsQuant's names where it has one: `percentage`,
    /// `dollar`, `people`, `year of age`, `day`, ...); `null` when none.
    pub unit: Option<String>,
    /// The unit as written ("per cent", "$", "troops"); `null` when none.
    pub unit_text: Option<String>,
    /// The words for what is counted ("protesters", "law enforcement officers"); may be
    /// empty when the sentence does not say.
    pub concept: String,
    /// The words the quantity is about: its owner or subject as the sentence names it
    /// ("Apple's revenue", "the unemployment rate"), NewsQuant's "referred concepts".
    /// Shown and exported, never used for grouping; empty when the sentence does not say.
    #[serde(default)]
    pub about: String,
    /// Normalized event word (`killed`, `injured`, `detained`, ...) or `null`.
    pub event: Option<String>,
    /// The time the figure refers to or was reported, when the sentence says
    /// ("Friday", "Friday morning", "overnight"); `null` otherwise.
    pub time: Option<String>,
    /// Who the sentence attributes the figure to ("the Interior Ministry", "AFP",
    /// "officials"); `null` otherwise.
    pub attribution: Option<String>,
    /// What the figure is limited to, when its clause says: a place ("Texas"), the
    /// country of a group ("Egypt" for "660 Egyptians"), "foreigners", or a named party
    /// ("Corvo Fire", a candidate); `null` for the story's overall figure. Figures of
    /// different scopes are never one fact.
    #[serde(default)]
    pub scope: Option<String>,
    /// True when the figure's own source gives it as an earlier value it has replaced
    /// ("up from 11", "the previous rate of 5.25%"): shown, never judged as today's.
    #[serde(default)]
    pub earlier: bool,
}

/// Kind of an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Place,
    Org,
    #[default]
    Other,
}

/// One real-world entity, merged across spellings and documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Entity {
    /// Index in `Report::entities`.
    pub id: usize,
    pub kind: EntityKind,
    /// Display name: the fullest, most common spelling.
    pub name: String,
    /// Acronym, when one is defined or used for this entity ("CSTO").
    pub acronym: Option<String>,
    /// Roles or titles seen with the mentions ("President"), most frequent first.
    pub roles: Vec<String>,
    /// Every mention in every document, documents in order.
    pub mentions: Vec<Mention>,
}

/// One mention of an entity in one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Mention {
    pub doc: usize,
    /// Span of the name as written (title excluded), UTF-16.
    pub start: u32,
    pub end: u32,
    pub text: String,
    /// Index of the sentence in `Document::sentences`.
    pub sentence: usize,
    /// Title or role written before the name in this mention ("President"), if any.
    pub role: Option<String>,
}

/// Agreement among the figures of one fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// All values equal.
    Agree,
    /// Values differ but all intervals share a common point.
    Consistent,
    /// Some intervals are disjoint.
    Conflict,
    /// Only one source gives this fact.
    #[default]
    Single,
}

/// Figures from one or more documents that state the same fact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Fact {
    /// Index in `Report::facts`.
    pub id: usize,
    /// A readable label: "protesters killed", "people detained".
    pub label: String,
    /// Normalized event, if the fact has one.
    pub event: Option<String>,
    /// Normalized unit shared by the figures (after conversion), if any.
    pub unit: Option<String>,
    /// Figure ids, in document order (then text order).
    pub figures: Vec<usize>,
    /// Each figure's interval converted to the fact's unit, parallel to `figures`:
    /// `[low, high]`, `null` ends unbounded ("six months" in a fact counted in days is
    /// `[180, 180]`). What the page's range plot draws.
    #[serde(default)]
    pub bounds: Vec<[Option<f64>; 2]>,
    pub status: Status,
    /// The widest interval every figure but the outliers allows: `[low, high]`,
    /// `null` ends unbounded; `null` when there is no common interval at all.
    pub consensus: Option<[Option<f64>; 2]>,
    /// Documents whose figures fall outside the consensus.
    pub outliers: Vec<usize>,
    /// True when the difference is explained by time: the sources report at different
    /// times or say the number rose ("rose to"); `timeline` then orders the figures.
    pub changing: bool,
    /// Figure ids in time order when `changing`, else empty.
    pub timeline: Vec<usize>,
    /// A plain sentence explaining the status ("AP says more than 3,800; ...").
    pub note: String,
    /// The status and its reason in one line, for the head of a table row: "Conflict —
    /// Outlet F (47, Sunday) is above what the other five allow (41)". Built by
    /// `compare::verdict`; the page shows it as it is.
    #[serde(default)]
    pub verdict: String,
    /// The fact this one is a part of: a figure limited to a place, group or named party
    /// ("deaths in Kansas") of the same thing the overall figure counts ("deaths"), given
    /// in the same topic. Parts follow their total in `Report::facts`; `null` otherwise.
    #[serde(default)]
    pub parts_of: Option<usize>,
    /// The facts that are parts of this one (their `parts_of` is this id), in order.
    #[serde(default)]
    pub parts: Vec<usize>,
    /// What the parts add up to, `[low, high]` (`null` high: unbounded), for the parts of
    /// one kind (places, origins or named parties) the check reports; `null` when this
    /// fact has no parts.
    #[serde(default)]
    pub parts_sum: Option<[Option<f64>; 2]>,
    /// True when the parts of one kind add up to more than the total allows and a source
    /// that gives the total also gives a part: a conflict the verdict states ("the parts
    /// given add up to 57, above the total 48"). (Parts from other sources only, above
    /// the figure, say it may itself be a part; the note says so.)
    #[serde(default)]
    pub parts_exceed: bool,
    /// Facts giving this amount in another currency, tied by a rate the text gives (a
    /// conversion in brackets, "€4.6bn ($5bn)", or a rate stated outright, "$1 = 0.92
    /// euros"); the first of them follows this fact in `Report::facts`, and the verdict of
    /// the first-ranked says whether they fit at that rate.
    #[serde(default)]
    pub currency_links: Vec<usize>,
}

/// One quotation in one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Quote {
    /// Index in `Report::quotes`.
    pub id: usize,
    pub doc: usize,
    /// Span of the quoted words, quotation marks excluded, UTF-16.
    pub start: u32,
    pub end: u32,
    pub text: String,
    /// Index of the sentence where the quotation starts.
    pub sentence: usize,
    /// Entity id of the speaker, or `null` when unknown.
    pub speaker: Option<usize>,
    /// The speaker as written near the quote ("Tokayev", "he", "the president"), if any.
    pub speaker_text: Option<String>,
    /// False when the statement was found without quotation marks (a reported sentence
    /// matched to a quotation in another source).
    pub marked: bool,
}

/// Quotations across documents that state the same thing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct QuoteGroup {
    /// Index in `Report::quote_groups`.
    pub id: usize,
    /// Quote ids, in document order.
    pub quotes: Vec<usize>,
    /// Entity id of the common speaker, if the quotes agree on one.
    pub speaker: Option<usize>,
    /// Similarity of the least similar pair (0..1) on normalized tokens.
    pub similarity: f64,
}

/// Counts for the summary line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Summary {
    pub facts: usize,
    pub agree: usize,
    pub consistent: usize,
    pub conflict: usize,
    pub single: usize,
    /// Facts that change over time (counted also under their status).
    pub changing: usize,
    pub entities: usize,
    pub quotes: usize,
    pub quote_groups: usize,
}
