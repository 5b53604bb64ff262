/**
 * The data version: a one-row table ("DataVersion", migration data_version) whose counter every write
 * bumps inside its own transaction (takeWriteLock in client.ts), so a rollback undoes the bump with the
 * write, and whose epoch is renewed whenever the file is replaced by a restore. A response cached under
 * one (epoch, version) pair is valid exactly while the database still presents that pair, whichever
 * process wrote in between. Plain SQL with quoted identifiers: the same statements work on PostgreSQL.
 */
import { randomBytes } from 'node:crypto';
import DatabaseConstructor from 'better-sqlite3';
import type Database from 'better-sqlite3';
import type { DbTx } from './client.ts';
import { Prisma } from '../generated/prisma/client.ts';
import type { SqlReader } from './sql-reader.ts';

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
 * The same read through one of the client's hand-written readers (src/db/sql-reader.ts): the response
 * cache's lookup on PostgreSQL, where the reader is `pg` itself with the statement prepared once per
 * connection (src/db/pg-reader.ts). Through `$queryRawUnsafe` each read paid Prisma's query pipeline:
 * profiled on a PostgreSQL cache hit, @prisma/client, its engine runtime and `debug` were ~25 % of the
 * hit's CPU. Reported to the statement log like any statement of that reader.
 */
const READ_DATA_VERSION_SQL = Prisma.raw(READ_DATA_VERSION);
export async function readDataVersionWith(reader: SqlReader): Promise<string | null> {
  return versionOf((await reader.rows<VersionRow>(READ_DATA_VERSION_SQL))[0]);
}

/**
 * The version on a read-only connection of its own, one prepared statement kept: for the response
 * cache's lookup, which runs on every cacheable request and is most of a hit's database work. Through
 * the main thread's reader (src/db/sql-reader.ts) each read also paid that reader's statement cache,
 * row decoding and the statement metrics: ~10 % of a hit's CPU, profiled, against ~7 µs for the
 * statement itself. The statement is the same one, so the same version from whichever process wrote.
 * Not counted in the statement metrics: it is the cache's check, not a statement of the operation.
 */
export class DataVersionReader {
  readonly #db: Database.Database;
  #statement: Database.Statement<[], [number | bigint, string]> | undefined;

  constructor(file: string) {
    // As the main thread's reader: read-only, no busy timeout (a WAL reader does not wait for writers).
    this.#db = new DatabaseConstructor(file, { readonly: true, fileMustExist: true, timeout: 0 });
  }

  /** `<epoch>:<version>`; throws while the table is missing (a database not yet migrated). */
  read(): string | null {
    this.#statement ??= this.#db.prepare<[], [number | bigint, string]>(READ_DATA_VERSION).raw(true);
    const row = this.#statement.get();
    return row ? `${row[1]}:${String(row[0])}` : null;
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }
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
