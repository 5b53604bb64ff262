// Programmatic `prisma migrate deploy` / `migrate dev` / `migrate reset` for SQLite on the wasm schema
// engine. Used by the CLI (cli.ts), the server at start-up and the tests (fresh databases in temp dirs).
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type {
  MigrationList,
  SchemaEngine,
  SchemaFilter,
  SchemasContainer,
} from '@prisma/schema-engine-wasm/schema_engine_bg';
import { deploy, migrationStatus, type MigrationStatus } from './deploy.ts';
import { openEngine, type OpenEngine } from './engine.ts';
import { MigrationError, toMigrationError } from './errors.ts';
import { migrationSlug } from './migration-name.ts';
import { readMigrations, writeMigration } from './migrations.ts';
import { migrationsDir, migrationsDirFor, schemaPath, sqliteFilePath } from './paths.ts';
import { isPostgresUrl } from '../../config.ts';
import { loadSchemaFilter } from './schema-filter.ts';
import { LIST_TRIGGERS_SQL, triggersFromRows, withRebuiltTablesTriggers } from './triggers.ts';

/** The PostgreSQL runner, loaded only for a PostgreSQL URL: a SQLite deployment never loads `pg`. */
const postgres = () => import('./deploy-postgres.ts');

export { MigrationError } from './errors.ts';
export { databaseUrlFromEnv } from './paths.ts';
export type { MigrationStatus } from './deploy.ts';

export interface DeployResult {
  /** Names of the migrations applied by this call, oldest first; empty when the database was up to date. */
  applied: string[];
}

export interface CreateMigrationResult extends DeployResult {
  /** The new migration's folder name (`<YYYYMMDDHHMMSS>_<name>`), or null when the schema had no changes. */
  migration: string | null;
  /** Absolute path of the written migration.sql, or null. */
  file: string | null;
  /** Data-loss warnings for the new migration (already applied to this database). */
  warnings: string[];
}

export interface DeployOptions {
  /** The migrations folder (default prisma/migrations, or prisma/postgresql/migrations for a PostgreSQL URL). */
  migrationsDir?: string;
}

/**
 * Applies pending migrations, like `prisma migrate deploy`, but each in one transaction with its
 * `_prisma_migrations` row and without the wasm engine (see deploy.ts): a kill at any point leaves every
 * migration applied or not, and it runs beside a server that has the file open.
 */
export async function deployMigrations(databaseUrl: string, options: DeployOptions = {}): Promise<DeployResult> {
  const dir = options.migrationsDir ?? migrationsDirFor(databaseUrl);
  try {
    if (isPostgresUrl(databaseUrl)) return { applied: await (await postgres()).deployPostgres(databaseUrl, dir) };
    return { applied: deploy(sqliteFilePath(databaseUrl), dir) };
  } catch (error) {
    throw toMigrationError(error);
  }
}

/** Where the database stands against the migrations folder (`prisma migrate status`); reads only. */
export async function getMigrationStatus(databaseUrl: string, options: DeployOptions = {}): Promise<MigrationStatus> {
  const dir = options.migrationsDir ?? migrationsDirFor(databaseUrl);
  try {
    if (isPostgresUrl(databaseUrl)) return await (await postgres()).postgresMigrationStatus(databaseUrl, dir);
    return migrationStatus(sqliteFilePath(databaseUrl), dir);
  } catch (error) {
    throw toMigrationError(error);
  }
}

/**
 * Like `prisma migrate dev --name <name>`: brings the database up to date, writes a migration for the
 * difference between the migrations folder and the schema (env PRISMA_SCHEMA or prisma/schema.prisma),
 * and applies it. Never resets: when the history and the database disagree it throws and says why.
 */
