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
 * A quote occurring more than once must say which occurrence it means (1-based).
 */
export type Quote = string | { quote: string; occurrence: number };

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
}

export interface RelationAnnotation {
  kind: 'MEMBER_OF' | 'PART_OF';
  /** Slug of the actor this one is a member or part of. */
  to: string;
  evidence: Quote[];
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
  evidence: Quote[];
}

export interface RequestAnnotation {
  slug: string;
  summary?: string;
  channel?: RequestChannel;
  status?: RequestStatus;
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
