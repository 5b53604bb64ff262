/** Request, party, item and response fields. */
import type {
  DateClaimResolvers, RequestItemResolvers, RequestPartyResolvers, RequestResolvers, RequestResponseResolvers,
  RequestStatusEntryResolvers, SupportKind,
} from '../generated/graphql.ts';
import { parsePartialDate } from '../domain/partial-date.ts';
import { entryAsOf, orderHistory } from '../services/request-status.ts';
import type { Context } from '../context.ts';
import type { Actor } from '../generated/prisma/client.ts';
import { toGlobalId } from './global-id.ts';
import { datedPage } from './lookups.ts';
import { evidencePage } from './evidence.ts';
import { allNow, loadAll, then } from '../loaders/batch.ts';

/*
 * The relation fields answer with the loaders' `now`: the value itself when the list above has loaded
 * it ahead (src/resolvers/prefetch.ts), else the loader's promise, as before. graphql-js completes a
 * plain value without a promise or a microtask (src/loaders/batch.ts says why that matters).
 */

const partyActors = (requestId: string, side: 'REQUESTER' | 'ADDRESSEE', ctx: Context) =>
  then(ctx.loaders.partiesByRequest.now(requestId), (parties) => {
    const ids: string[] = [];
    for (const p of parties) if (p.side === side) ids.push(p.actorId);
    return allNow(ctx.loaders.actor, ids);
  });

/** Which kind of support a record has, from its evidence and citation lists. */
export const supportKind = (evidence: unknown[], citations: unknown[]): SupportKind =>
  evidence.length ? (citations.length ? 'EVIDENCE_AND_CITATION' : 'EVIDENCE') : citations.length ? 'CITATION' : 'NONE';

async function statusEntryAt(requestId: string, asOf: string | null | undefined, ctx: Context) {
  const history = await ctx.loaders.statusHistoryByRequest.load(requestId);
  return entryAsOf(history, asOf == null ? null : parsePartialDate(asOf, 'asOf'));
}

export const Request: RequestResolvers = {
  id: (r) => toGlobalId('Request', r.id),
  // The stored column is the current status; with asOf the history answers (UNKNOWN before any entry).
  status: (r, { asOf }, ctx) => (asOf == null ? r.status : statusEntryAt(r.id, asOf, ctx).then((entry) => entry?.status ?? 'UNKNOWN')),
  statusEntry: (r, { asOf }, ctx) => statusEntryAt(r.id, asOf, ctx),
  statusHistory: async (r, _, ctx) => orderHistory(await ctx.loaders.statusHistoryByRequest.load(r.id)),
  dateClaims: (r, _, ctx) => ctx.loaders.dateClaimsByRequest.load(r.id),
  requesters: (r, _, ctx) => partyActors(r.id, 'REQUESTER', ctx),
  addressees: (r, _, ctx) => partyActors(r.id, 'ADDRESSEE', ctx),
  parties: (r, _, ctx) => ctx.loaders.partiesByRequest.now(r.id),
  items: (r, { excluded }, ctx) =>
    then(ctx.loaders.itemsByRequest.now(r.id), (items) => (excluded == null ? items : items.filter((i) => i.excluded === excluded))),
  responses: (r, _, ctx) => ctx.loaders.responsesByRequest.now(r.id),
  madeAt: (r, _, ctx) => (r.madeAtId ? ctx.loaders.event.load(r.madeAtId) : null),
  evidence: async (r, page, ctx) => evidencePage(await ctx.loaders.evidenceByRequest.load(r.id), page),
  documents: async (r, page, ctx) =>
    datedPage(ctx.loaders.document, (await ctx.loaders.documentIdsByRequest.load(r.id)).map((x) => x.documentId), (d) => d.published, page),
};

export const RequestParty: RequestPartyResolvers = {
  actor: (p, _, ctx) => ctx.loaders.actor.now(p.actorId) as Actor | Promise<Actor>,
  onBehalfOf: (p, _, ctx) => (p.onBehalfOfId ? ctx.loaders.actor.now(p.onBehalfOfId) : null),
};

export const RequestItem: RequestItemResolvers = {
  id: (i) => toGlobalId('RequestItem', i.id),
  request: async (i, _, ctx) => (await ctx.loaders.request.load(i.requestId))!,
  quantities: (i, _, ctx) => ctx.loaders.quantitiesByItem.load(i.id),
  answeredBy: async (i, _, ctx) => loadAll(ctx.loaders.response, (await ctx.loaders.answersByItem.load(i.id)).map((l) => l.responseId)),
  evidence: (i, _, ctx) => ctx.loaders.evidenceByItem.now(i.id),
};

export const RequestStatusEntry: RequestStatusEntryResolvers = {
  id: (s) => toGlobalId('RequestStatusEntry', s.id),
  request: async (s, _, ctx) => (await ctx.loaders.request.load(s.requestId))!,
  supportKind: async (s, _, ctx) =>
    supportKind(await ctx.loaders.evidenceByStatus.load(s.id), await ctx.loaders.citationsByStatus.load(s.id)),
  evidence: (s, _, ctx) => ctx.loaders.evidenceByStatus.load(s.id),
  citations: (s, _, ctx) => ctx.loaders.citationsByStatus.load(s.id),
};

export const DateClaim: DateClaimResolvers = {
  id: (c) => toGlobalId('DateClaim', c.id),
  evidence: (c, _, ctx) => ctx.loaders.evidenceByDateClaim.load(c.id),
  citations: (c, _, ctx) => ctx.loaders.citationsByDateClaim.load(c.id),
};

export const RequestResponse: RequestResponseResolvers = {
  id: (r) => toGlobalId('RequestResponse', r.id),
  request: async (r, _, ctx) => (await ctx.loaders.request.load(r.requestId))!,
  responder: (r, _, ctx) => ctx.loaders.actor.now(r.responderId) as Actor | Promise<Actor>,
  event: (r, _, ctx) => (r.eventId ? ctx.loaders.event.load(r.eventId) : null),
  items: async (r, _, ctx) => loadAll(ctx.loaders.item, (await ctx.loaders.answeredItemsByResponse.load(r.id)).map((l) => l.itemId)),
  quantities: (r, _, ctx) => ctx.loaders.quantitiesByResponse.load(r.id),
  supportKind: async (r, _, ctx) =>
    supportKind(await ctx.loaders.evidenceByResponse.load(r.id), await ctx.loaders.citationsByResponse.load(r.id)),
  evidence: (r, _, ctx) => ctx.loaders.evidenceByResponse.load(r.id),
  citations: (r, _, ctx) => ctx.loaders.citationsByResponse.load(r.id),
};
