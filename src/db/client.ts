/**
 * The Prisma client, over SQLite (better-sqlite3 driver adapter; the default, `file:` URLs) or over
 * PostgreSQL (`pg` driver adapter; `postgresql://` URLs). This is the one place that picks the store:
 * Prisma generates a client per provider (src/generated/prisma, src/generated/prisma-pg) from the same
 * model, with the same API, and services receive either as `Db`. Where hand-written SQL differs, services
 * go through src/db/dialect.ts.
 *
 * SQLite: WAL mode lets readers run beside a writer; the busy timeout makes concurrent writers queue
 * instead of failing with SQLITE_BUSY, waiting on a timer rather than on the JS thread (busy.ts). Plain
 * reads run on worker threads with their own read-only connections (read-pool.ts), so a slow read or a
 * write waiting for the lock stalls no one else; prepared statements are cached (statement-cache.ts).
 * PostgreSQL needs none of these: its server runs statements concurrently, and one `pg` pool of
 * DATABASE_POOL_SIZE connections serves both Prisma's adapter and the hand-written reads (pg-reader.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { databaseFile, DEFAULT_SQLITE_CACHE_MB, defaultReadWorkers, isPostgresUrl } from '../config.ts';
import { BUMP_DATA_VERSION } from './data-version.ts';
import { withAsyncBusyWait } from './busy.ts';
import { withReadPool, type ReadPool } from './read-pool.ts';
import { withStatementCache } from './statement-cache.ts';
import { PooledReader, prismaReader, SqliteReader, type SqlReader } from './sql-reader.ts';

export type Db = PrismaClient;
/** What services receive: the client, or the client of an open transaction. */
export type DbTx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

/** How long a statement waits for a lock other writers hold before failing (SERVICE_BUSY). */
export const BUSY_TIMEOUT_MS = 10_000;

/**
 * Makes an open transaction wait for every other writer now, before it reads anything, and bumps the
 * data version (src/db/data-version.ts) that invalidates the response cache. The bump commits with the
 * write or rolls back with it. Every write transaction (the API's mutations, the seed) must call this first.
 *
 * SQLite: a transaction begins deferred, and one that reads first and writes later fails at once with
 * SQLITE_BUSY_SNAPSHOT (the busy timeout does not apply) when another connection — the seed, a backup's
 * planner stats, another process — committed in between. Writing first takes the database's write lock
 * now, so it queues instead.
 *
 * PostgreSQL: the same UPDATE takes the row lock on the one "DataVersion" row, which every writer of the
 * database, in any API process, must take first: a second writer blocks on it until the first commits or
 * rolls back. Under READ COMMITTED (PostgreSQL's default, which Prisma keeps) each later statement of the
 * waiting transaction reads a fresh snapshot, so it sees everything the first writer committed. Writers
 * therefore run one at a time exactly as on SQLite, and every read-check-write rule in the services
 * (slugs, merges, optimistic versions) holds across processes; readers never wait. A separate advisory
 * lock would add nothing, so there is none.
 */
export async function takeWriteLock(tx: DbTx): Promise<void> {
  await tx.$executeRawUnsafe(BUMP_DATA_VERSION);
}

export interface DbOptions {
  /** Called with each SQL statement the client runs and its parameters as JSON (N+1 and plan tests, debug logs, the benchmark). */
  onQuery?: (sql: string, durationMs: number, params: string) => void;
  /** SQLite: worker threads for plain reads (default: `defaultReadWorkers()`); 0 runs every statement on the main connection. */
  readWorkers?: number;
  /** SQLite: how long a statement waits for another writer's lock (default BUSY_TIMEOUT_MS). */
  busyTimeoutMs?: number;
  /** SQLite: told when a read worker stops unexpectedly (it is restarted; the statement it ran fails). */
  onReadWorkerError?: (error: Error) => void;
  /** SQLite: page cache per connection, in MiB (default SQLITE_CACHE_MB's default, `DEFAULT_SQLITE_CACHE_MB`). */
  cacheMb?: number;
}

const readPools = new WeakMap<Db, ReadPool>();
const sqliteReaders = new WeakMap<Db, SqliteReader>();

/** The read pool behind a client from `createDb`, if it has one (metrics, tests, the benchmark). */
export function readPoolOf(db: Db): ReadPool | undefined {
  return readPools.get(db);
}

/**
 * The main-thread SQLite reader beside a client from `createDb` (src/db/sql-reader.ts), when its
 * database is a file; undefined for an in-memory one (a second connection would see another database).
 */
