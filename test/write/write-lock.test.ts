/**
 * A write transaction takes SQLite's write lock before it reads. Otherwise a write that reads, then
 * writes, fails at once (SQLITE_BUSY_SNAPSHOT, surfacing as "Operation has timed out") whenever another
 * connection commits in between — the seed, or another process — instead of queueing behind it.
 */
import Database from 'better-sqlite3';
import { databaseFile } from '../../src/config.ts';
import { write } from '../../src/services/write.ts';
import { migratedDb, type TestDb } from '../helpers/db.ts';

let t: TestDb;
beforeAll(async () => {
  t = await migratedDb();
});
afterAll(() => t.close());

it('holds the write lock from its first statement, so another writer waits and neither fails', async () => {
  let reading!: () => void;
  const hasRead = new Promise<void>((r) => (reading = r));
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));

  const writing = write(t.db, { name: 'test', role: 'editor' }, 'editor', 'test', async (tx) => {
    await tx.actor.findMany({ select: { id: true } });
    reading();
    await released;
    return tx.actor.create({ data: { slug: 'lock-test', name: 'Lock test', kind: 'OTHER' } });
  });
  await hasRead;

  // Another connection (no busy wait, so the test cannot hang) cannot write while the transaction is
  // open: it would have to wait. Before the fix it could, and the transaction then failed.
  const other = new Database(databaseFile(t.url), { timeout: 0 });
  try {
    expect(() => other.prepare(`INSERT INTO "SeedRecord" ("model", "rowId") VALUES ('x', 'y')`).run()).toThrow(
      expect.objectContaining({ code: 'SQLITE_BUSY' }),
    );
  } finally {
    other.close();
  }
  release();
  await expect(writing).resolves.toMatchObject({ slug: 'lock-test' });
  expect(await t.db.seedRecord.count()).toBe(0);
});
