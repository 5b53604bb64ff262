/**
 * Test databases, built by the same migrations as production: real SQLite files in a temp directory, or,
 * when TEST_POSTGRES_URL names a PostgreSQL server (`npm run test:postgres` sets it), a fresh database
 * there per test file, copied from a migrated (and a seeded) template made once per run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDb, type Db, type DbOptions } from '../../src/db/client.ts';
import { dialectOf } from '../../src/db/dialect.ts';
import { deployMigrations } from '../../src/db/migrate/index.ts';
import { seedDatabase } from '../../seed/lib/index.ts';

export interface TestDb {
  db: Db;
  url: string;
  dir: string;
  close(): Promise<void>;
}

/** The PostgreSQL server tests run against (an admin URL, e.g. postgresql://postgres@127.0.0.1:5433/postgres), or undefined for SQLite. */
export const testPostgresUrl = process.env.TEST_POSTGRES_URL || undefined;
/** Which store this run tests. */
export const testStore: 'sqlite' | 'postgresql' = testPostgresUrl ? 'postgresql' : 'sqlite';

export async function migratedDb(options: DbOptions = {}): Promise<TestDb> {
  return freshDb(options, false);
}

export async function seededDb(options: DbOptions = {}): Promise<TestDb> {
  return freshDb(options, true);
}

async function freshDb(options: DbOptions, seeded: boolean): Promise<TestDb> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-test-'));
  if (testPostgresUrl) {
    const url = await postgresDatabase(testPostgresUrl, seeded);
    const db = await createDb(url, options);
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    // An idle connection the server ends (DROP DATABASE … WITH (FORCE) of this database, a cluster
    // shutdown) makes the pool emit 'error'; unheard, that fails whichever test is running. A dump that
    // needs the connection still fails loudly through its own query.
    pool.on('error', () => undefined);
    dumpPools.set(db, pool);
    return {
      db, url, dir,
      async close() {
        dumpPools.delete(db);
        await pool.end();
        await db.$disconnect();
        await dropPostgresDatabase(testPostgresUrl, url);
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = `file:${path.join(dir, 'test.db')}`;
  await deployMigrations(url);
  const db = await createDb(url, options);
  if (seeded) await seedDatabase(db);
  return {
    db, url, dir,
    async close() {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const TEMPLATES = { migrated: 'dossier_test_migrated', seeded: 'dossier_test_seeded' } as const;

const withAdmin = async <T>(adminUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: adminUrl });
  client.on('notice', () => undefined);
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
};

const urlOf = (adminUrl: string, database: string) => {
  const u = new URL(adminUrl);
  u.pathname = `/${database}`;
  return u.toString();
};

/**
 * A new database copied from the migrated or seeded template (CREATE DATABASE … TEMPLATE: a file copy,
 * far faster than migrating and seeding each time). The templates are built once, by whichever test file
 * gets the advisory lock first; the others wait for it.
 */
async function postgresDatabase(adminUrl: string, seeded: boolean): Promise<string> {
  const template = seeded ? TEMPLATES.seeded : TEMPLATES.migrated;
  const name = `dossier_test_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await withAdmin(adminUrl, async (client) => {
    await client.query("SELECT pg_advisory_lock(hashtext('dossier:test-templates'))");
    try {
      const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname = ANY($1)', [Object.values(TEMPLATES)]);
      const have = new Set(rows.map((r) => r.datname));
      for (const [kind, db] of Object.entries(TEMPLATES)) {
        if (have.has(db)) continue;
        await client.query(`CREATE DATABASE "${db}"`);
        const url = urlOf(adminUrl, db);
        await deployMigrations(url);
        if (kind === 'seeded') {
          const t = await createDb(url);
          try {
            await seedDatabase(t);
          } finally {
            await t.$disconnect();
          }
        }
      }
      await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext('dossier:test-templates'))");
    }
  });
  return urlOf(adminUrl, name);
}

async function dropPostgresDatabase(adminUrl: string, url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  await withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/**
 * Direct connections to the PostgreSQL test databases, for dumpTables: reading every table through
 * Prisma's raw queries costs seconds per dump there (each row decoded through the query engine), and the
 * write suites dump twice per refused write.
 */
const dumpPools = new Map<Db, pg.Pool>();

/**
 * Every row of every application table, ordered by id: a snapshot to compare before and after. Not the
 * data version (src/db/data-version.ts), which every committed write transaction bumps, the seed's
 * included even when it changes nothing else; a write that fails rolls it back with everything else.
 */
export async function dumpTables(db: Db): Promise<Record<string, unknown[]>> {
  const pool = dumpPools.get(db);
  if (pool) {
    const { rows: tables } = await pool.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
         AND table_name NOT LIKE '\\_prisma%' AND table_name NOT IN ('DocumentSearch', 'DataVersion') ORDER BY table_name`,
    );
    const dump: Record<string, unknown[]> = {};
    const results = await Promise.all(tables.map(({ name }) =>
      pool.query(`SELECT * FROM "${name}" ORDER BY ${name === 'SeedRecord' ? '"model", "rowId"' : '"id"'}`)));
    tables.forEach(({ name }, i) => { dump[name] = results[i]!.rows; });
    return dump;
  }
  const tables = dialectOf(db).provider === 'postgresql'
    ? await db.$queryRawUnsafe<{ name: string }[]>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
         AND table_name NOT LIKE '\\_prisma%' AND table_name NOT IN ('DocumentSearch', 'DataVersion') ORDER BY table_name`,
    )
    : await db.$queryRawUnsafe<{ name: string }[]>(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%' AND name NOT LIKE 'DocumentFts%' AND name <> 'DataVersion' ORDER BY name`,
    );
  const dump: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    const order = name === 'SeedRecord' ? '"model", "rowId"' : '"id"';
    dump[name] = await db.$queryRawUnsafe(`SELECT * FROM "${name}" ORDER BY ${order}`);
  }
  return dump;
}

/**
 * A raw query written with `?` placeholders, as tests write them, on either store: PostgreSQL's are
 * numbered ($1, $2…). Test code only: services build statements with Prisma.sql, which numbers them itself.
 */
export function rawQuery<T = unknown>(db: Db, text: string, ...params: unknown[]): Promise<T[]> {
  let n = 0;
  const sql = dialectOf(db).provider === 'postgresql' ? text.replace(/\?/g, () => `$${++n}`) : text;
  return db.$queryRawUnsafe<T[]>(sql, ...params);
}