export function sqliteReaderOf(db: Db): SqliteReader | undefined {
  return sqliteReaders.get(db);
}

/**
 * How a client's hand-written read SQL reaches the database (src/db/sql-reader.ts):
 * `bounded` for statements whose cost a page bounds (a relation's rows for a page of keys, a data
 * version), `lists` for those that may run long (a root list's page, a count, a filter), which must
 * not hold up the main thread. On SQLite files: the main thread's reader and the read workers (the
 * main thread's reader without workers); on PostgreSQL both are `pg` directly (src/db/pg-reader.ts: the
 * server runs statements concurrently, so nothing needs a thread of its own); in memory, `$queryRaw`.
 * An unfiltered list's page walks at most a page of its index: it takes `bounded` (the worker round trip
 * cost more CPU than the page, see src/services/pagination.ts); filtered pages and counts take `lists`.
 */
export interface Readers {
  bounded: SqlReader;
  lists: SqlReader;
}
const readers = new WeakMap<object, Readers>();

export function readersOf(db: DbTx): Readers {
  return readers.get(db) ?? { bounded: prismaReader(db), lists: prismaReader(db) };
}

/** Gives a derived client (a request's, src/context.ts) its own readers. */
export function setReaders(db: DbTx, r: Readers): void {
  readers.set(db, r);
}

function listen(db: Db, options: DbOptions): Db {
  if (options.onQuery) {
    const onQuery = options.onQuery;
    db.$on('query' as never, ((e: { query: string; duration: number; params: string }) => onQuery(e.query, e.duration, e.params)) as never);
  }
  return db;
}

export async function createDb(databaseUrl: string, options: DbOptions = {}): Promise<Db> {
  const log: { level: 'query'; emit: 'event' }[] = options.onQuery ? [{ level: 'query', emit: 'event' }] : [];
  // Any other format captures a stack trace on every query, to point at the caller in an error
  // message (profiled: ~1.5% of a nested page's CPU); errors are logged with their own stacks.
  const errorFormat = 'minimal' as const;
  if (isPostgresUrl(databaseUrl)) {
    // Loaded only for PostgreSQL, so a SQLite deployment never loads pg or the second client.
    const [{ PrismaPg }, { PrismaClient: PgClient }, { default: pg }, { PgReader }] = await Promise.all([
      import('@prisma/adapter-pg'),
      import('../generated/prisma-pg/client.ts'),
      import('pg'),
      import('./pg-reader.ts'),
    ]);
    // One pool for the client's adapter and the hand-written reads (src/db/pg-reader.ts): a process opens
    // at most DATABASE_POOL_SIZE connections to PostgreSQL, whichever path a statement takes.
    // With two connections or more, one of them is the bounded reader's own, in pipeline mode (pg-reader.ts).
    const size = postgresPoolSize();
    const pipelined = size >= 2 ? () => new pg.Client({ connectionString: databaseUrl, pipeline: true }) : undefined;
    const pool = new pg.Pool({ connectionString: databaseUrl, max: pipelined ? size - 1 : size });
    // An idle connection the server ends (a restart, pg_terminate_backend) is dropped and reopened on demand;
    // without a listener, its error event would end the process.
    pool.on('error', () => {});
    const adapter = new PrismaPg(pool);
    // The PostgreSQL client has the same models, fields and methods as the SQLite one (both generated from
    // prisma/schema.prisma); only provider-only options differ in its types, which services do not use.
    const db = listen(new PgClient({ adapter, log, errorFormat }) as unknown as Db, options);
    try {
      await db.$connect();
    } catch (error) {
      await pool.end();
      throw error;
    }
    const bounded = new PgReader(pool, { onQuery: options.onQuery, pipelined });
    readers.set(db, { bounded, lists: pipelined ? new PgReader(pool, { onQuery: options.onQuery }) : bounded });
    // The adapter leaves a pool it was given open: end it with the client.
    const disconnect = db.$disconnect.bind(db);
    let ended: Promise<void> | undefined;
    Object.assign(db, { $disconnect: async () => { await disconnect(); ended ??= Promise.all([bounded.close(), pool.end()]).then(() => {}); await ended; } });
    return db;
  }
  const file = databaseFile(databaseUrl);
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const busyTimeoutMs = options.busyTimeoutMs ?? BUSY_TIMEOUT_MS;
  // The main connection has no busy timeout of its own: SQLite's busy handler would sleep on the JS thread.
  let adapter: SqlDriverAdapterFactory = withAsyncBusyWait(withStatementCache(new PrismaBetterSqlite3({ url: file, timeout: 0 })), busyTimeoutMs);
  const workers = file === ':memory:' ? 0 : options.readWorkers ?? defaultReadWorkers();
  // Every connection (the main one, the main thread's reader, each read worker's) has its own page cache,
  // filled up to its limit at corpus scale: this build of SQLite defaults to 16 MB each, 64 MB for four
  // connections. The operating system caches the file too, so a smaller limit costs a copy from its cache
  // on a miss, not a disk read (bench/RESULTS.md, "Memory after start and at peak").
  const cacheKib = Math.round((options.cacheMb ?? DEFAULT_SQLITE_CACHE_MB) * 1024);
  let pool: ReadPool | undefined;
  if (workers > 0) {
    adapter = withReadPool(adapter, {
      file, size: workers, busyTimeoutMs, cacheKib, onWorkerError: options.onReadWorkerError, onPool: (p) => { pool = p; },
    });
  }
  // The connection is opened and set up here, on the driver adapter, not through the client: Prisma loads
  // its query compiler (wasm, ~10 MB resident) when it connects, and only writes and a few rare reads
  // need it (the API's reads are hand-written SQL). The client gets this same connection when it first
  // needs one (`connectOnce`).
  const once = connectOnce(adapter);
  const main = await once.connect();
  // One statement at a time through queryRaw: a locked database is waited for (busy.ts), as for any statement.
  const pragma = (sql: string) => main.queryRaw({ sql: `PRAGMA ${sql}`, args: [], argTypes: [] });
  await pragma(`cache_size = -${cacheKib}`);
  await pragma('journal_mode = WAL');
  await pragma('foreign_keys = ON');
  const db = listen(new PrismaClient({ adapter: once, log, errorFormat }), options);
  // The file is in WAL mode: start the readers.
  if (pool) {
    pool.start();
    readPools.set(db, pool);
  }
  if (file !== ':memory:') {
    const reader = new SqliteReader(file, { onQuery: options.onQuery, cacheKib });
    sqliteReaders.set(db, reader);
    readers.set(db, { bounded: reader, lists: pool ? new PooledReader(pool, options.onQuery) : reader });
  }
  // Closed with the client (the reader's statements hold the file open), and the connection too when
  // the client never used it.
  const disconnect = db.$disconnect.bind(db);
  Object.assign(db, { $disconnect: async () => { sqliteReaders.get(db)?.close(); await disconnect(); await once.dispose(); } });
  // Query plans depend on ANALYZE statistics (a filter on a rare category should drive from its index,
  // a common one walk the list's order): refresh them where they are missing or stale, bounded in time.
  await pragma('analysis_limit = 1000');
  await pragma('optimize = 0x10002');
  return db;
}

