/** Root query fields: thin — resolve references, call a service. */
import type { QueryResolvers } from '../generated/graphql.ts';
import { badInput } from '../domain/errors.ts';
import { findActor, listActors } from '../services/actors.ts';
import { findDocument, listDocuments } from '../services/documents.ts';
import { findEvent, listEvents } from '../services/events.ts';
import { findRequest, listRequests } from '../services/requests.ts';
import { searchDocuments } from '../services/search.ts';
import { getStats } from '../services/stats.ts';
import { listTimeline } from '../services/timeline.ts';
import { MAX_PAGE_SIZE } from '../services/pagination.ts';
import { fromGlobalId } from './global-id.ts';
import { loadNode, resolveRef } from './lookups.ts';

/** `id` arguments of typed lookups must be IDs of that type. */
const idOf = (id: string | null | undefined, type: 'Document' | 'Actor' | 'Event' | 'Request') =>
  id == null ? id : fromGlobalId(id, type).id;

export const Query: QueryResolvers = {
  node: (_, { id }, ctx) => loadNode(ctx, id),
  nodes: (_, { ids }, ctx) => {
    if (ids.length > MAX_PAGE_SIZE) throw badInput(`ids: at most ${MAX_PAGE_SIZE} IDs at once, got ${ids.length}`, { field: 'ids' });
    return Promise.all(ids.map((id) => loadNode(ctx, id)));
  },

  document: (_, { id, slug }, ctx) => findDocument(ctx.db, { id: idOf(id, 'Document'), slug }),
  documents: (_, { filter, orderBy, ...page }, ctx) => listDocuments(ctx.db, filter, orderBy, page),

  actor: (_, { id, slug, name }, ctx) => findActor(ctx.db, { id: idOf(id, 'Actor'), slug, name }),
  actors: (_, { filter, orderBy, ...page }, ctx) => listActors(ctx.db, filter, orderBy, page),

  event: (_, { id, slug }, ctx) => findEvent(ctx.db, { id: idOf(id, 'Event'), slug }),
  events: async (_, { filter, orderBy, ...page }, ctx) => {
    const { actor, document, ...rest } = filter ?? {};
    return listEvents(ctx.db, {
      ...rest,
      actorId: await resolveRef(ctx, 'Actor', actor, 'filter.actor'),
      documentId: await resolveRef(ctx, 'Document', document, 'filter.document'),
    }, orderBy, page);
  },

  request: (_, { id, slug }, ctx) => findRequest(ctx.db, { id: idOf(id, 'Request'), slug }),
  requests: async (_, { filter, orderBy, ...page }, ctx) => {
    const { requester, addressee, actor, document, ...rest } = filter ?? {};
    return listRequests(ctx.db, {
      ...rest,
      requesterId: await resolveRef(ctx, 'Actor', requester, 'filter.requester'),
      addresseeId: await resolveRef(ctx, 'Actor', addressee, 'filter.addressee'),
      actorId: await resolveRef(ctx, 'Actor', actor, 'filter.actor'),
      documentId: await resolveRef(ctx, 'Document', document, 'filter.document'),
    }, orderBy, page);
  },

  search: (_, { query, first, after }, ctx) => searchDocuments(ctx.db, query, first, after),

  timeline: async (_, { actor, from, to, ...page }, ctx) =>
    listTimeline(ctx.db, { actorId: await resolveRef(ctx, 'Actor', actor, 'actor'), from, to }, page),

  stats: (_, __, ctx) => getStats(ctx.db),
};
