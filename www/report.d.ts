// The Report contract, mirrored from src/report.rs (the Rust types are the source of truth;
// change both together). Spans (start/end) are UTF-16 code units of the document's text,
// so text.slice(start, end) === span.text. Every id equals the item's index in its array.

export interface ArticleInput { name?: string; text: string; }

export interface Span { start: number; end: number; }

export interface Document {
  id: number; name: string; length: number;
  sentences: Span[]; furniture: Span[]; warnings: string[];
}

export type FigureKind = "quantity" | "ordinal" | "date" | "year" | "time";
export type Change = "=" | "~" | ">" | "<" | "up" | "down";

export interface Figure {
  id: number; doc: number; start: number; end: number; text: string; sentence: number;
  kind: FigureKind;
  value: number;
  low: number | null; high: number | null;
  low_inclusive: boolean; high_inclusive: boolean;
  range: [number, number] | null;
  change: Change;
  unit: string | null; unit_text: string | null;
  concept: string;
  about: string;
  event: string | null;
  time: string | null;
  attribution: string | null;
  /** What the figure is limited to ("Texas", "Egypt", "foreigners"); null = the story overall. */
  scope: string | null;
  /** The source gives it as an earlier value it has replaced ("up from 11"). */
  earlier: boolean;
}

export type EntityKind = "person" | "place" | "org" | "other";

export interface Mention {
  doc: number; start: number; end: number; text: string; sentence: number;
  role: string | null;
}

export interface Entity {
  id: number; kind: EntityKind; name: string; acronym: string | null;
  roles: string[]; mentions: Mention[];
}

export type Status = "agree" | "consistent" | "conflict" | "single";

export interface Fact {
  id: number; label: string; event: string | null; unit: string | null;
  figures: number[]; bounds: [number | null, number | null][]; status: Status;
  consensus: [number | null, number | null] | null;
  outliers: number[]; changing: boolean; timeline: number[]; note: string;
  /** Status and reason in one line ("Conflict — Outlet F (47) is above what the other five allow (41)"). */
  verdict: string;
  /** The fact this one is a part of ("deaths in Kansas" of "deaths"); parts follow their total. */
  parts_of: number | null;
  /** Facts that are parts of this one, in order. */
  parts: number[];
  /** What the parts (of the kind the check reports) add up to; null without parts. */
  parts_sum: [number | null, number | null] | null;
  /** The parts add up to more than the total allows (the verdict says so). */
  parts_exceed: boolean;
  /** Facts giving this amount in another currency at a rate the text gives (shown next to it). */
  currency_links: number[];
}

export interface Quote {
  id: number; doc: number; start: number; end: number; text: string; sentence: number;
  speaker: number | null; speaker_text: string | null; marked: boolean;
}

export interface QuoteGroup { id: number; quotes: number[]; speaker: number | null; similarity: number; }

export interface Summary {
  facts: number; agree: number; consistent: number; conflict: number; single: number;
  changing: number; entities: number; quotes: number; quote_groups: number;
}

export interface Report {
  version: string;
  documents: Document[];
  figures: Figure[];
  entities: Entity[];
  facts: Fact[];
  quotes: Quote[];
  quote_groups: QuoteGroup[];
  summary: Summary;
  notices: string[];
}
