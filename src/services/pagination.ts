/**
 * Relay cursor pagination, shared by every list. Cursors encode the row's sort value and id, so a page
 * boundary never shifts when rows tie on the sort key or when rows are added elsewhere in the list.
 *
 * Two strategies: `keysetPage` runs the page as SQL (root lists, which can be long); `arrayPage` pages a
 * list already loaded in order (children of a record, batch-loaded for many parents in one query).
 * Both order unknown (null) sort values before known ones ascending, after them descending.
 */
import { badInput } from '../domain/errors.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../domain/paging.ts';
import { Prisma } from '../generated/prisma/client.ts';
import type { Dialect } from '../db/dialect.ts';

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE };

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  /** The client asked for totalCount only: skip the page's query (root lists). */
  countOnly?: boolean;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Page<T, E extends Edge<T> = Edge<T>> {
  edges: E[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  /** A function so that the count query runs only when the client asks for it. */
  totalCount: () => number | Promise<number>;
}

export type SortValue = string | number | null;
type Cursor = { value: SortValue; id: string };

/**
 * A cursor is [sort value, id, ordering tag]. The tag names the list's ordering, so a cursor taken
 * from one ordering (or list) and passed to another is refused instead of paging from a wrong place.
 */
export const encodeCursor = (value: SortValue, id: string, tag = '') =>
  Buffer.from(JSON.stringify([value, id, tag])).toString('base64url');

export function decodeCursor(cursor: string, arg: string, tag = ''): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || typeof parsed[1] !== 'string' || typeof parsed[2] !== 'string'
    || !(parsed[0] === null || typeof parsed[0] === 'string' || (typeof parsed[0] === 'number' && Number.isFinite(parsed[0])))) {
    throw badInput(`${arg}: not a cursor returned by this API`, { field: arg });
  }
  if (parsed[2] !== tag) throw badInput(`${arg}: this cursor belongs to another list or ordering`, { field: arg });
  return { value: parsed[0], id: parsed[1] };
}

interface Window {
  /** Scanning backwards from `before` (last/before) rather than forwards (first/after). */
  backward: boolean;
  size: number;
  cursor: Cursor | null;
}

function pageWindow(args: PageArgs, tag: string): Window {
  const { first, after, last, before } = args;
  if (first != null && last != null) throw badInput('pass either first or last, not both', { field: 'first' });
  if (last != null && after != null) throw badInput('after goes with first; use before with last', { field: 'after' });
  if (first != null && before != null) throw badInput('before goes with last; use after with first', { field: 'before' });
  const backward = last != null || before != null;
  const size = (backward ? last : first) ?? DEFAULT_PAGE_SIZE;
  const arg = backward ? 'last' : 'first';
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw badInput(`${arg} must be between 0 and ${MAX_PAGE_SIZE}, got ${size}`, { field: arg });
  }
  const raw = backward ? before : after;
  return { backward, size, cursor: raw != null ? decodeCursor(raw, backward ? 'before' : 'after', tag) : null };
}

