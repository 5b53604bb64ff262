/**
 * SQL for a page of the records an actor (or a set of actors) takes part in — events, requests,
 * responses, documents — in (date, id) order, priced by the page rather than by how many records the
 * actor has. Two plans, written as two SELECTs of which exactly one returns rows:
 *
 * - walk:  the record table's (date, id) index from the cursor, in order, each record probed for the
 *          actor in the link table's (record, actor) index, stopping after LIMIT matches. For an actor in
 *          a fraction f of the records a page probes about `take / f` records, whatever the corpus size.
 * - drive: the actor's link rows through the (actor, record) index, the matching records sorted (a
 *          temp B-tree over the actor's records alone). Right for a light actor, for whom the walk
 *          would cross most of the index to find a few matches.
 *
 * Which one runs is decided inside the statement by a cheap measure — the actor's link rows, counted
 * up to the table's HEAVY_LINKS — that gates each SELECT (dialect.gatedPage): on SQLite in its LIMIT
 * (`CASE WHEN … THEN take ELSE 0 END`), which SQLite evaluates once before the scan, skipping a SELECT
 * whose LIMIT is 0 without reading a row (a condition in the WHERE clause would be tested on every row
 * the scan reads: measured 1 ms for nothing at 25k events); on PostgreSQL in its WHERE, an uncorrelated
 * condition run once before the SELECT's input (a one-time filter), with the LIMIT a plain number the
 * planner can use. On the 100k corpus (SQLite): 0.75 ms for the busiest actor's first 50 events, 0.04 ms
 * for a light actor's.
 *
 * Identifiers come from the callers' fixed choices, never from input; values are bound parameters.
 */
import { Prisma } from '../generated/prisma/client.ts';
import type { Dialect } from './dialect.ts';

/**
 * Link rows from which an actor counts as heavy and its pages walk the table's date index, per table.
 * Driving from the link reads and sorts about that many records; walking probes about
 * `take × records / links` of them. Tuned on the 100k corpus (bench/RESULTS.md, "Filtered request pages
 * flat at 100k"), where the two plans cost the same at about 1,000 link rows for requests (50k rows,
 * each probe an index search of the parties), events (25k) and documents (100k, the drive reading
 * 3 KB rows): but about 2,000 for responses (100k rows), whose walk then read each row to test its
 * responder: a responder in 971 responses took 18–68 ms walking against 8–15 ms driving. Since then the
 * responses' (date, id) index carries the responder, so their walk reads no row (the busiest actor's
 * page at 100k: 3–5 ms → 0.7–1.0 ms): the balance point for responses is lower now, not yet re-measured.
 * Fixed, since a table's row count is not cheap to read on both stores; the balance point grows with
 * its square root.
 */
export const HEAVY_LINKS = { Request: 1000, Event: 1000, RequestResponse: 2000, Document: 1000 } as const;

/** How the records involving the actors are found, three ways (see the header). */
export interface Involvement {
  /** `SELECT <record id> AS "id" FROM …`: the records' ids, repeats allowed (the drive plan, and counts). */
  ids: Prisma.Sql;
  /** A condition on the record table aliased `t`, true when the record involves the actors (the walk plan). */
  probe: Prisma.Sql;
  /** `SELECT 1 FROM …`: the actors' link rows, counted up to the table's HEAVY_LINKS to choose the plan. */
  links: Prisma.Sql;
}

export type SortValue = string | number | null;
export interface Cursor {
  value: SortValue;
  id: string;
}

export interface DatedSelect {
  dialect: Dialect;
  table: 'Event' | 'Request' | 'RequestResponse' | 'Document';
  /** The date column (partial dates as text: "2004", "2004-06", "2004-06-28"). */
  dateColumn: string;
  /** Whether undated records are in the list (first ascending, last descending); else the caller excludes them. */
  nullable: boolean;
  /** Selected columns over `t`, e.g. `t."id" AS "id", t."date" AS "date"` (fixed by the caller). */
  columns: Prisma.Sql;
  /** Further conditions on `t`, ANDed. */
  where: Prisma.Sql[];
  /** Null: every record of the table (the unfiltered timeline) — one SELECT walking the index. */
  involvement: Involvement | null;
  cursor: Cursor | null;
  scan: 'asc' | 'desc';
  take: number;
}

/**
 * The keyset condition for rows strictly past `cursor` in the `scan` direction, with NULL dates first
 * ascending and last descending. A leading range on the date (`d >= v AND (d > v OR id > i)`) lets the
 * index be walked from the cursor (see sqlKeysetPage in services/pagination.ts, which pages alike).
 */
