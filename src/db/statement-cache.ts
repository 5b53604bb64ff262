/**
 * A prepared-statement cache in front of Prisma's better-sqlite3 driver adapter.
 *
 * The adapter (7.10) calls `prepare(sql)` on every query, so SQLite parses and plans each statement
 * again on every request (profiled: ~5% of a title list's CPU). Prisma's query plan cache already gives
 * a query shape the same SQL text each time, so caching statements by text pays. Hand-written rather
 * than an option: the adapter has none.
 *
 * The adapter binds with `prepare(sql).bind(args)`, and a better-sqlite3 statement can be bound only
 * once, so the cache hands out a small facade per call whose `bind` keeps the arguments and passes them
 * to the shared statement on each run. better-sqlite3 runs a statement to completion synchronously (the
 * adapter uses all() and run(), never iterate()), so one statement per SQL text is never in use twice.
 */
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type BetterSqlite3 from 'better-sqlite3';

/** Distinct SQL texts kept; past this the least recently used is dropped (better-sqlite3 finalises it when collected). */
export const STATEMENT_CACHE_SIZE = 500;

type Statement = BetterSqlite3.Statement<unknown[]>;

/** A statement's column metadata never changes once prepared (the adapter asks on every read). */
const columnsOf = new WeakMap<Statement, BetterSqlite3.ColumnDefinition[]>();
const columns = (statement: Statement) => {
  let c = columnsOf.get(statement);
  if (!c) columnsOf.set(statement, (c = statement.columns()));
  return c;
};

/** What the adapter uses of a statement: reader, bind, columns, raw().all(), run() (unbound: `BEGIN`). */
function facade(statement: Statement) {
  return {
    reader: statement.reader,
    run: (...args: unknown[]) => statement.run(...args),
    all: (...args: unknown[]) => statement.raw(false).all(...args),
    get: (...args: unknown[]) => statement.raw(false).get(...args),
    bind(args: unknown[]) {
      return {
        reader: statement.reader,
        columns: () => columns(statement),
        raw: () => ({ all: () => statement.raw(true).all(...args) }),
        run: () => statement.run(...args),
      };
    },
  };
}

/** Replaces `db.prepare` with a cached one (LRU over SQL text). */
export function cacheStatements(db: BetterSqlite3.Database, size = STATEMENT_CACHE_SIZE): void {
  const prepare = db.prepare.bind(db) as (sql: string) => Statement;
  const cache = new Map<string, Statement>();
  (db as { prepare: unknown }).prepare = (sql: string) => {
    let statement = cache.get(sql);
    if (statement) {
      // Map keeps insertion order: re-inserting marks it most recently used.
      cache.delete(sql);
    } else {
      statement = prepare(sql);
      if (cache.size >= size) cache.delete(cache.keys().next().value!);
    }
    cache.set(sql, statement);
    return facade(statement);
  };
}

/**
 * Wraps a better-sqlite3 adapter factory so that every connection it opens caches its statements.
 * The adapter keeps its better-sqlite3 handle in `client`.
 */
export function withStatementCache<F extends SqlDriverAdapterFactory>(factory: F): F {
  const connect = factory.connect.bind(factory);
  return Object.assign(factory, {
    async connect() {
      const adapter = await connect();
      const client = (adapter as unknown as { client?: BetterSqlite3.Database }).client;
      if (client && typeof client.prepare === 'function') cacheStatements(client);
      return adapter;
    },
  });
}
