/** Helpers turning API filter values into Prisma conditions, with BAD_USER_INPUT on bad values. */
import { parsePartialDate } from '../domain/partial-date.ts';
import { badInput } from '../domain/errors.ts';
import type { DbTx } from '../db/client.ts';
import { dialectOf, type Dialect } from '../db/dialect.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { normalizeName } from '../domain/text.ts';

/**
 * Conditions for records whose [min, max] day range overlaps [from, to]: a record dated "2004-06"
 * matches from "2004-06-21". Undated records never match a date filter.
 */
export function dateRange(minField: string, maxField: string, from?: string | null, to?: string | null) {
  const f = from != null ? parsePartialDate(from, 'from') : null;
  const t = to != null ? parsePartialDate(to, 'to') : null;
  if (f && t && t.max < f.min) throw badInput(`to (${t.value}) is before from (${f.value})`, { field: 'to' });
  const conditions: Record<string, unknown>[] = [];
  if (f) conditions.push({ [maxField]: { gte: f.min } });
  if (t) conditions.push({ [minField]: { lte: t.max } });
  return conditions;
}

/** The unique key of a lookup by id or slug, exactly one of which must be given. */
export function idOrSlug(by: { id?: string | null; slug?: string | null }): { id: string } | { slug: string } {
  if ((by.id == null) === (by.slug == null)) throw badInput('pass exactly one of id or slug', { field: 'id' });
  return by.id != null ? { id: by.id } : { slug: by.slug! };
}

/** Trims a free-text filter and rejects empty or oversized ones. */
export function textFilter(value: string, field: string, max = 200): string {
  const v = value.trim();
  if (!v) throw badInput(`${field} must not be empty`, { field });
  if (v.length > max) throw badInput(`${field} must be at most ${max} characters`, { field });
  return v;
}

/** The (table, column) pairs free-text filters search, named here so no identifier comes from input. */
const SEARCHABLE = {
  documentPublisher: { table: 'Document', column: 'publisher', id: 'id', normalized: false },
  actorAlias: { table: 'ActorAlias', column: 'normalized', id: 'actorId', normalized: true },
  eventLocation: { table: 'Event', column: 'locationName', id: 'id', normalized: false },
} as const;

/**
 * Ids of rows whose column contains `text`, ignoring case in any script. Prisma's `contains` becomes
 * LIKE with no escape (a "%" or "_" would match everything), and SQLite's lower() folds only ASCII
 * ("ZÜRICH" would miss "Zürich"): a column already stored normalised is searched with instr(); the
 * others are folded here, in a scan of the column like LIKE '%…%' would do. (The same on PostgreSQL,
 * whose ILIKE folds case by the database's locale: this keeps one meaning on both stores.)
 */
export async function idsContaining(db: DbTx, what: keyof typeof SEARCHABLE, text: string): Promise<string[]> {
  const { table, column, id, normalized } = SEARCHABLE[what];
  const needle = normalizeName(text);
  const [t, c, i] = [table, column, id].map((name) => Prisma.raw(`"${name}"`)) as [Prisma.Sql, Prisma.Sql, Prisma.Sql];
  if (normalized) {
    const rows = await db.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT DISTINCT ${i} AS "id" FROM ${t} WHERE ${dialectOf(db).contains(c, needle)}`);
    return rows.map((r) => r.id);
  }
  const rows = await db.$queryRaw<{ id: string; value: string }[]>(Prisma.sql`SELECT ${i} AS "id", ${c} AS "value" FROM ${t} WHERE ${c} IS NOT NULL`);
  return rows.filter((r) => normalizeName(r.value).includes(needle)).map((r) => r.id);
}

/** Records (aliased t) whose [dateMin, dateMax] overlaps [from, to]; undated records never match. */
export function sqlDateRange(from?: string | null, to?: string | null, columns: { min: string; max: string } = { min: 'dateMin', max: 'dateMax' }): Prisma.Sql[] {
  const f = from != null ? parsePartialDate(from, 'from') : null;
  const t = to != null ? parsePartialDate(to, 'to') : null;
  if (f && t && t.max < f.min) throw badInput(`to (${t.value}) is before from (${f.value})`, { field: 'to' });
  const out: Prisma.Sql[] = [];
  if (f) out.push(Prisma.sql`${Prisma.raw(`t."${columns.max}"`)} >= ${f.min}`);
  if (t) out.push(Prisma.sql`${Prisma.raw(`t."${columns.min}"`)} <= ${t.max}`);
  return out;
}

/**
 * Text bounds on a partial-date column ("2004", "2004-06", "2004-06-21") implied by a date range, for
 * records whose dateMin/dateMax are the first and last day of that one partial date (dateSpan in
 * domain/partial-date.ts): a record overlapping [from, to] has a date of from's year or later ("YYYY": a
 * year alone sorts before its months and days) and at most to's last day (its own first day is at most
 * to's, and a partial date sorts at or before its first day). Bounds for an index walk in date order;
 * the dateMin/dateMax conditions (sqlDateRange) still decide.
 */
export function partialDateBounds(from?: string | null, to?: string | null): { min: string | null; max: string | null } {
  return {
    min: from != null ? parsePartialDate(from, 'from').min.slice(0, 4) : null,
    max: to != null ? parsePartialDate(to, 'to').max : null,
  };
}

/** `t."col" IN (…)` for a non-empty list of enum values (validated by GraphQL); nothing when absent. */
export function sqlOneOf(column: string, values: readonly string[] | null | undefined, field: string): Prisma.Sql[] {
  if (values == null) return [];
  if (values.length === 0) throw badInput(`${field} must list at least one value`, { field });
  return [Prisma.sql`${Prisma.raw(`t."${column}"`)} IN (${Prisma.join([...new Set(values)])})`];
}


/** `t."id"` among ids found beforehand (one parameter however many: a JSON array). */
export function sqlIdIn(dialect: Dialect, ids: string[]): Prisma.Sql {
  return Prisma.sql`t."id" IN (SELECT value FROM ${dialect.jsonValues(JSON.stringify(ids))})`;
}