/**
 * A factory that opens one connection and hands that same one to every `connect()` until it is disposed
 * (then the next `connect()` opens a new one): createDb opens and sets it up without the client, and
 * Prisma takes it on its first statement. `dispose()` closes it if it is still open.
 */
function connectOnce(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory & { dispose(): Promise<void> } {
  let open: Promise<SqlDriverAdapter> | undefined;
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect() {
      open ??= factory.connect().then((adapter) => {
        const dispose = adapter.dispose.bind(adapter);
        const mine = open;
        adapter.dispose = async () => {
          if (open === mine) open = undefined;
          await dispose();
        };
        return adapter;
      });
      return open;
    },
    async dispose() {
      if (open) await (await open).dispose();
    },
  };
}

/**
 * A small read on the client's hand-written reader (on SQLite, the main thread's own connection), not
 * through the client: start-up, health and readiness checks need no ORM, and the client's first statement
 * loads its query compiler (~10 MB) and, on SQLite, the read workers.
 */
export function checkRows<T>(db: Db, sql: string): Promise<T[]> {
  return readersOf(db).bounded.rows<T>(Prisma.raw(sql));
}

/** Whether the database holds no document yet (start-up: seed an empty database). */
export async function hasNoDocuments(db: Db): Promise<boolean> {
  return (await checkRows(db, 'SELECT 1 AS "one" FROM "Document" LIMIT 1')).length === 0;
}

/** Connections per API process to PostgreSQL: env DATABASE_POOL_SIZE, default 10 (pg's own default). */
function postgresPoolSize(): number {
  const raw = process.env.DATABASE_POOL_SIZE;
  const n = raw === undefined || raw === '' ? 10 : Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new Error(`DATABASE_POOL_SIZE must be an integer from 1 to 1000, got "${raw}"`);
  return n;
}
