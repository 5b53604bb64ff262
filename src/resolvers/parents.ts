/**
 * The shapes resolvers receive as parents for types that are not Prisma rows (codegen mappers).
 */
import type { Actor, ActorMerge, AuditEntry, Document, Event, Evidence, Request, RequestResponse } from '../generated/prisma/client.ts';
import type { Edge, Page } from '../services/pagination.ts';
import type { SearchHit } from '../services/search.ts';
import type { TimelineEntry } from '../services/timeline.ts';
import type { getStats } from '../services/stats.ts';

export type LocationParent = { name: string; countryCode: string | null };
export type EvidenceContextParent = { before: string; quote: string; after: string };

export type Counted = { actor: Actor; count: number };

export type DocumentConnectionParent = Page<Document>;
export type DocumentEdgeParent = Edge<Document>;
export type DocumentActorConnectionParent = Page<Counted>;
export type DocumentActorEdgeParent = Edge<Counted>;
export type ActorConnectionParent = Page<Actor>;
export type ActorEdgeParent = Edge<Actor>;
export type CoMentionConnectionParent = Page<Counted>;
export type CoMentionEdgeParent = Edge<Counted>;
export type EventConnectionParent = Page<Event>;
export type EventEdgeParent = Edge<Event>;
export type RequestConnectionParent = Page<Request>;
export type RequestEdgeParent = Edge<Request>;
export type RequestResponseConnectionParent = Page<RequestResponse>;
export type RequestResponseEdgeParent = Edge<RequestResponse>;
export type EvidenceConnectionParent = Page<Evidence>;
export type EvidenceEdgeParent = Edge<Evidence>;
export type SearchConnectionParent = Page<SearchHit>;
export type SearchEdgeParent = Edge<SearchHit>;
export type TimelineConnectionParent = Page<TimelineEntry>;
export type TimelineEdgeParent = Edge<TimelineEntry>;
export type StatsParent = Awaited<ReturnType<typeof getStats>>;
export type AuditEntryConnectionParent = Page<AuditEntry>;
export type AuditEntryEdgeParent = Edge<AuditEntry>;
export type MergeActorsPayloadParent = { into: Actor; merge: ActorMerge };
export type DeleteDocumentPayloadParent = { id: string; evidenceDeleted: number };
export type RemoveEvidencePayloadParent = { id: string };
