/** Reading actors. */
import { readersOf, type DbTx } from '../db/client.ts';
import { dialectOf } from '../db/dialect.ts';
import { Prisma, type Actor, type ActorKind } from '../generated/prisma/client.ts';
import { badInput } from '../domain/errors.ts';
import { parseCountryCode } from '../domain/country-codes.ts';
import { normalizeName } from '../domain/text.ts';
import { fromStored, type PartialDate } from '../domain/partial-date.ts';
import { idsContaining, sqlIdIn, sqlOneOf, textFilter } from './filters.ts';
import { countRows, keysetPage, type PageArgs } from './pagination.ts';

export interface ActorFilter {
  kind?: ActorKind[] | null;
  country?: string | null;
  nameContains?: string | null;
}

export type ActorOrderField = 'NAME' | 'CREATED_AT';
const ORDER = {
  NAME: { field: 'name', kind: 'text' },
  CREATED_AT: { field: 'createdAt', kind: 'datetime' },
} as const;

export async function listActors(
  db: DbTx,
  filter: ActorFilter | null | undefined,
  order: { field: ActorOrderField; direction?: 'ASC' | 'DESC' | null } | null | undefined,
  page: PageArgs,
) {
  // Prisma conditions for the page, the same as SQL (table aliased t) for its count.
  const and: Record<string, unknown>[] = [];
  const sql: Prisma.Sql[] = [];
  if (filter?.kind != null) {
    if (filter.kind.length === 0) throw badInput('filter.kind must list at least one value', { field: 'filter.kind' });
    and.push({ kind: { in: filter.kind } });
    sql.push(...sqlOneOf('kind', filter.kind, 'filter.kind'));
  }
  if (filter?.country != null) {
    const countryCode = parseCountryCode(filter.country, 'country');
    and.push({ countryCode });
    sql.push(Prisma.sql`t."countryCode" = ${countryCode}`);
  }
  if (filter?.nameContains != null) {
    // Aliases hold the canonical name too, in normalised (lower-case) form: portable case-insensitivity.
    const ids = await idsContaining(db, 'actorAlias', textFilter(filter.nameContains, 'nameContains'));
    and.push({ id: { in: ids } });
    sql.push(sqlIdIn(dialectOf(db), ids));
  }
  return keysetPage<Actor>({
    args: page,
    dialect: dialectOf(db),
    ...ORDER[order?.field ?? 'NAME'],
    direction: order?.direction === 'DESC' ? 'desc' : 'asc',
    find: ({ where, orderBy, take }) => db.actor.findMany({ where: { AND: [...and, where] }, orderBy, take }),
    // Unfiltered, a bounded count (see sqlKeysetPage): the main thread's reader; filtered, the workers.
    count: () => countRows((q) => (sql.length === 0 ? readersOf(db).bounded : readersOf(db).lists).rows(q), 'Actor', sql),
  });
}

/** An actor by id, slug, or any of its names (case-insensitive); exactly one must be given. */
export async function findActor(db: DbTx, by: { id?: string | null; slug?: string | null; name?: string | null }) {
  const given = [by.id, by.slug, by.name].filter((v) => v != null).length;
  if (given !== 1) throw badInput('pass exactly one of id, slug or name', { field: 'id' });
  if (by.id != null) return db.actor.findUnique({ where: { id: by.id } });
  if (by.slug != null) return db.actor.findUnique({ where: { slug: by.slug } });
  const matches = await db.actor.findMany({
    where: { aliases: { some: { normalized: normalizeName(textFilter(by.name!, 'name')) } } },
    orderBy: { id: 'asc' },
    take: 2,
  });
  if (matches.length > 1) {
    throw badInput(`several actors are known as "${by.name}"; look one up by id or slug`, {
      field: 'name', candidates: matches.map((m) => m.slug),
    });
  }
  return matches[0] ?? null;
}

/** Roles whose [from, to] range may include the date `at` (unknown bounds are open). */
export function rolesAt<R extends { from: string | null; to: string | null }>(roles: R[], at: PartialDate) {
  return roles.filter((r) => {
    const from = fromStored(r.from);
    const to = fromStored(r.to);
    return (!from || from.min <= at.max) && (!to || to.max >= at.min);
  });
}

/** Actors known by this name or alias (case-insensitive), at most `limit`, by slug. */
export async function actorsNamed(db: DbTx, name: string, limit = 10) {
  const aliases = await db.actorAlias.findMany({
    where: { normalized: normalizeName(name) },
    select: { actorId: true },
    distinct: ['actorId'],
    take: limit,
  });
  if (aliases.length === 0) return [];
  return db.actor.findMany({ where: { id: { in: aliases.map((a) => a.actorId) } }, select: { id: true, slug: true }, orderBy: { slug: 'asc' } });
}

/** Roles held within an actor, kept by date (`rolesAt`) and by title (case-insensitive). */
export function officeHoldersOf<R extends { from: string | null; to: string | null; title: string }>(
  roles: R[], at: PartialDate | null, title: string | null,
) {
  const dated = at ? rolesAt(roles, at) : roles;
  if (title == null) return dated;
  const wanted = normalizeName(textFilter(title, 'title'));
  return dated.filter((r) => normalizeName(r.title) === wanted);
}
