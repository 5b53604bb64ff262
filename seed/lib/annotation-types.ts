/**
 * The shape of the curated facts in seed/annotations/<document>.ts.
 *
 * Each file holds the facts ONE document supports; every quote in it is looked up in that document's
 * body. Records are keyed by slug (actors, events, requests) or by a key within their parent (roles,
 * relations, items, responses): the same slug in two files is ONE record, whose evidence is the union of
 * both files' quotes. A scalar attribute (name, kind, date…) may be stated in any file; stating it twice
 * with different values is an error that names both files.
 */

export type ActorKind = 'PERSON' | 'ORGANIZATION' | 'STATE' | 'GROUP' | 'OTHER';
export type EventKind =
  | 'LETTER' | 'MEETING' | 'SUMMIT' | 'STATEMENT' | 'DECISION' | 'MISSION' | 'VISIT'
  | 'ANNOUNCEMENT' | 'CEREMONY' | 'ESTABLISHMENT' | 'CONFLICT' | 'OTHER';
export type EventStatus = 'OCCURRED' | 'PLANNED';
export type ParticipantRole = 'SENDER' | 'RECIPIENT' | 'HOST' | 'ATTENDEE' | 'SPEAKER' | 'SUBJECT';
export type RequestChannel = 'LETTER' | 'MEETING' | 'SPEECH' | 'STATEMENT' | 'OTHER';
export type RequestStatus =
  | 'PENDING' | 'UNDER_CONSIDERATION' | 'ACCEPTED' | 'PARTIALLY_ACCEPTED' | 'DECLINED' | 'FULFILLED' | 'UNKNOWN';
export type ItemCategory =
  | 'TRAINING' | 'EQUIPMENT' | 'TECHNICAL_ASSISTANCE' | 'TROOPS' | 'FUNDING' | 'MISSION' | 'ADVICE' | 'OTHER';
export type Stance = 'SUPPORTS' | 'CONSIDERING' | 'NONCOMMITTAL' | 'ACCEPTS' | 'DECLINES' | 'CONDITIONS';

/**
 * A span of this document: the exact characters, copied verbatim (the seed finds their offsets).
 * A quote occurring more than once must say which occurrence it means (1-based). The object form can
 * also say who the text attributes the words to (an actor's slug and/or a description of an unnamed
 * source, "a NATO official") and whether the wording is hedged ("in a possible sign of agreement").
 */
export type Quote = string | {
  quote: string;
  occurrence?: number;
  /** Slug of the actor the text attributes the words to. */
  attributedTo?: string;
  /** How the text describes an unnamed source ("a NATO official", "five senior NATO diplomats"). */
  attribution?: string;
  hedged?: boolean;
};

/**
 * A source from the public record (outside the corpus) for a fact the texts do not state: only
 * well-known, official sources, and only for facts they state.
 */
export interface CitationAnnotation {
  title: string;
  publisher: string;
  url?: string;
  /** The source's own date. */
  published?: PartialDateText;
  /** What the source says that supports the fact. */
  note?: string;
}

/** A number the text states: `text` is the words as written and must occur in this document. */
export interface QuantityAnnotation {
  amount: number;
  unit: string;
  qualifier?: 'EXACT' | 'ABOUT' | 'UP_TO' | 'LESS_THAN' | 'MORE_THAN';
  text: string;
  note?: string;
}

/**
 * One date a source claims for an event or a request. When sources disagree, every claim is kept; the
 * claim the record's own date follows is `used: true` (exactly one) and its note says why.
 */
export interface DateClaimAnnotation {
  /** Unique within the record. */
  key: string;
  date?: PartialDateText;
  /** The claim as the source words it ("received Monday", "a June 20 letter"). */
  claim?: string;
  used?: boolean;
  note?: string;
  evidence?: Quote[];
  citations?: CitationAnnotation[];
}

/** One step of a request's status over time, supported by quotes and/or citations. */
export interface StatusEntryAnnotation {
  /** Unique within the request, stable across edits; entries are also ordered by it when undated. */
  key: string;
  status?: RequestStatus;
  date?: PartialDateText;
  dateNote?: string;
  note?: string;
  evidence?: Quote[];
  citations?: CitationAnnotation[];
}

/** "2004", "2004-06" or "2004-06-21": never more precise than the source allows. */
export type PartialDateText = string;

