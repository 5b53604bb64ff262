/** Actor, role and relation fields. */
import type { ActorRelationResolvers, ActorResolvers, ActorRoleResolvers } from '../generated/graphql.ts';
import { parsePartialDate } from '../domain/partial-date.ts';
import { officeHoldersOf, rolesAt } from '../services/actors.ts';
import { arrayPage } from '../services/pagination.ts';
import { toGlobalId } from './global-id.ts';
import { countedActorsPage, datedPage } from './lookups.ts';
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
  requestsMade: async (a, page, ctx) =>
    datedPage(ctx.loaders.request, (await ctx.loaders.requestIdsByActorSide.load(`${a.id}:REQUESTER`)).map((p) => p.requestId), (r) => r.date, page),
  requestsReceived: async (a, page, ctx) =>
    datedPage(ctx.loaders.request, (await ctx.loaders.requestIdsByActorSide.load(`${a.id}:ADDRESSEE`)).map((p) => p.requestId), (r) => r.date, page),
  responses: async (a, page, ctx) => {
    const list = await ctx.loaders.responsesByActor.load(a.id);
    return arrayPage(list, page, (r) => ({ value: r.date, id: r.id }));
  },
  events: async (a, page, ctx) =>
    datedPage(ctx.loaders.event, (await ctx.loaders.eventIdsByActor.load(a.id)).map((p) => p.eventId), (e) => e.start, page),
  documents: async (a, page, ctx) =>
    datedPage(ctx.loaders.document, (await ctx.loaders.documentIdsByActor.load(a.id)).map((e) => e.documentId), (d) => d.published, page),
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
