/**
 * The few places where hand-written SQL differs between SQLite and PostgreSQL, so services write one
 * statement for both stores. A service asks `dialectOf(db)` (the client, or a transaction's client) and
 * never tests the provider itself. Everything else in our raw SQL is the common subset: quoted
 * identifiers, CAST, COALESCE, CASE, length, substr, recursive CTEs, UNION, LIMIT/OFFSET.
 */
import { Prisma } from '../generated/prisma/client.ts';

export type Provider = 'sqlite' | 'postgresql';

export interface Dialect {
  provider: Provider;
  /** A table source with one text column "value": the elements of a JSON array of strings (one parameter). */
  jsonValues(json: string): Prisma.Sql;
  /** A table source aliased `alias` over a JSON array of arrays (one parameter); read cells with `jsonAt`. */
  jsonRows(json: string, alias: string): Prisma.Sql;
  /** Element `index` of a row from `jsonRows`, as text. */
  jsonAt(alias: string, index: number): Prisma.Sql;
  /** Whether the text `column` contains `needle` (case-sensitive, no pattern characters). */
  contains(column: Prisma.Sql, needle: string): Prisma.Sql;
  /**
   * The join that keeps the written order: SQLite's planner never reorders a CROSS JOIN, which is how the
   * affiliation CTE drives from its small set; PostgreSQL has no `CROSS JOIN … ON` and plans joins itself.
   */
  orderedJoin: Prisma.Sql;
  /**
   * `ORDER BY` of a nullable column in this API's order: NULLs first ascending, last descending.
   * SQLite does that by itself; PostgreSQL does the opposite unless told.
   */
  orderBy(column: Prisma.Sql, direction: 'asc' | 'desc'): Prisma.Sql;
  /**
   * A page SELECT that returns rows only when `when` (an uncorrelated condition) holds: the conditions to
   * add to its WHERE and its LIMIT. SQLite evaluates a LIMIT once before the scan and reads nothing under
   * LIMIT 0, while it tests a WHERE condition on every row it reads, so the condition goes in the LIMIT
   * (`CASE WHEN … THEN take ELSE 0 END`). PostgreSQL plans a LIMIT it cannot read at planning time as if
   * a tenth of the rows were wanted (for the busiest actor's events at 100k documents: every event
   * hashed and sorted instead of the date index walked, 44 ms against 9 ms), and runs an uncorrelated
   * WHERE condition once before its input (a one-time filter), so there it goes in the WHERE.
   */
  gatedPage(when: Prisma.Sql, take: number): { where: Prisma.Sql[]; limit: Prisma.Sql };
  /**
   * A FROM clause of the rows of `table`, aliased t, whose ids the subquery `ids` (column "id", repeats
   * allowed) selects: each id once, each row found by its primary key. SQLite keeps a CROSS JOIN's order.
   * PostgreSQL would hash the ids and scan the whole table for a few hundred of them (an events page of
   * an actor in 622 events at 100k documents: 17 ms, against 9 ms looking each up): a LATERAL subquery
   * with OFFSET 0, which the planner does not flatten, looks each id up in the primary key.
   */
  rowsByIds(ids: Prisma.Sql, table: Prisma.Sql): Prisma.Sql;
  /** The `nulls` option Prisma's orderBy needs for the same order (undefined: leave it out). */
  prismaNulls(direction: 'asc' | 'desc'): 'first' | 'last' | undefined;
  /**
   * Whether a process should queue its own writes before they open a transaction: on PostgreSQL each
   * waiting writer would otherwise hold a pooled connection (and spend its transaction timeout) while it
   * waits for the lock; SQLite's adapter already runs one transaction at a time on its one connection.
   */
  queueWrites: boolean;
  /**
   * Whether the planner chooses a statement's plan by the values bound to it: PostgreSQL plans an
   * unnamed statement with its parameters against each column's most common values, so
   * `t."id" IN (SELECT … category = 'TRAINING')` under `ORDER BY date LIMIT 51` walks the date index
   * for a common category (2.2 ms at 100k documents) and drives from the items for a rare one. SQLite
   * plans by the statement's shape (its statistics know an index's average selectivity, not a value's),
   * so a service that wants a plan per value writes both and gates them (db/dated-page-sql.ts).
   */
  plansByValue: boolean;
}

export const sqliteDialect: Dialect = {
  provider: 'sqlite',
  jsonValues: (json) => Prisma.sql`json_each(${json})`,
  jsonRows: (json, alias) => Prisma.sql`json_each(${json}) ${Prisma.raw(alias)}`,
  jsonAt: (alias, index) => Prisma.raw(`json_extract(${alias}.value, '$[${index}]')`),
  contains: (column, needle) => Prisma.sql`instr(${column}, ${needle}) > 0`,
  orderedJoin: Prisma.raw('CROSS JOIN'),
  orderBy: (column, direction) => Prisma.sql`${column} ${Prisma.raw(direction === 'asc' ? 'ASC' : 'DESC')}`,
  prismaNulls: () => undefined,
  gatedPage: (when, take) => ({ where: [], limit: Prisma.sql`CASE WHEN ${when} THEN ${take} ELSE 0 END` }),
  rowsByIds: (ids, table) => Prisma.sql`(SELECT DISTINCT "x"."id" AS "id" FROM (${ids}) AS "x") AS "ids" CROSS JOIN ${table} t ON t."id" = "ids"."id"`,
  queueWrites: false,
  plansByValue: false,
};

export const postgresDialect: Dialect = {
  provider: 'postgresql',
  jsonValues: (json) => Prisma.sql`json_array_elements_text(CAST(${json} AS json))`,
  jsonRows: (json, alias) => Prisma.sql`json_array_elements(CAST(${json} AS json)) ${Prisma.raw(alias)}`,
  jsonAt: (alias, index) => Prisma.raw(`(${alias}.value ->> ${index})`),
  contains: (column, needle) => Prisma.sql`strpos(${column}, ${needle}) > 0`,
  orderedJoin: Prisma.raw('JOIN'),
  orderBy: (column, direction) => Prisma.sql`${column} ${Prisma.raw(direction === 'asc' ? 'ASC NULLS FIRST' : 'DESC NULLS LAST')}`,
  prismaNulls: (direction) => (direction === 'asc' ? 'first' : 'last'),
  gatedPage: (when, take) => ({ where: [when], limit: Prisma.sql`${take}` }),
  rowsByIds: (ids, table) => Prisma.sql`(SELECT "x"."id" AS "id" FROM (${ids}) AS "x" GROUP BY "x"."id") AS "ids"
    CROSS JOIN LATERAL (SELECT * FROM ${table} t WHERE t."id" = "ids"."id" OFFSET 0) t`,
  queueWrites: true,
  plansByValue: true,
};

/** The dialect of a provider name as Prisma reports it. */
export function dialectFor(provider: string): Dialect {
  if (provider === 'sqlite') return sqliteDialect;
  if (provider === 'postgresql' || provider === 'postgres') return postgresDialect;
  throw new Error(`no SQL dialect for provider "${provider}"`);
}

/**
 * The dialect of a Prisma client or of an interactive transaction's client (which forwards the
 * client's properties): the provider its generated client was built for.
 */
export function dialectOf(db: object): Dialect {
  const provider = (db as { _activeProvider?: unknown })._activeProvider;
  if (typeof provider !== 'string') throw new Error('dialectOf: not a Prisma client');
  return dialectFor(provider);
}
