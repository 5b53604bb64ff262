/** Document fields. */
import type { DocumentResolvers } from '../generated/graphql.ts';
import { excerpt } from '../services/documents.ts';
import { arrayPage } from '../services/pagination.ts';
import { toGlobalId } from './global-id.ts';
import { countedActorsPage, datedPage } from './lookups.ts';

export const Document: DocumentResolvers = {
  id: (d) => toGlobalId('Document', d.id),
  body: async (d, _, ctx) => d.body ?? (await ctx.loaders.documentBody.load(d.id))!.body,
  excerpt: async (d, { length }, ctx) => excerpt(d.body ?? (await ctx.loaders.documentBody.load(d.id))!.body, length ?? 280),
  actors: async (d, page, ctx) => countedActorsPage(ctx, await ctx.loaders.mentionCountsByDocument.load(d.id), page),
  events: async (d, page, ctx) =>
    datedPage(ctx.loaders.event, (await ctx.loaders.eventIdsByDocument.load(d.id)).map((r) => r.eventId), (e) => e.start, page),
  requests: async (d, page, ctx) =>
    datedPage(ctx.loaders.request, (await ctx.loaders.requestIdsByDocument.load(d.id)).map((r) => r.requestId), (r) => r.date, page),
  evidence: async (d, page, ctx) => {
    const list = await ctx.loaders.evidenceByDocument.load(d.id);
    return arrayPage(list, page, (e) => ({ value: e.start, id: e.id }));
  },
};
