/**
 * The main-thread SQLite reader (src/db/sql-reader.ts) decodes every column of every table as Prisma's
 * `$queryRaw` does, on the main thread and on the read workers, binds dates and booleans as Prisma does,
 * and sees a commit made by another connection at once (the response cache's data version). SQLite only:
 * the PostgreSQL reader is tested in test/postgres/pg-reader.test.ts.
 */
import Database from 'better-sqlite3';
import { databaseFile } from '../../src/config.ts';
import { readPoolOf, readersOf, sqliteReaderOf } from '../../src/db/client.ts';
import { prismaReader } from '../../src/db/sql-reader.ts';
import { DataVersionReader, readDataVersion } from '../../src/db/data-version.ts';
import { Prisma } from '../../src/generated/prisma/client.ts';
import { seededDb, type TestDb } from '../helpers/db.ts';

let t: TestDb;
beforeAll(async () => {
  t = await seededDb({ readWorkers: 0 });
});
afterAll(async () => {
  await t?.close();
});

const reader = () => sqliteReaderOf(t.db)!;

it('has a main-thread reader for a database file', () => {
  expect(reader()).toBeDefined();
});

it('decodes every column of every table as $queryRaw does', async () => {
  const tables = await t.db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'DocumentFts%' ORDER BY name`,
  );
  expect(tables.length).toBeGreaterThan(15);
  let rows = 0;
  for (const { name } of tables) {
    const query = Prisma.sql`SELECT *, COUNT(*) OVER () AS "n", 1.5 AS "f" FROM ${Prisma.raw(`"${name}"`)} ORDER BY rowid`;
    const direct = await reader().rows<Record<string, unknown>>(query);
    const orm = await prismaReader(t.db).rows<Record<string, unknown>>(query);
    expect({ name, rows: direct }).toStrictEqual({ name, rows: orm });
    rows += direct.length;
  }
  expect(rows).toBeGreaterThan(100);
});

it('decodes every column of every table on the read workers as $queryRaw does', async () => {
  const pooled = await seededDb({ readWorkers: 1 });
  try {
    await readPoolOf(pooled.db)!.whenReady();
    const served = readPoolOf(pooled.db)!.stats().served;
    const tables = await pooled.db.$queryRawUnsafe<{ name: string }[]>(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'DocumentFts%' ORDER BY name`,
    );
    const lists = readersOf(pooled.db).lists;
    for (const { name } of tables) {
      const query = Prisma.sql`SELECT *, COUNT(*) OVER () AS "n", 1.5 AS "f" FROM ${Prisma.raw(`"${name}"`)} ORDER BY rowid`;
      expect({ name, rows: await lists.rows(query) }).toStrictEqual({ name, rows: await prismaReader(pooled.db).rows(query) });
    }
    expect(readPoolOf(pooled.db)!.stats().served).toBeGreaterThan(served + tables.length);
  } finally {
    await pooled.close();
  }
});

it('binds dates and booleans as Prisma does', async () => {
  const item = await t.db.requestItem.findFirstOrThrow({ where: { excluded: true } });
  const created = (await t.db.document.findFirstOrThrow()).createdAt;
  for (const r of [reader(), prismaReader(t.db)]) {
    expect((await r.rows<{ id: string }>(Prisma.sql`SELECT "id" FROM "RequestItem" WHERE "excluded" = ${true} AND "id" = ${item.id}`)).map((x) => x.id)).toEqual([item.id]);
    expect((await r.rows<{ n: number }>(Prisma.sql`SELECT COUNT(*) AS "n" FROM "Document" WHERE "createdAt" = ${created}`))[0]!.n).toBeGreaterThan(0);
  }
});

it('reads the data version another connection just committed (the response cache\'s reader)', async () => {
  const versions = new DataVersionReader(databaseFile(t.url));
  try {
    const before = versions.read();
    expect(before).toMatch(/^[0-9a-f]+:\d+$/);
    expect(before).toBe(await readDataVersion(t.db));
    const other = new Database(databaseFile(t.url));
    try {
      other.prepare('UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1').run();
    } finally {
      other.close();
    }
    const after = versions.read();
    expect(after).not.toBe(before);
    expect(after).toBe(await readDataVersion(t.db));
  } finally {
    versions.close();
  }
});
