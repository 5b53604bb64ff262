/**
 * The data version: a one-row table ("DataVersion", migration data_version) whose counter every write
 * bumps inside its own transaction (takeWriteLock in client.ts), so a rollback undoes the bump with the
 * write, and whose epoch is renewed whenever the file is replaced by a restore. A response cached under
 * one (epoch, version) pair is valid exactly while the database still presents that pair, whichever
 * process wrote in between. Plain SQL with quoted identifiers: the same statements work on PostgreSQL.
 */
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { DbTx } from './client.ts';
import type { SqliteReader } from './sql-reader.ts';

/** Bumps the counter; in SQLite (and PostgreSQL) this also takes the write lock for the transaction. */
export const BUMP_DATA_VERSION = 'UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1';

const READ_DATA_VERSION = 'SELECT "version", "epoch" FROM "DataVersion" WHERE "id" = 1';
type VersionRow = { version: number | bigint; epoch: string };
const versionOf = (row: VersionRow | undefined) => (row ? `${row.epoch}:${String(row.version)}` : null);

/** `<epoch>:<version>`, read in one statement; null when the table is missing (a database not yet migrated). */
export async function readDataVersion(db: DbTx): Promise<string | null> {
  return versionOf((await db.$queryRawUnsafe<VersionRow[]>(READ_DATA_VERSION))[0]);
}

/**
 * The same, synchronously, through the main thread's SQLite reader: one prepared statement, no ORM, no
 * worker hop (the response cache's hit path reads it on every request). Throws when the table is missing.
 */
export function readDataVersionNow(reader: SqliteReader): string | null {
  return versionOf(reader.rowsNow<VersionRow>(READ_DATA_VERSION)[0]);
}

const hasTable = (db: Database.Database) =>
  db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'DataVersion'`).get() !== undefined;

/** For writers outside the Prisma client (migrations, the benchmark's corpus): bump when the table exists. */
export function bumpDataVersion(db: Database.Database): void {
  if (hasTable(db)) db.prepare(BUMP_DATA_VERSION).run();
}

/**
 * A restored file carries the counter of its backup, which may be lower than or equal to one the live
 * database has already shown: a new random epoch (and a bump) makes its pair one no cache has seen.
 * A backup older than the table gets it, with a fresh epoch, from its migration on the next start.
 */
export function renewDataEpoch(db: Database.Database): void {
  if (!hasTable(db)) return;
  db.prepare('UPDATE "DataVersion" SET "version" = "version" + 1, "epoch" = ? WHERE "id" = 1').run(randomBytes(16).toString('hex'));
}
