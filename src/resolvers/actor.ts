/** Actor, role and relation fields. */
import type { ActorRelationResolvers, ActorResolvers, ActorRoleResolvers } from '../generated/graphql.ts';
import { parsePartialDate } from '../domain/partial-date.ts';
import { officeHoldersOf, rolesAt } from '../services/actors.ts';
import { toGlobalId } from './global-id.ts';
import { actorRecordsPage, countedActorsPage } from './lookups.ts';
import { evidencePage } from './evidence.ts';

export const Actor: ActorResolvers = {
  id: (a) => toGlobalId('Actor', a.id),
  aliases: async (a, _, ctx) => (await ctx.loaders.aliasesByActor.load(a.id)).map((x) => x.name).sort((x, y) => x.localeCompare(y, 'en')),
  roles: async (a, { at }, ctx) => {
    const roles = await ctx.loaders.rolesByActor.load(a.id);
    return at ? rolesAt(roles, parsePartialDate(at, 'at')) : roles;
  },
  officeHolders: async (a, { at, title }, ctx) =>
    officeHoldersOf(await ctx.loaders.rolesWithin.load(a.id), at != null ? parsePartialDate(at, 'at') : null, title ?? null),
  memberOf: (a, _, ctx) => ctx.loaders.relationsFrom.load(a.id),
  members: (a, _, ctx) => ctx.loaders.relationsTo.load(a.id),
  // Paged in SQL, a page's cost independent of how many records the actor has (lookups.ts).
  requestsMade: (a, page, ctx) => actorRecordsPage(ctx, 'requestsMade', a.id, ctx.loaders.request, (r) => r.date, page),
  requestsReceived: (a, page, ctx) => actorRecordsPage(ctx, 'requestsReceived', a.id, ctx.loaders.request, (r) => r.date, page),
  responses: (a, page, ctx) => actorRecordsPage(ctx, 'responses', a.id, ctx.loaders.response, (r) => r.date, page),
  events: (a, page, ctx) => actorRecordsPage(ctx, 'events', a.id, ctx.loaders.event, (e) => e.start, page),
  documents: (a, page, ctx) => actorRecordsPage(ctx, 'documents', a.id, ctx.loaders.document, (d) => d.published, page),
  coMentions: async (a, page, ctx) => {
    const counts = await ctx.loaders.coMentionsByActor.load(a.id);
    return countedActorsPage(ctx, counts.map((c) => ({ actorId: c.otherId, count: c.count })), page);
  },
  mentions: async (a, page, ctx) => evidencePage(await ctx.loaders.evidenceByActor.load(a.id), page),
};

export const ActorRole: ActorRoleResolvers = {
  id: (r) => toGlobalId('ActorRole', r.id),
  holder: async (r, _, ctx) => (await ctx.loaders.actor.load(r.actorId))!,
  of: (r, _, ctx) => (r.withinId ? ctx.loaders.actor.load(r.withinId) : null),
  evidence: (r, _, ctx) => ctx.loaders.evidenceByRole.load(r.id),
  citations: (r, _, ctx) => ctx.loaders.citationsByRole.load(r.id),
};

export const ActorRelation: ActorRelationResolvers = {
  id: (r) => toGlobalId('ActorRelation', r.id),
  from: async (r, _, ctx) => (await ctx.loaders.actor.load(r.fromId))!,
  to: async (r, _, ctx) => (await ctx.loaders.actor.load(r.toId))!,
  evidence: (r, _, ctx) => ctx.loaders.evidenceByRelation.load(r.id),
  citations: (r, _, ctx) => ctx.loaders.citationsByRelation.load(r.id),
};
