/**
 * The shapes resolvers receive as parents for types that are not Prisma rows (codegen mappers).
 */
import type { Actor, ActorMerge, AuditEntry, Document, Event, Evidence, Request, RequestResponse } from '../generated/prisma/client.ts';
import type { Edge, Page } from '../services/pagination.ts';
import type { SearchHit } from '../services/search.ts';
import type { TimelineEntry } from '../services/timeline.ts';
import type { getStats } from '../services/stats.ts';
import type { Affiliation, Match } from '../services/affiliation.ts';

export type AttributionParent = { actorId: string | null; description: string | null };
/**
 * A document as lists and loaders read it: without its body (~3 KB each) unless the row came from a
 * lookup or a write that has it; the body, excerpt and evidence context load it when asked for.
 */
export type DocumentParent = Omit<Document, 'body'> & { body?: string };

export type LocationParent = { name: string; countryCode: string | null };
export type EvidenceContextParent = { before: string; quote: string; after: string };

export type Counted = { actor: Actor; count: number };

/** An actor filter of a list, for its edges' `matchedVia` (`side`: only parties on that side). */
export type MatchFilter = { affiliation: Affiliation; side?: 'REQUESTER' | 'ADDRESSEE' };
/** Edges of lists filtered by actors carry the filters, so `matchedVia` can explain each record. */
export type Matched = { filters?: MatchFilter[] };
export type ActorMatchParent = Match;

export type DocumentConnectionParent = Page<DocumentParent>;
export type DocumentEdgeParent = Edge<DocumentParent>;
export type DocumentActorConnectionParent = Page<Counted>;
export type DocumentActorEdgeParent = Edge<Counted>;
export type ActorConnectionParent = Page<Actor>;
export type ActorEdgeParent = Edge<Actor>;
export type CoMentionConnectionParent = Page<Counted>;
export type CoMentionEdgeParent = Edge<Counted>;
export type EventConnectionParent = Page<Event>;
export type EventEdgeParent = Edge<Event> & Matched;
export type RequestConnectionParent = Page<Request>;
export type RequestEdgeParent = Edge<Request> & Matched;
export type RequestResponseConnectionParent = Page<RequestResponse>;
export type RequestResponseEdgeParent = Edge<RequestResponse> & Matched;
export type EvidenceConnectionParent = Page<Evidence>;
export type EvidenceEdgeParent = Edge<Evidence>;
export type SearchConnectionParent = Page<SearchHit>;
export type SearchEdgeParent = Edge<SearchHit>;
export type TimelineConnectionParent = Page<TimelineEntry>;
export type TimelineEdgeParent = Edge<TimelineEntry> & Matched;
export type StatsParent = Awaited<ReturnType<typeof getStats>>;
export type AuditEntryConnectionParent = Page<AuditEntry>;
export type AuditEntryEdgeParent = Edge<AuditEntry>;
export type MergeActorsPayloadParent = { into: Actor; merge: ActorMerge };
export type DeleteDocumentPayloadParent = { id: string; evidenceDeleted: number };
export type RemoveEvidencePayloadParent = { id: string };
