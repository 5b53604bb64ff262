/**
 * Mutations: decode IDs and slugs, hand plain values to the write services (which check roles,
 * validate, and run everything in one audited transaction), wrap the result in its payload.
 */
import type { Context } from '../context.ts';
import type { EvidenceInput as ApiEvidenceInput, MutationResolvers, Resolvers, ParticipantInput as ApiParticipant, PartyInput as ApiParty } from '../generated/graphql.ts';
import type { EvidenceTarget } from '../generated/prisma/client.ts';
import { badInput } from '../domain/errors.ts';
import { assertRole } from '../domain/auth.ts';
import { clearLoaders } from '../loaders/index.ts';
import { addActorAlias, addActorRole, createActor, mergeActors, removeActorAlias, updateActor } from '../services/actors-write.ts';
import { deleteDocument, ingestDocument, updateDocument } from '../services/documents-write.ts';
import { addEventParticipant, createEvent, updateEvent } from '../services/events-write.ts';
import { addEvidence, removeEvidence, type EvidenceInput } from '../services/evidence-write.ts';
import { addRequestResponse, createRequest, setRequestStatus, updateRequest } from '../services/requests-write.ts';
import { fromGlobalId, toGlobalId, type NodeType } from './global-id.ts';
import { requireRef, resolveRef } from './lookups.ts';

async function evidence(ctx: Context, list: ApiEvidenceInput[] | null | undefined, field = 'evidence'): Promise<EvidenceInput[]> {
  if (!list) return [];
  return Promise.all(list.map(async (e, i) => ({
    documentId: await requireRef(ctx, 'Document', e.document, `${field}[${i}].document`),
    start: e.start, end: e.end, quote: e.quote, occurrence: e.occurrence,
    attributedToId: await resolveRef(ctx, 'Actor', e.attributedTo, `${field}[${i}].attributedTo`, 'NOT_FOUND'),
    attribution: e.attribution, hedged: e.hedged,
  })));
}

const parties = (ctx: Context, list: ApiParty[], field: string) =>
  Promise.all(list.map(async (p, i) => ({
    actorId: await requireRef(ctx, 'Actor', p.actor, `${field}[${i}].actor`),
    onBehalfOfId: await resolveRef(ctx, 'Actor', p.onBehalfOf, `${field}[${i}].onBehalfOf`, 'NOT_FOUND'),
  })));

const participant = async (ctx: Context, p: ApiParticipant, field: string) => ({
  actorId: await requireRef(ctx, 'Actor', p.actor, `${field}.actor`),
  role: p.role,
  evidence: await evidence(ctx, p.evidence, `${field}.evidence`),
});

const TARGETS: Partial<Record<NodeType, EvidenceTarget>> = {
  Actor: 'ACTOR', ActorRole: 'ACTOR_ROLE', ActorRelation: 'ACTOR_RELATION', Event: 'EVENT',
  EventParticipant: 'EVENT_PARTICIPANT', Request: 'REQUEST', RequestItem: 'REQUEST_ITEM', RequestResponse: 'REQUEST_RESPONSE',
  RequestStatusEntry: 'REQUEST_STATUS', DateClaim: 'DATE_CLAIM',
};

const idOf = (id: string, type: NodeType) => fromGlobalId(id, type).id;

