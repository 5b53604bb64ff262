/** Resolver helpers: loading rows by global ID or slug, and sorting loaded lists for paging. */
import type { Context } from '../context.ts';
import { badInput, DomainError } from '../domain/errors.ts';
import { fromGlobalId, tryFromGlobalId, type NodeType } from './global-id.ts';
import { arrayPage, customPage, type PageArgs } from '../services/pagination.ts';
import { recordCountKey, recordPageKey, type ActorRecords } from '../loaders/actor-records.ts';
import { loadAll } from '../loaders/batch.ts';
import { actorsNamed } from '../services/actors.ts';
import { resolveAffiliation, type Affiliation } from '../services/affiliation.ts';

const LOADER = {
  Document: 'document', Actor: 'actor', ActorRole: 'role', ActorRelation: 'relation', Event: 'event',
  EventParticipant: 'participant', Request: 'request', RequestItem: 'item', RequestResponse: 'response', Evidence: 'evidence',
  RequestStatusEntry: 'statusEntry', DateClaim: 'dateClaim',
} as const satisfies Record<NodeType, keyof Context['loaders']>;

/** The row behind a global ID, or null when there is none (malformed IDs raise BAD_USER_INPUT). */
export async function loadNode(ctx: Context, gid: string, expected?: NodeType, field = 'id') {
  const { type, id } = fromGlobalId(gid, expected, field);
  return ctx.loaders[LOADER[type]].load(id);
}

type RefType = 'Actor' | 'Document' | 'Event' | 'Request';
const SLUG_LOADER = { Actor: 'actorBySlug', Document: 'documentBySlug', Event: 'eventBySlug', Request: 'requestBySlug' } as const;

/**
 * Resolves a reference (global ID or slug) to a database id. An unknown reference is an error rather
 * than an empty result, so a typo does not look like "no data": BAD_USER_INPUT in filters, NOT_FOUND
 * in writes.
 */
export async function resolveRef(
  ctx: Context, type: RefType, ref: string | null | undefined, field: string,
  missing: 'BAD_USER_INPUT' | 'NOT_FOUND' = 'BAD_USER_INPUT',
): Promise<string | null> {
  if (ref == null) return null;
  const decoded = tryFromGlobalId(ref);
  if (decoded) {
    if (decoded.type !== type) throw badInput(`${field}: expected the ID of a ${type}, got the ID of a ${decoded.type}`, { field });
    if (await ctx.loaders[LOADER[type]].load(decoded.id)) return decoded.id;
  } else {
    const [row] = await ctx.loaders[SLUG_LOADER[type]].load(ref);
    if (row) return row.id;
  }
  throw new DomainError(missing, `${field}: no ${type.toLowerCase()} has the ID or slug "${ref.slice(0, 100)}"`, { field });
}

/**
 * An actor named in a filter: its global ID, its slug, or any of its names or aliases (case-insensitive).
 * A name several actors share is BAD_USER_INPUT listing their slugs; an unknown one is BAD_USER_INPUT.
 */
export async function resolveActorRef(ctx: Context, ref: string, field: string): Promise<string> {
  const decoded = tryFromGlobalId(ref);
  if (decoded) return (await resolveRef(ctx, 'Actor', ref, field))!;
  const [row] = await ctx.loaders.actorBySlug.load(ref);
  if (row) return row.id;
  const text = ref.trim();
  if (text && text.length <= 200) {
    const named = await actorsNamed(ctx.db, text);
    if (named.length === 1) return named[0]!.id;
    if (named.length > 1) {
      throw badInput(`${field}: several actors are known as "${text}"; name one by slug or ID: ${named.map((a) => a.slug).join(', ')}`, {
        field, candidates: named.map((a) => a.slug),
      });
    }
  }
  throw badInput(`${field}: no actor has the ID, slug or name "${ref.slice(0, 100)}"`, { field });
}

/** The affiliated set of the actors a filter names (see services/affiliation.ts); null when none. */
export async function affiliationOf(
  ctx: Context, refs: (string | null | undefined)[], field: string, affiliated: boolean | null | undefined,
): Promise<Affiliation | null> {
  const given = refs.filter((r): r is string => r != null);
  if (given.length === 0) return null;
  const ids = await Promise.all(given.map((r) => resolveActorRef(ctx, r, field)));
  return resolveAffiliation(ctx.db, ids, affiliated ?? true);
}

/** Like resolveRef for a required reference in a write: unknown is NOT_FOUND. */
export const requireRef = async (ctx: Context, type: RefType, ref: string, field: string) =>
  (await resolveRef(ctx, type, ref, field, 'NOT_FOUND'))!;

/**
 * A page of actors with a count each (mentions in a document, documents shared with an actor), most
 * counted first; actors that vanished meanwhile are left out.
 */
export async function countedActorsPage(ctx: Context, counts: { actorId: string; count: number }[], page: PageArgs) {
  const actors = new Map((await loadAll(ctx.loaders.actor, counts.map((c) => c.actorId))).map((a) => [a.id, a]));
  const list = counts
    .filter((c) => actors.has(c.actorId))
    .map((c) => ({ actor: actors.get(c.actorId)!, count: c.count }))
    .sort((a, b) => b.count - a.count || (a.actor.id < b.actor.id ? 1 : -1));
  return arrayPage(list, page, (x) => ({ value: x.count, id: x.actor.id }), 'desc');
}

/**
 * A page of rows loaded by id and ordered by a partial date (undated first, ties by id): the shape of
 * every "events of an actor", "documents of a request"… field.
 */
export async function datedPage<T extends { id: string }>(
  loader: { loadMany(ids: readonly string[]): Promise<(T | null | Error)[]> },
  ids: string[],
  date: (row: T) => string | null,
  page: PageArgs,
) {
  const rows = (await loadAll(loader, ids)).sort(byDate(date));
  return arrayPage(rows, page, (r) => ({ value: date(r), id: r.id }));
}

/** Sort key of a partially dated row: undated first, then chronological, ties by id. */
export const byDate = <T extends { id: string }>(date: (row: T) => string | null) => (a: T, b: T) => {
  const da = date(a) ?? '';
  const db = date(b) ?? '';
  return da < db ? -1 : da > db ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

/**
 * A page of an actor's records (requestsMade, events, …) in the order and with the cursors of
 * `datedPage` (undated first, ties by id; tag of arrayPage's ascending lists), paged in SQL: the page's
 * ids for every parent at this level in one statement, then its rows through `loader`; totalCount
 * counted for every parent in one statement, only when asked for.
 */
export async function actorRecordsPage<T extends { id: string }>(
  ctx: Context,
  source: ActorRecords,
  actorId: string,
  loader: { loadMany(ids: readonly string[]): Promise<(T | null | Error)[]> },
  date: (row: T) => string | null,
  page: PageArgs,
) {
  return customPage<T>(
    page,
    'list:asc',
    (r) => ({ value: date(r), id: r.id }),
    async (cursor, scan, take) => {
      const entries = await ctx.loaders.actorRecordPage.load(recordPageKey({ source, actorId, cursor, scan, take }));
      const rows = new Map((await loadAll(loader, entries.map((e) => e.id))).map((r) => [r.id, r]));
      return entries.map((e) => rows.get(e.id)).filter((r): r is T => r !== undefined);
    },
    async () => (await ctx.loaders.actorRecordCount.load(recordCountKey(source, actorId)))[0]?.n ?? 0,
  );
}