export interface ActorAnnotation {
  slug: string;
  name?: string;
  kind?: ActorKind;
  /** ISO 3166-1 alpha-3. */
  countryCode?: string;
  description?: string;
  /** Names the actor goes by (the canonical name is added automatically). */
  aliases?: string[];
  /** Spans of this document that mention the actor. */
  mentions?: Quote[];
  roles?: RoleAnnotation[];
  relations?: RelationAnnotation[];
}

export interface RoleAnnotation {
  /** Unique within the actor, stable across edits (e.g. "pm-2004"). */
  key: string;
  title?: string;
  /** Slug of the state or organisation the role is held in. */
  within?: string;
  from?: PartialDateText;
  to?: PartialDateText;
  /** How from/to were established when the text does not state them. */
  dateNote?: string;
  evidence: Quote[];
  citations?: CitationAnnotation[];
}

export interface RelationAnnotation {
  kind: 'MEMBER_OF' | 'PART_OF';
  /** Slug of the actor this one is a member or part of. */
  to: string;
  /** When the membership began and ended (a missing bound is unknown). */
  since?: PartialDateText;
  until?: PartialDateText;
  dateNote?: string;
  evidence: Quote[];
  citations?: CitationAnnotation[];
}

export interface ParticipantAnnotation {
  actor: string;
  role: ParticipantRole;
  evidence?: Quote[];
}

export interface EventAnnotation {
  slug: string;
  kind?: EventKind;
  status?: EventStatus;
  title?: string;
  summary?: string;
  start?: PartialDateText;
  end?: PartialDateText;
  /** How the dates were established (e.g. "'last Sunday' relative to publication"). */
  dateNote?: string;
  location?: { name: string; countryCode?: string };
  participants?: ParticipantAnnotation[];
  evidence?: Quote[];
  citations?: CitationAnnotation[];
  quantities?: QuantityAnnotation[];
  dateClaims?: DateClaimAnnotation[];
}

export interface PartyAnnotation {
  actor: string;
  /** Slug of the state/government this actor asked on behalf of. */
  onBehalfOf?: string;
}

export interface ItemAnnotation {
  /** Unique within the request, stable across edits (e.g. "training", "troops-excluded"). */
  key: string;
  category?: ItemCategory;
  description?: string;
  /** True for what was explicitly NOT asked for. */
  excluded?: boolean;
  evidence: Quote[];
  quantities?: QuantityAnnotation[];
}

export interface ResponseAnnotation {
  /** Unique within the request, stable across edits. */
  key: string;
  responder?: string;
  stance?: Stance;
  date?: PartialDateText;
  dateNote?: string;
  /** Slug of the event at which the response was given. */
  event?: string;
  summary?: string;
  /** Keys of the request's items this response answers (omitted: the whole request). */
  answers?: string[];
  /** Quotes of this document; a response known only from the public record has citations instead. */
  evidence?: Quote[];
  citations?: CitationAnnotation[];
  quantities?: QuantityAnnotation[];
}

export interface RequestAnnotation {
  slug: string;
  summary?: string;
  channel?: RequestChannel;
  /** The current status; with a status history it must equal the latest entry's (or be omitted). */
  status?: RequestStatus;
  /** Where the request stood over time. */
  statusHistory?: StatusEntryAnnotation[];
  dateClaims?: DateClaimAnnotation[];
  date?: PartialDateText;
  dateNote?: string;
  /** Slug of the event the request was made at or through. */
  madeAt?: string;
  requesters?: PartyAnnotation[];
  addressees?: PartyAnnotation[];
  items?: ItemAnnotation[];
  responses?: ResponseAnnotation[];
  evidence?: Quote[];
}

export interface DocumentAnnotations {
  /** The document's slug: its file name in seed/documents without ".txt". */
  document: string;
  actors?: ActorAnnotation[];
  events?: EventAnnotation[];
  requests?: RequestAnnotation[];
}

/** Identity helper that gives annotation files type checking and editor completion. */
export function defineAnnotations(a: DocumentAnnotations): DocumentAnnotations {
  return a;
}

/** seed/documents/<slug>.meta.json */
export interface DocumentMeta {
  title: string;
  publisher: string;
  url: string | null;
  language: string;
  published: PartialDateText | null;
  /** How the publication date was established (the texts carry no years). */
  publishedNote: string;
}
