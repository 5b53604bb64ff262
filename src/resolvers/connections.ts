/** Edge types whose node is wrapped: counted actors, search hits, timeline entries. */
import type { Resolvers } from '../generated/graphql.ts';
import { eventMatches, requestMatches, responseMatches, timelineMatches } from './matches.ts';

export const connectionResolvers: Resolvers = {
  DocumentActorEdge: {
    node: (e) => e.node.actor,
    mentionCount: (e) => e.node.count,
  },
  CoMentionEdge: {
    node: (e) => e.node.actor,
    count: (e) => e.node.count,
  },
  SearchEdge: {
    node: async (e, _, ctx) => (await ctx.loaders.document.load(e.node.documentId))!,
    score: (e) => e.node.score,
    snippet: (e) => e.node.snippet,
    titleHighlight: (e) => e.node.titleHighlight,
  },
  EventEdge: { matchedVia: (e, _, ctx) => eventMatches(e.node, e, ctx) },
  RequestEdge: { matchedVia: (e, _, ctx) => requestMatches(e.node, e, ctx) },
  RequestResponseEdge: { matchedVia: (e) => responseMatches(e.node, e) },
  TimelineEdge: {
    matchedVia: (e, _, ctx) => timelineMatches(e.node, e, ctx),
    date: (e) => e.node.date,
    node: async (e, _, ctx) => {
      const { kind, id } = e.node;
      const row = kind === 'EVENT' ? await ctx.loaders.event.load(id)
        : kind === 'REQUEST' ? await ctx.loaders.request.load(id)
        : await ctx.loaders.response.load(id);
      return row!;
    },
  },
};