const resolvers: MutationResolvers = {
  ingestDocument: async (_, { input }, ctx) => ({ document: await ingestDocument(ctx.db, ctx.viewer, input) }),
  updateDocument: async (_, { input: { id, expectedVersion, ...rest } }, ctx) =>
    ({ document: await updateDocument(ctx.db, ctx.viewer, idOf(id, 'Document'), expectedVersion, rest) }),
  deleteDocument: async (_, { input }, ctx) => deleteDocument(ctx.db, ctx.viewer, idOf(input.id, 'Document'), input.cascade ?? false),

  createActor: async (_, { input }, ctx) =>
    ({ actor: await createActor(ctx.db, ctx.viewer, { ...input, evidence: await evidence(ctx, input.evidence) }) }),
  updateActor: async (_, { input: { id, expectedVersion, ...rest } }, ctx) =>
    ({ actor: await updateActor(ctx.db, ctx.viewer, idOf(id, 'Actor'), expectedVersion, rest) }),
  addActorAlias: async (_, { input }, ctx) =>
    ({ actor: await addActorAlias(ctx.db, ctx.viewer, await requireRef(ctx, 'Actor', input.actor, 'actor'), input.name) }),
  removeActorAlias: async (_, { input }, ctx) =>
    ({ actor: await removeActorAlias(ctx.db, ctx.viewer, await requireRef(ctx, 'Actor', input.actor, 'actor'), input.name) }),
  mergeActors: async (_, { input }, ctx) =>
    mergeActors(ctx.db, ctx.viewer, await requireRef(ctx, 'Actor', input.into, 'into'), await requireRef(ctx, 'Actor', input.from, 'from')),
  addActorRole: async (_, { input }, ctx) => ({
    role: await addActorRole(ctx.db, ctx.viewer, {
      actorId: await requireRef(ctx, 'Actor', input.actor, 'actor'),
      withinId: await resolveRef(ctx, 'Actor', input.of, 'of', 'NOT_FOUND'),
      title: input.title, from: input.from, to: input.to, dateNote: input.dateNote,
      evidence: await evidence(ctx, input.evidence), citations: input.citations,
    }),
  }),

  createEvent: async (_, { input }, ctx) => ({
    event: await createEvent(ctx.db, ctx.viewer, {
      ...input,
      participants: await Promise.all((input.participants ?? []).map((p, i) => participant(ctx, p, `participants[${i}]`))),
      evidence: await evidence(ctx, input.evidence),
    }),
  }),
  updateEvent: async (_, { input: { id, expectedVersion, ...rest } }, ctx) =>
    ({ event: await updateEvent(ctx.db, ctx.viewer, idOf(id, 'Event'), expectedVersion, rest) }),
  addEventParticipant: async (_, { input }, ctx) => ({
    participant: await addEventParticipant(ctx.db, ctx.viewer, await requireRef(ctx, 'Event', input.event, 'event'),
      await participant(ctx, input.participant, 'participant')),
  }),

  createRequest: async (_, { input }, ctx) => ({
    request: await createRequest(ctx.db, ctx.viewer, {
      ...input,
      madeAtId: await resolveRef(ctx, 'Event', input.madeAt, 'madeAt', 'NOT_FOUND'),
      requesters: await parties(ctx, input.requesters, 'requesters'),
      addressees: await parties(ctx, input.addressees, 'addressees'),
      items: await Promise.all(input.items.map(async (item, i) => ({ ...item, evidence: await evidence(ctx, item.evidence, `items[${i}].evidence`) }))),
      evidence: await evidence(ctx, input.evidence),
    }),
  }),
  updateRequest: async (_, { input: { id, expectedVersion, madeAt, ...rest } }, ctx) => ({
    request: await updateRequest(ctx.db, ctx.viewer, idOf(id, 'Request'), expectedVersion, {
      ...rest,
      ...(madeAt !== undefined ? { madeAtId: await resolveRef(ctx, 'Event', madeAt, 'madeAt', 'NOT_FOUND') } : {}),
    }),
  }),
  setRequestStatus: async (_, { input: { id, expectedVersion, evidence: spans, ...entry } }, ctx) =>
    ({ request: await setRequestStatus(ctx.db, ctx.viewer, idOf(id, 'Request'), expectedVersion, { ...entry, evidence: await evidence(ctx, spans) }) }),
  addRequestResponse: async (_, { input }, ctx) =>
    addRequestResponse(ctx.db, ctx.viewer, {
      requestId: await requireRef(ctx, 'Request', input.request, 'request'),
      responderId: await requireRef(ctx, 'Actor', input.responder, 'responder'),
      eventId: await resolveRef(ctx, 'Event', input.event, 'event', 'NOT_FOUND'),
      stance: input.stance, date: input.date, dateNote: input.dateNote, summary: input.summary,
      itemIds: (input.items ?? []).map((gid, i) => fromGlobalId(gid, 'RequestItem', `items[${i}]`).id),
      evidence: await evidence(ctx, input.evidence), citations: input.citations,
    }),

  addEvidence: async (_, { input }, ctx) => {
    const target = fromGlobalId(input.target, undefined, 'target');
    const targetType = TARGETS[target.type];
    if (!targetType) throw badInput(`target: a ${target.type} cannot carry evidence`, { field: 'target' });
    const [span] = await evidence(ctx, [input.evidence]);
    return { evidence: await addEvidence(ctx.db, ctx.viewer, targetType, target.id, span!) };
  },
  removeEvidence: async (_, { input }, ctx) => {
    const row = await removeEvidence(ctx.db, ctx.viewer, idOf(input.id, 'Evidence'));
    return { id: row.id };
  },
};

/** Mutations that need admin; every other one needs editor. */
const ADMIN_ONLY = new Set(['mergeActors', 'deleteDocument']);

/**
 * Checks the caller's role before anything else, so an anonymous or under-privileged caller learns
 * only that (UNAUTHENTICATED / FORBIDDEN), not whether the records it named exist. Services check again.
 */
export const Mutation = Object.fromEntries(
  Object.entries(resolvers).map(([name, resolve]) => [
    name,
    async (parent: unknown, args: unknown, ctx: Context, info: unknown) => {
      assertRole(ctx.viewer, ADMIN_ONLY.has(name) ? 'admin' : 'editor');
      const result = await (resolve as (...a: unknown[]) => Promise<unknown>)(parent, args, ctx, info);
      // References were loaded before the write; the payload's fields must see what it changed.
      clearLoaders(ctx.loaders);
      return result;
    },
  ]),
) as MutationResolvers;

export const payloadResolvers: Pick<Resolvers, 'MergeActorsPayload' | 'DeleteDocumentPayload' | 'RemoveEvidencePayload'> = {
  MergeActorsPayload: {
    actor: (p) => p.into,
    mergedId: (p) => toGlobalId('Actor', p.merge.fromId),
    mergedSlug: (p) => p.merge.fromSlug,
  },
  DeleteDocumentPayload: { deletedId: (p) => toGlobalId('Document', p.id) },
  RemoveEvidencePayload: { deletedId: (p) => toGlobalId('Evidence', p.id) },
};
