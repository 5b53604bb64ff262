/**
 * Test databases: real SQLite files in a temp directory, built by the same migrations as production.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, type Db, type DbOptions } from '../../src/db/client.ts';
import { deployMigrations } from '../../src/db/migrate/index.ts';
import { seedDatabase } from '../../seed/lib/index.ts';

export interface TestDb {
  db: Db;
  url: string;
  dir: string;
  close(): Promise<void>;
}

export async function migratedDb(options: DbOptions = {}): Promise<TestDb> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-test-'));
  const url = `file:${path.join(dir, 'test.db')}`;
  await deployMigrations(url);
  const db = await createDb(url, options);
  return {
    db, url, dir,
    async close() {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function seededDb(options: DbOptions = {}): Promise<TestDb> {
  const t = await migratedDb(options);
  await seedDatabase(t.db);
  return t;
}

/**
 * Every row of every application table, ordered by id: a snapshot to compare before and after. Not the
 * data version (src/db/data-version.ts), which every committed write transaction bumps, the seed's
 * included even when it changes nothing else; a write that fails rolls it back with everything else.
 */
export async function dumpTables(db: Db): Promise<Record<string, unknown[]>> {
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%' AND name NOT LIKE 'DocumentFts%' AND name <> 'DataVersion' ORDER BY name`,
  );
  const dump: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    const order = name === 'SeedRecord' ? '"model", "rowId"' : '"id"';
    dump[name] = await db.$queryRawUnsafe(`SELECT * FROM "${name}" ORDER BY ${order}`);
  }
  return dump;
}
