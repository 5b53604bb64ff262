// `migrate deploy`, `migrate status` and reset for PostgreSQL, in plain SQL over `pg` (as deploy.ts does
// for SQLite). PostgreSQL's DDL is transactional: each pending migration's SQL and its `_prisma_migrations`
// row (the table and row exactly as the Prisma CLI writes them; checksum = sha256 of migration.sql) commit
// in one transaction, or not at all. A transaction-level advisory lock makes concurrent deployers (several
// API processes starting at once) apply each migration once, one after another.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { redactUrl } from '../../config.ts';
import { readLocalMigrations, statusOf, type LocalMigration, type MigrationRow, type MigrationStatus } from './deploy.ts';
import { MigrationError, errorMessage } from './errors.ts';
import { BUMP_DATA_VERSION } from '../data-version.ts';

const TABLE = '_prisma_migrations';
// The table the Prisma CLI creates for PostgreSQL.
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "${TABLE}" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;
// One key for every deployer of this database, held until its transaction ends.
const LOCK = "SELECT pg_advisory_xact_lock(hashtext('dossier:migrate'))";

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  // Notices (e.g. "extension already exists, skipping") are not worth a line on every deploy.
  client.on('notice', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw new MigrationError(`Cannot connect to the PostgreSQL database ${redactUrl(url)}: ${errorMessage(error)}`);
  }
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function readRows(client: pg.Client): Promise<MigrationRow[]> {
  const { rows: [exists] } = await client.query<{ t: string | null }>(`SELECT to_regclass('"${TABLE}"') AS t`);
  if (!exists?.t) return [];
  const { rows } = await client.query<MigrationRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "${TABLE}" ORDER BY started_at`,
  );
  return rows;
}

/** Where the database stands against the migrations folder. Reads only. */
export async function postgresMigrationStatus(url: string, dir: string): Promise<MigrationStatus> {
  const local = readLocalMigrations(dir);
  return withClient(url, async (client) => statusOf(local, await readRows(client)));
}

/** Applies every pending migration, each in its own transaction with its `_prisma_migrations` row. */
export async function deployPostgres(url: string, dir: string): Promise<string[]> {
  const local = readLocalMigrations(dir);
  return withClient(url, async (client) => {
    const status = statusOf(local, await readRows(client));
    if (status.unfinished.length > 0) {
      // Only another tool (the Prisma CLI) leaves these: this runner's transactions never do.
      throw new MigrationError(
        `Migration ${status.unfinished.join(', ')} was started and never finished (by another tool: this one applies each migration in one transaction). ` +
          'Check the database schema, then mark it rolled back or applied in _prisma_migrations, or restore a backup.',
      );
    }
    if (status.pending.length === 0) return [];
    const applied: string[] = [];
    for (const migration of local) {
      if (await applyOne(client, migration)) applied.push(migration.name);
    }
    return applied;
  });
}

async function applyOne(client: pg.Client, migration: LocalMigration): Promise<boolean> {
  await client.query('BEGIN');
  try {
    await client.query(LOCK);
    await client.query(CREATE_TABLE);
    const done = await client.query(
      `SELECT 1 FROM "${TABLE}" WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      [migration.name],
    );
    if (done.rowCount) {
      await client.query('ROLLBACK');
      return false;
    }
    const startedAt = new Date();
    // No parameters: the simple query protocol runs the whole file, several statements, in this transaction.
    await client.query(migration.sql);
    // A migration may change data (or what a query answers): cached responses, in every process, must go.
    const { rows: [version] } = await client.query<{ t: string | null }>(`SELECT to_regclass('"DataVersion"') AS t`);
    if (version?.t) await client.query(BUMP_DATA_VERSION);
    await client.query(
      `INSERT INTO "${TABLE}" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
       VALUES ($1, $2, now(), $3, NULL, NULL, $4, 1)`,
      [randomUUID(), migration.checksum, migration.name, startedAt],
    );
    await client.query('COMMIT');
    return true;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw new MigrationError(`Migration ${migration.name} failed to apply and was rolled back (the database is as it was before it): ${errorMessage(error)}`);
  }
}

/**
 * Drops everything in the connection's schema (tables, types, functions, the search configuration and the
 * unaccent extension installed there) and re-creates it empty: what `migrate reset` does before deploying.
 */
export async function resetPostgres(url: string): Promise<void> {
  await withClient(url, async (client) => {
    const { rows: [row] } = await client.query<{ schema: string | null }>('SELECT current_schema() AS schema');
    const schema = row?.schema;
    if (!schema) throw new MigrationError('The connection has no current schema to reset (check search_path)');
    const quoted = `"${schema.replaceAll('"', '""')}"`;
    await client.query('BEGIN');
    try {
      await client.query(`DROP SCHEMA ${quoted} CASCADE`);
      await client.query(`CREATE SCHEMA ${quoted}`);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw new MigrationError(`Cannot reset schema ${schema}: ${errorMessage(error)}`);
    }
  });
}