/** Compares sort keys with null smallest, then ids. */
function compareKeys(a: Cursor, b: Cursor): number {
  if (a.value !== b.value) {
    if (a.value === null) return -1;
    if (b.value === null) return 1;
    return a.value < b.value ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function finish<T>(rows: T[], w: Window, key: (row: T) => Cursor, tag: string, total: () => number | Promise<number>): Page<T> {
  const hasMore = rows.length > w.size;
  const slice = rows.slice(0, w.size);
  if (w.backward) slice.reverse();
  // Cursors are encoded when read (a JSON text in base64 per edge: ~2 % of a title list's CPU, profiled,
  // for a field most pages are not asked for). Own getters, so a copy made by spreading keeps them.
  const edges = slice.map((node) => ({
    node,
    get cursor() {
      const k = key(node);
      return encodeCursor(k.value, k.id, tag);
    },
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: w.backward ? w.cursor !== null : hasMore,
      hasPreviousPage: w.backward ? hasMore : w.cursor !== null,
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return edges.at(-1)?.cursor ?? null;
      },
    },
    totalCount: total,
  };
}

/**
 * Pages an array already sorted by `key` in `direction` (ties broken by id in the same direction).
 */
export function arrayPage<T>(items: T[], args: PageArgs, key: (item: T) => Cursor, direction: 'asc' | 'desc' = 'asc', tag = `list:${direction}`): Page<T> {
  const w = pageWindow(args, tag);
  const sign = direction === 'asc' ? 1 : -1;
  let list = w.backward ? [...items].reverse() : items;
  if (w.cursor) {
    const c = w.cursor;
    // Rows strictly past the cursor in the scanning direction.
    list = list.filter((item) => sign * (w.backward ? -1 : 1) * compareKeys(key(item), c) > 0);
  }
  return finish(list.slice(0, w.size + 1), w, key, tag, () => items.length);
}

/**
 * A page whose query the caller writes (e.g. raw SQL over a UNION): `fetch` gets the cursor to
 * continue from (or null), the direction to scan in and how many rows to take, and must return rows
 * ordered by (sort value, id) in that direction, strictly past the cursor.
 */
export async function customPage<T>(
  args: PageArgs,
  tag: string,
  key: (row: T) => Cursor,
  fetch: (cursor: Cursor | null, scan: 'asc' | 'desc', take: number) => Promise<T[]>,
  count: () => Promise<number>,
): Promise<Page<T>> {
  const w = pageWindow(args, tag);
  const rows = await fetch(w.cursor, w.backward ? 'desc' : 'asc', w.size + 1);
  return finish(rows, w, key, tag, count);
}

/** Cursor value of a sort column, as stored in cursors (dates as ISO text). */
export type SortKind = 'text' | 'number' | 'datetime';

export interface KeysetOptions<Row extends { id: string }> {
  args: PageArgs;
  /** Column to sort by (a Prisma field name). */
  field: string;
  kind?: SortKind;
  nullable?: boolean;
  direction?: 'asc' | 'desc';
  /** The store's SQL dialect (`dialectOf(db)`): where NULLs sort differs between stores. */
  dialect: Dialect;
  /** Runs the query: `where` already includes the cursor condition. */
  find: (query: { where: Record<string, unknown>; orderBy: Record<string, unknown>[]; take: number }) => Promise<Row[]>;
  count: () => Promise<number>;
}

/** A page of a table, as SQL: ORDER BY field, id with a keyset condition for the cursor. */
export async function keysetPage<Row extends { id: string }>(o: KeysetOptions<Row>): Promise<Page<Row>> {
  const kind = o.kind ?? 'text';
  const direction = o.direction ?? 'asc';
  const tag = `${o.field}:${direction}`;
  const w = pageWindow(o.args, tag);
  if (w.cursor && !cursorFits(w.cursor.value, kind, o.nullable ?? false)) {
    throw badInput(`${w.backward ? 'before' : 'after'}: not a cursor returned by this API`, { field: w.backward ? 'before' : 'after' });
  }
  // Scanning backwards is scanning the opposite order, then reversing the page.
  const scan: 'asc' | 'desc' = w.backward ? (direction === 'asc' ? 'desc' : 'asc') : direction;
  const f = o.field;
  const toDb = (v: string | number) => (kind === 'datetime' ? new Date(v) : v);
  const fromRow = (row: Row): Cursor => {
    const v = (row as Record<string, unknown>)[f];
    return { value: v instanceof Date ? v.toISOString() : ((v ?? null) as SortValue), id: row.id };
  };
  let where: Record<string, unknown> = {};
  if (w.cursor) {
    const { value, id } = w.cursor;
    const past = scan === 'asc' ? 'gt' : 'lt';
    if (value === null) {
      // null sorts first: ascending, every non-null row comes after; descending, none does.
      where = scan === 'asc' ? { OR: [{ [f]: null, id: { gt: id } }, { NOT: { [f]: null } }] } : { [f]: null, id: { lt: id } };
    } else {
      // `f >= v AND (f > v OR id > i)` rather than `f > v OR (f = v AND id > i)`: the leading range lets
      // SQLite walk the (f, id) index from the cursor in order; given the OR alone it may gather every
      // row past the cursor through two index searches (MULTI-INDEX OR) and sort them all.
      const from = scan === 'asc' ? 'gte' : 'lte';
      const after = { AND: [{ [f]: { [from]: toDb(value) } }, { OR: [{ [f]: { [past]: toDb(value) } }, { id: { [past]: id } }] }] };
      where = scan === 'desc' && o.nullable ? { OR: [after, { [f]: null }] } : after;
    }
  }
  // Only totalCount asked for: the page is not read at all.
  if (o.args.countOnly) return finish([], w, fromRow, tag, o.count);
  // No `nulls` option on SQLite: it already orders NULLs first ascending and last descending, which is
  // this API's order, and Prisma would emit `ORDER BY CASE WHEN … IS NULL`, which no index can serve.
  // PostgreSQL orders them the other way: there Prisma's `nulls` becomes NULLS FIRST/LAST.
  const nulls = o.nullable ? o.dialect.prismaNulls(scan) : undefined;
  const rows = await o.find({ where, orderBy: [{ [f]: nulls ? { sort: scan, nulls } : scan }, { id: scan }], take: w.size + 1 });
  return finish(rows, w, fromRow, tag, o.count);
}

/** Whether a decoded cursor value can be a value of the sort column (cursors can be hand-made). */
function cursorFits(value: SortValue, kind: SortKind, nullable: boolean): boolean {
  if (value === null) return nullable;
  if (kind === 'number') return typeof value === 'number';
  if (typeof value !== 'string') return false;
  return kind === 'text' || !Number.isNaN(Date.parse(value));
}

/** The root lists' tables: identifiers from this fixed set only, never from input. */
export type ListTable = 'Document' | 'Actor' | 'Request' | 'Event' | 'RequestResponse';

const sqlWhere = (list: Prisma.Sql[]) => (list.length ? Prisma.sql`WHERE ${Prisma.join(list, ' AND ')}` : Prisma.empty);

/**
 * A list's totalCount, by hand: `SELECT COUNT(*) FROM "<table>" t WHERE …`. Prisma's `count()` wraps the
 * rows in a subquery (`SELECT COUNT(*) FROM (SELECT id … LIMIT -1 OFFSET 0)`), which reads every row
 * through a co-routine; the plain form lets SQLite count an index's entries (unfiltered: it counts the
 * pages of the narrowest index without decoding rows) or search the filter's index.
 */
export async function countRows(query: <T>(sql: Prisma.Sql) => Promise<T[]>, table: ListTable, where: Prisma.Sql[]): Promise<number> {
  const [r] = await query<{ n: bigint | number }>(Prisma.sql`SELECT COUNT(*) AS "n" FROM ${Prisma.raw(`"${table}"`)} t ${sqlWhere(where)}`);
  return Number(r?.n ?? 0);
}

export interface SqlKeysetOptions<Row extends { id: string }> {
  args: PageArgs;
  /** Table and sort column, quoted by the caller's fixed choice (never from input). */
  table: 'Request' | 'Event' | 'RequestResponse' | 'Document';
  field: string;
  kind?: 'text' | 'datetime';
  nullable?: boolean;
  direction?: 'asc' | 'desc';
  /** The store's SQL dialect (`dialectOf(db)`). */
  dialect: Dialect;
  /** Conditions on the table (aliased t), ANDed. */
  where: Prisma.Sql[];
  /** Runs a statement (the service's database handle): the reader for reads that may run long. */
  query: <T>(sql: Prisma.Sql) => Promise<T[]>;
  /**
   * Runs the page statement of an unfiltered list, which walks at most `first + 1` (≤ 101) entries of
   * the order's index from the cursor (the plan test holds every order of every list to that): the
   * reader for bounded reads, on the main thread. Profiled on the 10k title list: sending this page to
   * a read worker and back (postMessage, 12 % of the CPU) cost more than the page itself; on the main
   * thread the request costs ~0.6 ms less (median of paired runs, 3.6 → 3.0 ms). Filtered pages and
   * counts keep `query`: a filter may walk far past the page to find its matches.
   */
  boundedQuery?: <T>(sql: Prisma.Sql) => Promise<T[]>;
  /**
   * The caller's word that this filtered page is bounded too (an equality on the leading column of an
   * index that continues with the order's columns: at most `first + 1` entries walked), so it runs on
   * `boundedQuery` like an unfiltered page. Its count still runs on `query`.
   */
  boundedPage?: boolean;
  /**
   * The page's rows: `columns` (e.g. \`t.*\`, fixed by the caller) selected by the page statement itself,
   * or `load` by id (any order) after a statement that selects only ids.
   */
  columns?: string;
  load?: (ids: string[]) => Promise<Row[]>;
}

/**
 * `keysetPage` in hand-written SQL, for lists whose conditions Prisma cannot express without a
 * correlated EXISTS under a scan of the table (IN (SELECT …) joins driven by a small set). The same
 * ordering, null placement, cursors and tags as keysetPage, so both paths page alike. Only the ids and
 * sort keys are selected here; the page's rows are then loaded by id.
 */
export async function sqlKeysetPage<Row extends { id: string }>(o: SqlKeysetOptions<Row>): Promise<Page<Row>> {
  const kind = o.kind ?? 'text';
  const direction = o.direction ?? 'asc';
  const tag = `${o.field}:${direction}`;
  const w = pageWindow(o.args, tag);
  if (w.cursor && !cursorFits(w.cursor.value, kind, o.nullable ?? false)) {
    throw badInput(`${w.backward ? 'before' : 'after'}: not a cursor returned by this API`, { field: w.backward ? 'before' : 'after' });
  }
  const scan: 'asc' | 'desc' = w.backward ? (direction === 'asc' ? 'desc' : 'asc') : direction;
  const col = Prisma.raw(`t."${o.field}"`);
  // DateTime columns hold Prisma's text form, "2026-11-26T12:28:01.075+00:00"; cursors hold ISO "…Z".
  const toDb = (v: string | number) => (kind === 'datetime' ? new Date(v).toISOString().replace('Z', '+00:00') : v);
  const conditions = [...o.where];
  if (w.cursor) {
    const { value, id } = w.cursor;
    const past = Prisma.raw(scan === 'asc' ? '>' : '<');
    if (value === null) {
      conditions.push(scan === 'asc' ? Prisma.sql`((${col} IS NULL AND t."id" > ${id}) OR ${col} IS NOT NULL)` : Prisma.sql`(${col} IS NULL AND t."id" < ${id})`);
    } else {
      const v = toDb(value);
      const orNull = scan === 'desc' && o.nullable ? Prisma.sql` OR ${col} IS NULL` : Prisma.empty;
      const from = Prisma.raw(scan === 'asc' ? '>=' : '<=');
      // A leading range on the sort column, as in keysetPage: the index is walked from the cursor in order.
      conditions.push(Prisma.sql`((${col} ${from} ${v} AND (${col} ${past} ${v} OR t."id" ${past} ${id}))${orNull})`);
    }
  }
  const f = o.field;
  const fromRow = (row: Row): Cursor => {
    const v = (row as Record<string, unknown>)[f];
    return { value: v instanceof Date ? v.toISOString() : ((v ?? null) as SortValue), id: row.id };
  };
  const table = Prisma.raw(`"${o.table}"`);
  // An unfiltered count is SQLite's count of the table's smallest index (measured at 100k: 10–25 µs warm,
  // 0.1–0.2 ms cold): bounded, so on the main thread's reader like the unfiltered page, where the worker
  // round trip cost ten times the count. A filtered count may walk far: the workers.
  const count = () => countRows(o.where.length === 0 && o.boundedQuery ? o.boundedQuery : o.query, o.table, o.where);
  // Only totalCount asked for: the page is not read at all.
  if (o.args.countOnly) return finish([], w, fromRow, tag, count);
  const dir = Prisma.raw(scan === 'asc' ? 'ASC' : 'DESC');
  // NULLs first ascending and last descending, the order keysetPage asks Prisma for (dialect.ts).
  const order = o.nullable ? o.dialect.orderBy(col, scan) : Prisma.sql`${col} ${dir}`;
  const page = (columns: string) => Prisma.sql`SELECT ${Prisma.raw(columns)} FROM ${table} t ${sqlWhere(conditions)} ORDER BY ${order}, t."id" ${dir} LIMIT ${w.size + 1}`;
  const pageQuery = (o.where.length === 0 || o.boundedPage) && o.boundedQuery ? o.boundedQuery : o.query;
  // One statement for the page's rows (a model query per page costs ~0.5 ms of CPU more than this).
  if (o.columns) return finish(await pageQuery<Row>(page(o.columns)), w, fromRow, tag, count);
  const ids = await pageQuery<{ id: string }>(page('t."id" AS "id"'));
  // An empty page loads nothing (Prisma would still send `WHERE 1=0`).
  const rows = new Map((ids.length ? await o.load!(ids.map((r) => r.id)) : []).map((r) => [r.id, r]));
  const ordered = ids.map((r) => rows.get(r.id)).filter((r): r is Row => r !== undefined);
  return finish(ordered, w, fromRow, tag, count);
}
