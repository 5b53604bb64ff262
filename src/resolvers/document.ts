/** Document fields. */
import type { DocumentResolvers } from '../generated/graphql.ts';
import { excerpt } from '../services/documents.ts';
import { arrayPage } from '../services/pagination.ts';
import { toGlobalId } from './global-id.ts';
import { byDate, countedActorsPage, loadAll } from './lookups.ts';

export const Document: DocumentResolvers = {
  id: (d) => toGlobalId('Document', d.id),
  excerpt: (d, { length }) => excerpt(d.body, length ?? 280),
  actors: async (d, page, ctx) => countedActorsPage(ctx, await ctx.loaders.mentionCountsByDocument.load(d.id), page),
  events: async (d, page, ctx) => {
    const ids = (await ctx.loaders.eventIdsByDocument.load(d.id)).map((r) => r.eventId);
    const events = (await loadAll(ctx.loaders.event, ids)).sort(byDate((e) => e.start));
    return arrayPage(events, page, (e) => ({ value: e.start, id: e.id }));
  },
  requests: async (d, page, ctx) => {
    const ids = (await ctx.loaders.requestIdsByDocument.load(d.id)).map((r) => r.requestId);
    const requests = (await loadAll(ctx.loaders.request, ids)).sort(byDate((r) => r.date));
    return arrayPage(requests, page, (r) => ({ value: r.date, id: r.id }));
  },
  evidence: async (d, page, ctx) => {
    const list = await ctx.loaders.evidenceByDocument.load(d.id);
    return arrayPage(list, page, (e) => ({ value: e.start, id: e.id }));
  },
};
