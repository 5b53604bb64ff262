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
  /** The `nulls` option Prisma's orderBy needs for the same order (undefined: leave it out). */
  prismaNulls(direction: 'asc' | 'desc'): 'first' | 'last' | undefined;
  /**
   * Whether a process should queue its own writes before they open a transaction: on PostgreSQL each
   * waiting writer would otherwise hold a pooled connection (and spend its transaction timeout) while it
   * waits for the lock; SQLite's adapter already runs one transaction at a time on its one connection.
   */
  queueWrites: boolean;
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
  queueWrites: false,
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
  queueWrites: true,
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
