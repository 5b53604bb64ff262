// `migrate deploy` and `migrate status` in plain SQL, without Prisma's wasm schema engine.
//
// Why by hand: the engine applies a migration's statements one by one outside any transaction, so a
// SIGKILL part-way leaves a half-built schema and a started-but-unfinished `_prisma_migrations` row, and
// every later deploy refuses to run (P3009). It also takes the file for itself (`locking_mode=EXCLUSIVE`)
// and cannot run beside a server that has it open, and loading it costs 1–2 s and much memory at every
// start. SQLite's DDL is transactional: here each pending migration's SQL and its `_prisma_migrations`
// row (written exactly as the Prisma CLI writes it: checksum = sha256 of migration.sql) commit in one
// transaction, or not at all. WAL and the busy timeout let it run beside a server.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BUSY_TIMEOUT_MS } from '../client.ts';
import { bumpDataVersion } from '../data-version.ts';
import { MigrationError, errorMessage } from './errors.ts';

const TABLE = '_prisma_migrations';
// Byte for byte the table the Prisma CLI creates for SQLite.
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "${TABLE}" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export interface LocalMigration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: string | null;
  rolled_back_at: string | null;
}

export interface MigrationStatus {
  /** Applied and finished, oldest first. */
  applied: string[];
  /** In the migrations folder, not yet applied. */
  pending: string[];
  /** Started and never finished nor rolled back (left by an interrupted or failed engine run). */
  unfinished: string[];
  /** Applied, but migration.sql has changed since. */
  modified: string[];
  /** Applied to the database but not in the migrations folder. */
  unknown: string[];
}

/** The migrations folder: every sub-directory with a migration.sql, by name (a UTC timestamp first). */
export function readLocalMigrations(dir: string): LocalMigration[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b))
    .map((name) => {
      const file = path.join(dir, name, 'migration.sql');
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(file);
      } catch (error) {
        throw new MigrationError(`Migration ${name} has no readable migration.sql: ${errorMessage(error)}`);
      }
      return { name, sql: bytes.toString('utf8'), checksum: createHash('sha256').update(bytes).digest('hex') };
    });
}

function openDatabase(file: string, create: boolean): Database.Database | null {
  if (!create && !fs.existsSync(file)) return null;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  // WAL, as the server runs it: a deploy or seed beside a running server then only waits for its writes.
  db.pragma('journal_mode = WAL');
  return db;
}

