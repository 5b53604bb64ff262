/** All resolvers, keyed by type. */
import type { Resolvers } from '../generated/graphql.ts';
import { Actor, ActorRelation, ActorRole } from './actor.ts';
import { connectionResolvers } from './connections.ts';
import { Document } from './document.ts';
import { Event, EventParticipant } from './event.ts';
import { Evidence } from './evidence.ts';
import { nodeTypeOf } from './node-type.ts';
import { Query } from './query.ts';
import { ActorMatch } from './matches.ts';
import { Mutation, payloadResolvers } from './mutation.ts';
import { AuditEntry, auditLog } from './audit.ts';
import { DateClaim, Request, RequestItem, RequestParty, RequestResponse, RequestStatusEntry } from './request.ts';
import { DateTime, PartialDate } from './scalars.ts';

export const resolvers: Resolvers = {
  PartialDate,
  DateTime,
  Query: { ...Query, auditLog },
  Mutation,
  AuditEntry,
  ...payloadResolvers,
  Node: { __resolveType: (row) => nodeTypeOf(row) },
  TimelineItem: { __resolveType: (row) => nodeTypeOf(row) as 'Event' | 'Request' | 'RequestResponse' },
  Document,
  Actor,
  ActorRole,
  ActorRelation,
  Event,
  EventParticipant,
  Request,
  RequestParty,
  RequestItem,
  RequestResponse,
  RequestStatusEntry,
  DateClaim,
  Attribution: { actor: (a, _, ctx) => (a.actorId ? ctx.loaders.actor.load(a.actorId) : null) },
  Evidence,
  ActorMatch,
  ...connectionResolvers,
};
