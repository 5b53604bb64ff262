/**
 * The PostgreSQL migrations (prisma/postgresql/migrations): they apply to an empty database, each in one
 * transaction with its `_prisma_migrations` row; a failing one leaves nothing behind; and the folder builds
 * exactly the schema Prisma's engine derives from the model (prisma/schema.prisma with the PostgreSQL
 * provider), so the two migration sets cannot drift apart. Runs under `npm run test:postgres`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { deployMigrations, getMigrationStatus, MigrationError } from '../../src/db/migrate/index.ts';
import { loadEngineModule } from '../../src/db/migrate/engine.ts';
import { postgresMigrationsDir, repoRoot } from '../../src/db/migrate/paths.ts';
import { postgresSchema } from '../../src/db/migrate/postgres-schema.ts';
import { testPostgresUrl } from '../helpers/db.ts';

if (!testPostgresUrl) throw new Error('test/postgres needs TEST_POSTGRES_URL: run it with `npm run test:postgres`');
const server = testPostgresUrl;

const created: string[] = [];
async function admin<T>(run: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: server });
  c.on('notice', () => undefined);
  await c.connect();
  try {
    return await run(c);
  } finally {
    await c.end();
  }
}
async function emptyDatabase(): Promise<string> {
  const name = `dossier_migrations_${process.pid}_${created.length}_${Math.random().toString(36).slice(2, 8)}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  created.push(name);
  const u = new URL(server);
  u.pathname = `/${name}`;
  return u.toString();
}
async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}
afterAll(async () => {
  await admin(async (c) => {
    for (const name of created) await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
});

/** EXPLAIN of `sql` with sorts disabled (priced out): a Sort left in the plan means no index gives the order. */
async function explainWithoutSort(url: string, sql: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('SET enable_sort = off');
    return (await c.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`)).rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    await c.end();
  }
}

/** The indexes built NULLS FIRST on purpose, by the nullable column each orders. */
const NULLS_FIRST: Record<string, string> = {
  Document_published_id_idx: 'published',
  Event_start_id_idx: 'start',
  Event_kind_start_id_idx: 'start',
  Event_status_start_id_idx: 'start',
  Request_date_id_idx: 'date',
  Request_status_date_id_idx: 'date',
  RequestResponse_date_id_responderId_idx: 'date',
};

/** Tables, columns, enums, indexes and constraints of the public schema, in a comparable form. */
async function catalog(url: string) {
  const skip = ['_prisma_migrations', 'DocumentSearch'];
  const columns = await query(url, `
    SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length, numeric_precision, datetime_precision
    FROM information_schema.columns WHERE table_schema = 'public' AND NOT (table_name = ANY($1))
    ORDER BY table_name, column_name`, [skip]);
  const enums = await query(url, `
    SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS labels
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'public' GROUP BY t.typname ORDER BY t.typname`);
  const indexes = await query(url, `
    SELECT tablename, indexname, indexdef FROM pg_indexes
    WHERE schemaname = 'public' AND NOT (tablename = ANY($1)) ORDER BY tablename, indexname`, [skip]);
  const constraints = await query(url, `
    SELECT c.conrelid::regclass::text AS "table", c.conname, c.contype::text AS kind, pg_get_constraintdef(c.oid) AS def
    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
    WHERE n.nspname = 'public' AND c.conrelid <> 0 AND NOT (c.conrelid::regclass::text = ANY($1))
    ORDER BY 1, 2`, [skip.flatMap((t) => [t, `"${t}"`])]);
  return { columns, enums, indexes, constraints };
}

/** The SQL Prisma's engine writes for the model from nothing (`prisma migrate diff --from-empty --to-schema`). */
async function modelScript(scratchUrl: string): Promise<string> {
  const schemaFile = path.join(repoRoot, 'prisma', 'postgresql', 'schema.prisma');
  const content = postgresSchema(await readFile(path.join(repoRoot, 'prisma', 'schema.prisma'), 'utf8'));
  const bg = await loadEngineModule();
  const factory = new PrismaPg({ connectionString: scratchUrl, max: 1 });
  const engine = await bg.SchemaEngine.new({ datamodels: [[schemaFile, content]] }, () => undefined, bindMigrationAwareSqlAdapterFactory(factory));
  try {
    const r = await engine.diff({
      from: { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaFile, content }] },
      script: true, exitCode: null, filters: { externalTables: [], externalEnums: [] },
    });
    return r.stdout ?? '';
  } finally {
    engine.free();
  }
}

describe('PostgreSQL migrations', () => {
  it('apply to an empty database once, recorded as Prisma records them, and report up to date', async () => {
    const url = await emptyDatabase();
    const local = fs.readdirSync(postgresMigrationsDir).filter((n) => fs.existsSync(path.join(postgresMigrationsDir, n, 'migration.sql'))).sort();
    expect((await deployMigrations(url)).applied).toEqual(local);
    expect((await deployMigrations(url)).applied).toEqual([]);
    const status = await getMigrationStatus(url);
    expect(status).toEqual({ applied: local, pending: [], unfinished: [], modified: [], unknown: [] });
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      url, 'SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name');
    expect(rows.map((r) => r.migration_name)).toEqual(local);
    for (const r of rows) {
      expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(r.finished_at).toBeInstanceOf(Date);
    }
  });

  it('build the same tables, columns, enums, indexes and constraints as the model', async () => {
    const fromMigrations = await emptyDatabase();
    await deployMigrations(fromMigrations);
    const fromModel = await emptyDatabase();
    const script = await modelScript(fromModel);
    expect(script).toContain('CREATE TABLE "Document"');
    await query(fromModel, script);
    const [a, b] = [await catalog(fromMigrations), await catalog(fromModel)];
    expect(a.columns.length).toBeGreaterThan(100);
    // On purpose: the indexes on a nullable sort column are built NULLS FIRST (migration
    // nulls_first_order_indexes), which Prisma's schema language cannot say; otherwise the same.
    for (const i of b.indexes as { indexname: string; indexdef: string }[]) {
      const column = NULLS_FIRST[i.indexname];
      if (column) i.indexdef = i.indexdef.replace(new RegExp(`\\b${column}(?=[,)])`), `${column} NULLS FIRST`);
    }
    expect(a).toEqual(b);
  });

  it('serve every date-ordered list page in both directions from an index, without sorting', async () => {
    const url = await emptyDatabase();
    await deployMigrations(url);
    const lists = [
      ['Document', 'published', ''], ['Event', 'start', ''], ['Request', 'date', ''],
      ['Event', 'start', `WHERE "kind" = 'MEETING'`], ['Event', 'start', `WHERE "status" = 'PLANNED'`],
      ['Request', 'date', `WHERE "status" = 'PENDING'`], ['RequestResponse', 'date', ''],
    ] as const;
    for (const [table, column, where] of lists) {
      for (const order of [`"${column}" ASC NULLS FIRST, "id" ASC`, `"${column}" DESC NULLS LAST, "id" DESC`]) {
        // With sorting priced out, a plan still sorts if no index gives this order.
        const text = await explainWithoutSort(url, `SELECT "id" FROM "${table}" ${where} ORDER BY ${order} LIMIT 21`);
        expect({ table, order, text }).toEqual({ table, order, text: expect.stringMatching(/Index (Only )?Scan/) });
        expect(text).not.toMatch(/Sort/);
      }
    }
  });

  it('roll a failing migration back whole: its tables and its _prisma_migrations row never appear', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-pg-migrations-'));
    try {
      fs.cpSync(postgresMigrationsDir, dir, { recursive: true });
      const bad = path.join(dir, '29990101000000_broken');
      fs.mkdirSync(bad);
      fs.writeFileSync(path.join(bad, 'migration.sql'), 'CREATE TABLE "Oops" ("id" TEXT PRIMARY KEY);\nINSERT INTO "Oops" VALUES (\'x\');\nSELECT 1 / 0;\n');
      const url = await emptyDatabase();
      await expect(deployMigrations(url, { migrationsDir: dir })).rejects.toThrow(MigrationError);
      await expect(deployMigrations(url, { migrationsDir: dir })).rejects.toThrow(/29990101000000_broken failed to apply and was rolled back/);
      const [oops] = await query<{ t: string | null }>(url, `SELECT to_regclass('"Oops"')::text AS t`);
      expect(oops!.t).toBeNull();
      const names = (await query<{ migration_name: string }>(url, 'SELECT migration_name FROM _prisma_migrations')).map((r) => r.migration_name);
      expect(names).not.toContain('29990101000000_broken');
      expect(names.length).toBe(fs.readdirSync(postgresMigrationsDir).filter((n) => n !== 'migration_lock.toml').length);
      const status = await getMigrationStatus(url, { migrationsDir: dir });
      expect(status.pending).toEqual(['29990101000000_broken']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('apply each migration once when several deployers (each its own connection) start at the same moment', async () => {
    const url = await emptyDatabase();
    const results = await Promise.all([deployMigrations(url), deployMigrations(url), deployMigrations(url)]);
    const applied = results.flatMap((r) => r.applied).sort();
    const local = fs.readdirSync(postgresMigrationsDir).filter((n) => n !== 'migration_lock.toml').sort();
    expect(applied).toEqual(local);
    const [row] = await query<{ n: string }>(url, 'SELECT COUNT(*) AS n FROM _prisma_migrations');
    expect(Number(row!.n)).toBe(local.length);
  });
});