export function pastCursor(col: Prisma.Sql, cursor: Cursor, scan: 'asc' | 'desc', nullable: boolean): Prisma.Sql {
  const { value, id } = cursor;
  const past = Prisma.raw(scan === 'asc' ? '>' : '<');
  if (value === null) {
    return scan === 'asc' ? Prisma.sql`((${col} IS NULL AND t."id" > ${id}) OR ${col} IS NOT NULL)` : Prisma.sql`(${col} IS NULL AND t."id" < ${id})`;
  }
  const from = Prisma.raw(scan === 'asc' ? '>=' : '<=');
  const orNull = scan === 'desc' && nullable ? Prisma.sql` OR ${col} IS NULL` : Prisma.empty;
  return Prisma.sql`((${col} ${from} ${value} AND (${col} ${past} ${value} OR t."id" ${past} ${id}))${orNull})`;
}

/**
 * The SELECTs of one page (one, or the walk and the drive plan), each wrapped as a subquery so that
 * several can be joined by UNION ALL into one statement (a page per parent, a branch per table). Each
 * returns at most `take` rows in order; the caller merges them.
 */
export function datedSelects(o: DatedSelect): Prisma.Sql[] {
  const col = Prisma.raw(`t."${o.dateColumn}"`);
  const table = Prisma.raw(`"${o.table}"`);
  const dir = Prisma.raw(o.scan === 'asc' ? 'ASC' : 'DESC');
  const order = o.nullable ? o.dialect.orderBy(col, o.scan) : Prisma.sql`${col} ${dir}`;
  const base = [...o.where, ...(o.cursor ? [pastCursor(col, o.cursor, o.scan, o.nullable)] : [])];
  const select = (from: Prisma.Sql, conditions: Prisma.Sql[], limit: Prisma.Sql, alias: string) => Prisma.sql`SELECT * FROM (SELECT ${o.columns} FROM ${from}
    ${conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty}
    ORDER BY ${order}, t."id" ${dir} LIMIT ${limit}) AS ${Prisma.raw(`"${alias}"`)}`;
  if (!o.involvement) return [select(Prisma.sql`${table} t`, base, Prisma.sql`${o.take}`, 'page')];
  const inv = o.involvement;
  const threshold = HEAVY_LINKS[o.table];
  const links = Prisma.sql`(SELECT COUNT(*) FROM (${inv.links} LIMIT ${threshold}) AS "links")`;
  const walk = o.dialect.gatedPage(Prisma.sql`${links} >= ${threshold}`, o.take);
  const drive = o.dialect.gatedPage(Prisma.sql`${links} < ${threshold}`, o.take);
  // The drive looks each distinct id up in the table (dialect.rowsByIds): left to choose, with a date range
  // to test SQLite may walk the range in the date index instead, which for a light actor crosses the whole
  // range to find a few records, and PostgreSQL scans the whole table.
  const ids = o.dialect.rowsByIds(inv.ids, table);
  return [
    select(Prisma.sql`${table} t`, [...walk.where, ...base, inv.probe], walk.limit, 'walk'),
    select(ids, [...drive.where, ...base], drive.limit, 'drive'),
  ];
}

/**
 * The select list of a page of a table aliased `t`: the columns the operation reads of its rows
 * (src/resolvers/shapes.ts; null: every column) with those the page reads itself (its id, its sort
 * key). Names are the model's own columns, never input.
 */
export function pageColumns(columns: readonly string[] | null | undefined, ...own: string[]): string {
  if (!columns) return 't.*';
  const list = [...columns];
  for (const c of own) if (!list.includes(c)) list.push(c);
  return list.map((c) => `t."${c}"`).join(', ');
}

/** Terms per compound SELECT: SQLite refuses more than 500 (SQLITE_MAX_COMPOUND_SELECT). */
const TERMS = 250;

/**
 * SELECTs joined by UNION ALL into one statement, however many: groups of TERMS, each a subquery of an
 * outer UNION ALL (a compound SELECT's limit counts its own terms only).
 */
export function unionAll(selects: Prisma.Sql[]): Prisma.Sql {
  if (selects.length <= TERMS) return Prisma.join(selects, ' UNION ALL ');
  const groups: Prisma.Sql[] = [];
  for (let i = 0; i < selects.length; i += TERMS) {
    groups.push(Prisma.sql`SELECT * FROM (${unionAll(selects.slice(i, i + TERMS))}) AS ${Prisma.raw(`"g${i / TERMS}"`)}`);
  }
  return unionAll(groups);
}

/**
 * Rows of several pages merged into one page: sorted by (date, id) in `scan` order with NULL dates
 * first ascending, the first `take` kept. Each SELECT is already in order and limited; this merges at
 * most a few times `take` rows.
 */
export function mergePage<T extends { id: string }>(rows: T[], date: (row: T) => string | null, scan: 'asc' | 'desc', take: number): T[] {
  const sign = scan === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const da = date(a);
    const db = date(b);
    const c = da === db ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : da === null ? -1 : db === null ? 1 : da < db ? -1 : 1;
    return sign * c;
  }).slice(0, take);
}
