/** Request, party, item and response fields. */
import type {
  RequestItemResolvers, RequestPartyResolvers, RequestResolvers, RequestResponseResolvers,
} from '../generated/graphql.ts';
import type { Context } from '../context.ts';
import { toGlobalId } from './global-id.ts';
import { datedPage, loadAll } from './lookups.ts';
import { evidencePage } from './evidence.ts';

async function partyActors(requestId: string, side: 'REQUESTER' | 'ADDRESSEE', ctx: Context) {
  const parties = (await ctx.loaders.partiesByRequest.load(requestId)).filter((p) => p.side === side);
  return loadAll(ctx.loaders.actor, parties.map((p) => p.actorId));
}

export const Request: RequestResolvers = {
  id: (r) => toGlobalId('Request', r.id),
  requesters: (r, _, ctx) => partyActors(r.id, 'REQUESTER', ctx),
  addressees: (r, _, ctx) => partyActors(r.id, 'ADDRESSEE', ctx),
  parties: (r, _, ctx) => ctx.loaders.partiesByRequest.load(r.id),
  items: async (r, { excluded }, ctx) => {
    const items = await ctx.loaders.itemsByRequest.load(r.id);
    return excluded == null ? items : items.filter((i) => i.excluded === excluded);
  },
  responses: (r, _, ctx) => ctx.loaders.responsesByRequest.load(r.id),
  madeAt: (r, _, ctx) => (r.madeAtId ? ctx.loaders.event.load(r.madeAtId) : null),
  evidence: async (r, page, ctx) => evidencePage(await ctx.loaders.evidenceByRequest.load(r.id), page),
  documents: async (r, page, ctx) =>
    datedPage(ctx.loaders.document, (await ctx.loaders.documentIdsByRequest.load(r.id)).map((x) => x.documentId), (d) => d.published, page),
};

export const RequestParty: RequestPartyResolvers = {
  actor: async (p, _, ctx) => (await ctx.loaders.actor.load(p.actorId))!,
  onBehalfOf: (p, _, ctx) => (p.onBehalfOfId ? ctx.loaders.actor.load(p.onBehalfOfId) : null),
};

export const RequestItem: RequestItemResolvers = {
  id: (i) => toGlobalId('RequestItem', i.id),
  request: async (i, _, ctx) => (await ctx.loaders.request.load(i.requestId))!,
  evidence: (i, _, ctx) => ctx.loaders.evidenceByItem.load(i.id),
};

export const RequestResponse: RequestResponseResolvers = {
  id: (r) => toGlobalId('RequestResponse', r.id),
  request: async (r, _, ctx) => (await ctx.loaders.request.load(r.requestId))!,
  responder: async (r, _, ctx) => (await ctx.loaders.actor.load(r.responderId))!,
  event: (r, _, ctx) => (r.eventId ? ctx.loaders.event.load(r.eventId) : null),
  evidence: (r, _, ctx) => ctx.loaders.evidenceByResponse.load(r.id),
};
