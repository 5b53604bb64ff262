/** Root query fields: thin — resolve references, call a service. */
import type { QueryResolvers } from '../generated/graphql.ts';
import { badInput } from '../domain/errors.ts';
import { findActor, listActors } from '../services/actors.ts';
import { findDocument, listDocuments } from '../services/documents.ts';
import { findEvent, listEvents } from '../services/events.ts';
import { findRequest, listRequests, listResponses } from '../services/requests.ts';
import { searchDocuments } from '../services/search.ts';
import { getStats } from '../services/stats.ts';
import { listTimeline } from '../services/timeline.ts';
import { MAX_PAGE_SIZE } from '../services/pagination.ts';
import { fromGlobalId } from './global-id.ts';
import { affiliationOf, loadNode, resolveRef } from './lookups.ts';
import { withFilters } from './matches.ts';
import { mayCountTotal, nodeFields, onlyTotalCount } from './selection.ts';
import { prefetchRequests } from './prefetch.ts';
import { shapeIn } from './shapes.ts';

const MAX_TIMELINE_ACTORS = 20;

/** `id` arguments of typed lookups must be IDs of that type. */
const idOf = (id: string | null | undefined, type: 'Document' | 'Actor' | 'Event' | 'Request') =>
  id == null ? id : fromGlobalId(id, type).id;

export const Query: QueryResolvers = {
  // Here and in the lists below: from now on the request's statements read only the columns the
  // operation needs of each row (shapes.ts).
  node: (_, { id }, ctx, info) => {
    ctx.loaders.shapes.use(shapeIn(info));
    return loadNode(ctx, id);
  },
  nodes: (_, { ids }, ctx, info) => {
    if (ids.length > MAX_PAGE_SIZE) throw badInput(`ids: at most ${MAX_PAGE_SIZE} IDs at once, got ${ids.length}`, { field: 'ids' });
    ctx.loaders.shapes.use(shapeIn(info));
    return Promise.all(ids.map((id) => loadNode(ctx, id)));
  },

  document: (_, { id, slug }, ctx) => findDocument(ctx.db, { id: idOf(id, 'Document'), slug }),
  documents: (_, { filter, orderBy, ...page }, ctx, info) =>
    listDocuments(ctx.db, filter, orderBy, { ...page, countOnly: onlyTotalCount(info) }, nodeFields(info)),

  actor: (_, { id, slug, name }, ctx, info) => {
    ctx.loaders.shapes.use(shapeIn(info));
    return findActor(ctx.db, { id: idOf(id, 'Actor'), slug, name });
  },
  actors: (_, { filter, orderBy, ...page }, ctx, info) => listActors(ctx.db, filter, orderBy, { ...page, countOnly: onlyTotalCount(info) }),

  event: (_, { id, slug }, ctx) => findEvent(ctx.db, { id: idOf(id, 'Event'), slug }),
  events: async (_, { filter, orderBy, ...page }, ctx, info) => {
    ctx.loaders.shapes.use(shapeIn(info));
    const { actor, affiliated, document, ...rest } = filter ?? {};
    const actorSet = await affiliationOf(ctx, [actor], 'filter.actor', affiliated);
    const list = await listEvents(ctx.db, {
      ...rest,
      actor: actorSet,
      documentId: await resolveRef(ctx, 'Document', document, 'filter.document'),
    }, orderBy, { ...page, countOnly: onlyTotalCount(info) }, ctx.loaders.shapes.selected('Event'));
    return withFilters(list, [actorSet && { affiliation: actorSet }]);
  },

  request: (_, { id, slug }, ctx) => findRequest(ctx.db, { id: idOf(id, 'Request'), slug }),
  requests: async (_, { filter, orderBy, ...page }, ctx, info) => {
    ctx.loaders.shapes.use(shapeIn(info));
    const { requester, addressee, actor, affiliated, document, ...rest } = filter ?? {};
    const sets = {
      requester: await affiliationOf(ctx, [requester], 'filter.requester', affiliated),
      addressee: await affiliationOf(ctx, [addressee], 'filter.addressee', affiliated),
      actor: await affiliationOf(ctx, [actor], 'filter.actor', affiliated),
    };
    const list = await listRequests(ctx.db, {
      ...rest,
      ...sets,
      documentId: await resolveRef(ctx, 'Document', document, 'filter.document'),
    }, orderBy, { ...page, countOnly: onlyTotalCount(info) }, ctx.loaders.shapes.selected('Request'));
    // The nodes' relations, loaded ahead so their fields resolve without a promise each.
    await prefetchRequests(list, info, ctx);
    return withFilters(list, [
      sets.requester && { affiliation: sets.requester, side: 'REQUESTER' },
      sets.addressee && { affiliation: sets.addressee, side: 'ADDRESSEE' },
      sets.actor && { affiliation: sets.actor },
    ]);
  },

  responses: async (_, { filter, orderBy, ...page }, ctx, info) => {
    const { responder, affiliated, request, ...rest } = filter ?? {};
    const responderSet = await affiliationOf(ctx, [responder], 'filter.responder', affiliated);
    const list = await listResponses(ctx.db, {
      ...rest,
      responder: responderSet,
      requestId: await resolveRef(ctx, 'Request', request, 'filter.request'),
    }, orderBy, { ...page, countOnly: onlyTotalCount(info) });
    return withFilters(list, [responderSet && { affiliation: responderSet }]);
  },

  search: (_, { query, first, after }, ctx, info) => searchDocuments(ctx.db, query, first, after, onlyTotalCount(info), mayCountTotal(info)),

  timeline: async (_, { actor, actors, affiliated, from, to, ...page }, ctx, info) => {
    ctx.loaders.shapes.use(shapeIn(info));
    if (actors != null && actors.length > MAX_TIMELINE_ACTORS) {
      throw badInput(`actors: at most ${MAX_TIMELINE_ACTORS} actors, got ${actors.length}`, { field: 'actors' });
    }
    if (actors != null && actors.length === 0) throw badInput('actors must list at least one actor', { field: 'actors' });
    const set = await affiliationOf(ctx, [actor, ...(actors ?? [])], actors ? 'actors' : 'actor', affiliated);
    return withFilters(await listTimeline(ctx.db, { actors: set, from, to }, page), [set && { affiliation: set }]);
  },

  stats: (_, __, ctx) => getStats(ctx.db),
};
