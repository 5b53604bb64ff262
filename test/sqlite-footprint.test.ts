/**
 * What a SQLite server holds after start (bench/RESULTS.md, "Memory after start and at peak"): each
 * connection's page cache is SQLITE_CACHE_MB, the read workers start on the first read that needs them
 * (which waits for them rather than running on the main thread), and the connection is set up without
 * the ORM (foreign keys on, the emptiness check on hand-written SQL). SQLite only.
 */
import { createDb, hasNoDocuments, readersOf, readPoolOf, sqliteReaderOf } from '../src/db/client.ts';
import { READ_WORKER_YOUNG_GENERATION_MB } from '../src/db/read-pool.ts';
import { Prisma } from '../src/generated/prisma/client.ts';
import { migratedDb, seededDb, type TestDb } from './helpers/db.ts';

let t: TestDb | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const cacheSize = Prisma.sql`SELECT cache_size AS "kib" FROM pragma_cache_size()`;
/** The one value of each row, as a number (SQLite integers may come back as bigints). */
const values = (rows: Record<string, unknown>[]) => rows.map((r) => Number(Object.values(r)[0]));

it('gives every connection the page cache it is told: the main one, the main thread reader, each worker', async () => {
  t = await migratedDb({ readWorkers: 1, cacheMb: 3 });
  expect(values(await t.db.$queryRawUnsafe('PRAGMA cache_size'))).toEqual([-3072]);
  expect(values(await sqliteReaderOf(t.db)!.rows(cacheSize))).toEqual([-3072]);
  const pool = readPoolOf(t.db)!;
  await pool.whenReady();
  const served = pool.stats().served;
  expect(values(await readersOf(t.db).lists.rows(cacheSize))).toEqual([-3072]);
  expect(pool.stats().served).toBe(served + 1);
});

it('starts the read workers on the first read, which runs on a worker once they are up', async () => {
  t = await migratedDb({ readWorkers: 2 });
  const pool = readPoolOf(t.db)!;
  expect(pool.workers()).toEqual([]);
  expect(pool.stats()).toMatchObject({ size: 2, ready: 0, served: 0 });
  expect(await readersOf(t.db).lists.rows(Prisma.sql`SELECT 'up' AS "n"`)).toEqual([{ n: 'up' }]);
  // Answered by a worker (the main connection's fallback is not counted as served).
  expect(pool.stats().served).toBe(1);
  await pool.whenReady();
  expect(pool.stats()).toMatchObject({ ready: 2, restarts: 0 });
});

it('keeps foreign keys on for the connection the client writes on', async () => {
  t = await migratedDb({ readWorkers: 0 });
  expect(values(await t.db.$queryRawUnsafe('PRAGMA foreign_keys'))).toEqual([1]);
  await expect(t.db.actorAlias.create({ data: { actorId: 'no-such-actor', name: 'x', normalized: 'x' } })).rejects.toThrow();
  expect(await t.db.actorAlias.count()).toBe(0);
});

it('tells an empty database from a seeded one without the ORM', async () => {
  t = await migratedDb();
  expect(await hasNoDocuments(t.db)).toBe(true);
  await t.close();
  t = await seededDb();
  expect(await hasNoDocuments(t.db)).toBe(false);
});

it('closes a connection the client never used', async () => {
  t = await migratedDb({ readWorkers: 1 });
  const db = await createDb(t.url, { readWorkers: 1 });
  await readPoolOf(db)!.whenReady();
  await db.$disconnect();
  expect(readPoolOf(db)!.stats().ready).toBe(0);
});

it('gives each read worker a small young generation, and a read far larger than it still comes back whole', async () => {
  t = await migratedDb({ readWorkers: 1 });
  const pool = readPoolOf(t.db)!;
  await pool.whenReady();
  expect(pool.workers()[0]!.worker.resourceLimits).toMatchObject({ maxYoungGenerationSizeMb: READ_WORKER_YOUNG_GENERATION_MB });
  // ~200,000 rows of ~60 bytes: many times the worker's young generation, built and sent in one go.
  const rows = await readersOf(t.db).lists.rows<{ x: number | bigint; s: string }>(Prisma.sql`WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 200000)
    SELECT x, printf('%050d', x) AS s FROM c`);
  expect(rows).toHaveLength(200_000);
  expect(rows.map((r) => Number(r.x))).toEqual(Array.from({ length: 200_000 }, (_, i) => i + 1));
  expect(rows.at(-1)!.s).toBe('200000'.padStart(50, '0'));
  expect(pool.stats()).toMatchObject({ restarts: 0 });
});