export async function createMigration(databaseUrl: string, name: string): Promise<CreateMigrationResult> {
  const slug = migrationSlug(name);
  if (slug === '') throw new MigrationError(`"${name}" is not a usable migration name; try e.g. add_user_email`);
  if (isPostgresUrl(databaseUrl)) {
    throw new MigrationError(
      'New migrations are made against SQLite (the default DATABASE_URL); their PostgreSQL counterpart goes in prisma/postgresql/migrations, and `npm run test:postgres` checks that folder builds the same schema as the model (README "Migrations").',
    );
  }
  return withEngine(databaseUrl, async ({ engine, query, filters, schema }) => {
    const before = await readMigrations(migrationsDir);
    // applyMigrations first: it brings the database up to date and creates `_prisma_migrations`, without
    // which devDiagnostic fails with P1014. devDiagnostic must then run before createMigration.
    const { appliedMigrationNames: applied } = await engine.applyMigrations({ migrationsList: before, filters });
    await assertNoResetNeeded(engine, before, filters);

    const loss = await engine.evaluateDataLoss({ migrationsList: before, schema, filters });
    if (loss.unexecutableSteps.length > 0) {
      throw new MigrationError(
        'The migration cannot be applied to this database as generated:\n' +
          loss.unexecutableSteps.map((step) => `  • ${step.message}`).join('\n') +
          '\nChange the schema (e.g. add a default), or reset the database.',
      );
    }

    const created = await engine.createMigration({
      draft: false,
      migrationName: slug,
      migrationsList: before,
      schema,
      filters,
    });
    if (created.migrationScript === null) return { migration: null, file: null, applied, warnings: [] };

    const triggers = triggersFromRows(await query(LIST_TRIGGERS_SQL));
    const script = withRebuiltTablesTriggers(created.migrationScript, triggers);
    const file = await writeMigration(migrationsDir, created.generatedMigrationName, script, created.connectorType);
    const after = await readMigrations(migrationsDir);
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList: after, filters });
    return {
      migration: created.generatedMigrationName,
      file,
      applied: [...applied, ...appliedMigrationNames],
      warnings: loss.warnings.map((warning) => warning.message),
    };
  });
}

/**
 * Deletes the SQLite file (and its -wal/-shm/-journal) and deploys every migration. For SQLite this is
 * what a reset is: the engine's own reset() leaves the external FTS tables behind, after which deploy
 * fails with P3005.
 */
export async function resetDatabase(databaseUrl: string): Promise<DeployResult> {
  if (isPostgresUrl(databaseUrl)) {
    await (await postgres()).resetPostgres(databaseUrl).catch((error: unknown) => {
      throw toMigrationError(error);
    });
    return deployMigrations(databaseUrl);
  }
  const file = sqliteFilePath(databaseUrl);
  await Promise.all(['', '-wal', '-shm', '-journal'].map((suffix) => rm(file + suffix, { force: true })));
  return deployMigrations(databaseUrl);
}

interface EngineContext {
  engine: SchemaEngine;
  query: OpenEngine['query'];
  filters: SchemaFilter;
  schema: SchemasContainer;
}

/** Opens the engine on the database for one command and always closes it, normalising errors. */
async function withEngine<T>(databaseUrl: string, run: (context: EngineContext) => Promise<T>): Promise<T> {
  try {
    const file = sqliteFilePath(databaseUrl);
    await mkdir(path.dirname(file), { recursive: true });
    const schemaFile = schemaPath();
    const content = await readFile(schemaFile, 'utf8');
    // Loaded alongside the wasm compilation; the no-op catch only keeps a failure from being reported as
    // unhandled while openEngine is awaited (it is rethrown by the await below).
    const filtersLoading = loadSchemaFilter();
    filtersLoading.catch(() => undefined);
    const opened = await openEngine(file, { path: schemaFile, content });
    try {
      const filters = await filtersLoading;
      const schema = { files: [{ path: schemaFile, content }] };
      return await run({ engine: opened.engine, query: (sql) => opened.query(sql), filters, schema });
    } finally {
      await opened.close();
    }
  } catch (error) {
    throw toMigrationError(error);
  }
}

/** `migrate dev` would offer to reset here (drift, edited or missing migrations); we refuse and explain. */
async function assertNoResetNeeded(
  engine: SchemaEngine,
  migrationsList: MigrationList,
  filters: SchemaFilter,
): Promise<void> {
  const { action } = await engine.devDiagnostic({ migrationsList, filters });
  if (action.tag === 'reset') {
    throw new MigrationError(
      `${action.reason}\nThe database must be reset to continue (npm run db:reset deletes all its data).`,
    );
  }
}
