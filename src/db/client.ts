/**
 * The Prisma client over SQLite (better-sqlite3 driver adapter). WAL mode lets readers run beside a
 * writer; the busy timeout makes concurrent writers queue instead of failing with SQLITE_BUSY.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '../generated/prisma/client.ts';
import { databaseFile } from '../config.ts';
import { BUMP_DATA_VERSION } from './data-version.ts';
import { withStatementCache } from './statement-cache.ts';

export type Db = PrismaClient;
/** What services receive: the client, or the client of an open transaction. */
export type DbTx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

export const BUSY_TIMEOUT_MS = 10_000;

/**
 * Makes an open transaction take SQLite's write lock now, before it reads anything, and bumps the data
 * version (src/db/data-version.ts) that invalidates the response cache. A transaction begins deferred:
 * one that reads first and writes later fails at once with SQLITE_BUSY_SNAPSHOT (the busy timeout does
 * not apply) when another connection — the seed, a backup's planner stats, another process — committed
 * in between. Writing first makes it queue instead. The bump commits with the write or rolls back with it.
 * Every write transaction (the API's mutations, the seed) must call this first.
 */
export async function takeWriteLock(tx: DbTx): Promise<void> {
  await tx.$executeRawUnsafe(BUMP_DATA_VERSION);
}

export interface DbOptions {
  /** Called with each SQL statement the client runs and its parameters as JSON (N+1 and plan tests, debug logs, the benchmark). */
  onQuery?: (sql: string, durationMs: number, params: string) => void;
}

export async function createDb(databaseUrl: string, options: DbOptions = {}): Promise<Db> {
  const file = databaseFile(databaseUrl);
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const adapter = withStatementCache(new PrismaBetterSqlite3({ url: file, timeout: BUSY_TIMEOUT_MS }));
  const db = new PrismaClient({
    adapter,
    log: options.onQuery ? [{ level: 'query', emit: 'event' }] : [],
    // Any other format captures a stack trace on every query, to point at the caller in an error
    // message (profiled: ~1.5% of a nested page's CPU); errors are logged with their own stacks.
    errorFormat: 'minimal',
  });
  if (options.onQuery) {
    const onQuery = options.onQuery;
    db.$on('query' as never, ((e: { query: string; duration: number; params: string }) => onQuery(e.query, e.duration, e.params)) as never);
  }
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await db.$queryRawUnsafe('PRAGMA foreign_keys = ON');
  // Query plans depend on ANALYZE statistics (a filter on a rare category should drive from its index,
  // a common one walk the list's order): refresh them where they are missing or stale, bounded in time.
  await db.$queryRawUnsafe('PRAGMA analysis_limit = 1000');
  await db.$queryRawUnsafe('PRAGMA optimize = 0x10002');
  return db;
}