function readRows(db: Database.Database): MigrationRow[] {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(TABLE);
  if (!exists) return [];
  return db.prepare(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "${TABLE}" ORDER BY started_at`).all() as MigrationRow[];
}

export function statusOf(local: LocalMigration[], rows: MigrationRow[]): MigrationStatus {
  const finished = new Map<string, MigrationRow>();
  const unfinished = new Set<string>();
  for (const row of rows) {
    if (row.finished_at !== null && row.rolled_back_at === null) finished.set(row.migration_name, row);
    else if (row.finished_at === null && row.rolled_back_at === null) unfinished.add(row.migration_name);
  }
  const localNames = new Set(local.map((m) => m.name));
  return {
    applied: local.filter((m) => finished.has(m.name)).map((m) => m.name),
    pending: local.filter((m) => !finished.has(m.name)).map((m) => m.name),
    unfinished: [...unfinished].filter((name) => !finished.has(name)),
    modified: local.filter((m) => finished.has(m.name) && finished.get(m.name)!.checksum !== m.checksum).map((m) => m.name),
    unknown: [...finished.keys()].filter((name) => !localNames.has(name)),
  };
}

/** Where the database stands against the migrations folder. Reads only; a missing file is all pending. */
export function migrationStatus(file: string, dir: string): MigrationStatus {
  const local = readLocalMigrations(dir);
  const db = openDatabase(file, false);
  try {
    return statusOf(local, db ? readRows(db) : []);
  } finally {
    db?.close();
  }
}

/** Prisma's timestamp format in `_prisma_migrations` ("2026-11-26T12:33:59.402+00:00"). */
const now = () => new Date().toISOString().replace('Z', '+00:00');

/**
 * Applies every pending migration, each in its own transaction with its `_prisma_migrations` row.
 * Returns the names applied. Opens nothing but SQLite when the database is up to date.
 */
export function deploy(file: string, dir: string): string[] {
  const local = readLocalMigrations(dir);
  if (file !== ':memory:' && fs.existsSync(file)) {
    // The common case, every start of an up-to-date database: one read, no writes.
    const db = openDatabase(file, false)!;
    try {
      const status = statusOf(local, readRows(db));
      if (status.pending.length === 0 && status.unfinished.length === 0) return [];
    } finally {
      db.close();
    }
  }
  const db = openDatabase(file, true)!;
  try {
    recoverUnfinished(db, local);
    const applied: string[] = [];
    for (const migration of local) {
      if (applyOne(db, migration)) applied.push(migration.name);
    }
    return applied;
  } finally {
    db.close();
  }
}

/** Applies one migration unless another process got there first; true when this call applied it. */
function applyOne(db: Database.Database, migration: LocalMigration): boolean {
  // A migration that rebuilds a table (SQLite's RedefineTables) turns foreign keys off around it; inside
  // a transaction that PRAGMA is a no-op, so it is done here, and foreign_key_check guards the result.
  db.pragma('foreign_keys = OFF');
  try {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(CREATE_TABLE);
      const done = db.prepare(`SELECT 1 FROM "${TABLE}" WHERE migration_name = ? AND finished_at IS NOT NULL AND rolled_back_at IS NULL`).get(migration.name);
      if (done) {
        db.exec('ROLLBACK');
        return false;
      }
      const startedAt = now();
      db.exec(migration.sql);
      const violations = db.pragma('foreign_key_check') as { table: string }[];
      if (violations.length) {
        throw new Error(`it leaves ${violations.length} row(s) breaking a foreign key (first in table ${violations[0]!.table})`);
      }
      // A migration may change data (or what a query answers): cached responses must go.
      bumpDataVersion(db);
      db.prepare(`INSERT INTO "${TABLE}" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
                  VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)`).run(randomUUID(), migration.checksum, now(), migration.name, startedAt);
      db.exec('COMMIT');
      return true;
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw new MigrationError(`Migration ${migration.name} failed to apply and was rolled back (the database is as it was before it): ${errorMessage(error)}`);
    }
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

/**
 * A migration the schema engine started and never finished (the process was killed, or its SQL failed)
 * left part of its schema behind. When the database holds no data yet, which is where an interrupted
 * first start leaves it, the half-built schema is dropped and every migration is applied afresh. With
 * data in it, there is no safe automatic answer: stop with what to do.
 */
function recoverUnfinished(db: Database.Database, local: LocalMigration[]): void {
  const { unfinished } = statusOf(local, readRows(db));
  if (unfinished.length === 0) return;
  db.pragma('foreign_keys = OFF');
  try {
    db.exec('BEGIN IMMEDIATE');
    try {
      const objects = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string; sql: string | null }[];
      const virtual = objects.filter((o) => /^CREATE VIRTUAL TABLE/i.test(o.sql ?? '')).map((o) => o.name);
      const shadow = (name: string) => virtual.some((v) => name.startsWith(`${v}_`));
      const plain = objects.map((o) => o.name).filter((n) => n !== TABLE && !virtual.includes(n) && !shadow(n));
      const withData = plain.filter((n) => db.prepare(`SELECT 1 FROM "${n.replaceAll('"', '""')}" LIMIT 1`).get());
      if (withData.length) {
        throw new MigrationError(
          `Migration ${unfinished.join(', ')} was started by an earlier run and never finished, and the database already holds data ` +
            `(${withData.slice(0, 5).join(', ')}); restore it from a backup (npm run db:backup, README "Backups"), or, if its data can go, delete the file.`,
        );
      }
      for (const name of [...virtual, ...plain]) db.exec(`DROP TABLE IF EXISTS "${name.replaceAll('"', '""')}"`);
      db.exec(`DROP TABLE IF EXISTS "${TABLE}"`);
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  } finally {
    db.pragma('foreign_keys = ON');
  }
}
