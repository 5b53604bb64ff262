/**
 * `matchedVia` of list edges: how a record matched the list's actor filters. The filters' affiliated
 * sets were resolved once for the list; each edge compares them with its record's actors, which come
 * through the per-request loaders (one batch per page, whatever its size).
 */
import type { Context } from '../context.ts';
import type { Event, Request, RequestResponse } from '../generated/prisma/client.ts';
import type { ActorMatchResolvers } from '../generated/graphql.ts';
import { matchesOf, type Match } from '../services/affiliation.ts';
import type { Page } from '../services/pagination.ts';
import type { TimelineEntry } from '../services/timeline.ts';
import type { MatchFilter, Matched } from './parents.ts';

/** The page with the filters attached to its edges (unchanged when there are none). */
export function withFilters<T>(page: Page<T>, filters: (MatchFilter | null)[]): Page<T> {
  const list = filters.filter((f): f is MatchFilter => f !== null);
  if (list.length === 0) return page;
  return { ...page, edges: page.edges.map((e) => ({ ...e, filters: list })) };
}

/** Distinct matches (an actor can match one principal once per way and role). */
function distinct(matches: Match[]): Match[] {
  const seen = new Set<string>();
  return matches.filter((m) => {
    const key = `${m.via}|${m.principalId}|${m.actorId}|${m.roleId ?? ''}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

export async function requestMatches(r: Request, e: Matched, ctx: Context): Promise<Match[]> {
  if (!e.filters) return [];
  const parties = await ctx.loaders.partiesByRequest.load(r.id);
  return distinct(e.filters.flatMap((f) => parties
    .filter((p) => !f.side || p.side === f.side)
    .flatMap((p) => matchesOf(f.affiliation, p.actorId, p.onBehalfOfId, r.dateMin, r.dateMax))));
}

export function responseMatches(r: RequestResponse, e: Matched): Match[] {
  if (!e.filters) return [];
  return distinct(e.filters.flatMap((f) => matchesOf(f.affiliation, r.responderId, null, r.dateMin, r.dateMax)));
}

export async function eventMatches(ev: Event, e: Matched, ctx: Context): Promise<Match[]> {
  if (!e.filters) return [];
  const participants = await ctx.loaders.participantsByEvent.load(ev.id);
  return distinct(e.filters.flatMap((f) => participants.flatMap((p) => matchesOf(f.affiliation, p.actorId, null, ev.dateMin, ev.dateMax))));
}

export async function timelineMatches(entry: TimelineEntry, e: Matched, ctx: Context): Promise<Match[]> {
  if (!e.filters) return [];
  if (entry.kind === 'EVENT') return eventMatches((await ctx.loaders.event.load(entry.id))!, e, ctx);
  if (entry.kind === 'REQUEST') return requestMatches((await ctx.loaders.request.load(entry.id))!, e, ctx);
  return responseMatches((await ctx.loaders.response.load(entry.id))!, e);
}

export const ActorMatch: ActorMatchResolvers = {
  via: (m) => m.via,
  principal: async (m, _, ctx) => (await ctx.loaders.actor.load(m.principalId))!,
  actor: async (m, _, ctx) => (await ctx.loaders.actor.load(m.actorId))!,
  role: (m, _, ctx) => (m.roleId ? ctx.loaders.role.load(m.roleId) : null),
};
