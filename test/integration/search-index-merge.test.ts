/**
 * The migration that merges the full-text index (search_index_merged): on a database whose index was
 * written in many transactions, it leaves one segment, and every search answers as before — the same
 * documents, scores, snippets and highlights.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, type Db } from '../../src/db/client.ts';
import { deployMigrations } from '../../src/db/migrate/index.ts';

const MIGRATIONS = path.join(import.meta.dirname, '..', '..', 'prisma', 'migrations');
const MERGE = fs.readdirSync(MIGRATIONS).find((d) => d.endsWith('_search_index_merged'))!;
const WORDS = ['training', 'mission', 'equipment', 'alliance', 'request', 'security', 'baghdad', 'brussels', 'troops', 'advisers'];

let dir: string;
let url: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-merge-'));
  url = `file:${path.join(dir, 'm.db')}`;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const segments = async (db: Db) => Number((await db.$queryRawUnsafe<{ n: bigint | number }[]>('SELECT COUNT(DISTINCT "segid") AS "n" FROM "DocumentFts_idx"'))[0]!.n);
const answers = (db: Db, query: string) => db.$queryRawUnsafe<unknown[]>(`
  SELECT "documentId", bm25("DocumentFts", 0.0, 5.0, 1.0) AS "rank", snippet("DocumentFts", 2, '[[', ']]', '…', 24) AS "snippet",
         highlight("DocumentFts", 1, '[[', ']]') AS "title"
  FROM "DocumentFts" WHERE "DocumentFts" MATCH ? ORDER BY "rank", "documentId"`, query);

it('merges an index written in many transactions into one segment, and changes no answer', async () => {
  expect(MERGE).toBeDefined();
  // Every migration before the merge, from a copy of the folder.
  const before = path.join(dir, 'migrations');
  fs.mkdirSync(before);
  for (const name of fs.readdirSync(MIGRATIONS)) {
    if (name >= MERGE) continue;
    fs.cpSync(path.join(MIGRATIONS, name), path.join(before, name), { recursive: true });
  }
  await deployMigrations(url, { migrationsDir: before });

  let db = await createDb(url, { readWorkers: 0 });
  // No automatic merging: each transaction below leaves a segment of its own, as a bulk load leaves many.
  await db.$executeRawUnsafe(`INSERT INTO "DocumentFts" ("DocumentFts", "rank") VALUES ('automerge', 0)`);
  for (let i = 0; i < 24; i++) {
    const words = Array.from({ length: 40 }, (_, j) => WORDS[(i * 7 + j * j) % WORDS.length]).join(' ');
    await db.$executeRaw`
      INSERT INTO "Document" ("id", "slug", "title", "publisher", "body", "contentHash", "wordCount", "updatedAt")
      VALUES (${crypto.randomBytes(6).toString('hex')}, ${`merge-${i}`}, ${`${WORDS[i % WORDS.length]} report ${i}`}, ${'Test'}, ${words},
              ${crypto.randomUUID()}, ${40}, ${new Date().toISOString()})`;
  }
  expect(await segments(db)).toBeGreaterThan(5);
  const queries = ['"training"', '"mission" "troops"', '"training mission"', '"baghdad"'];
  const expected = await Promise.all(queries.map((q) => answers(db, q)));
  for (const e of expected) expect(e.length).toBeGreaterThan(0);
  await db.$disconnect();

  // The merge, then any migration added after it.
  const fromMerge = fs.readdirSync(MIGRATIONS).filter((n) => n >= MERGE && fs.existsSync(path.join(MIGRATIONS, n, 'migration.sql'))).sort();
  expect(fromMerge[0]).toBe(MERGE);
  expect((await deployMigrations(url)).applied).toEqual(fromMerge);
  db = await createDb(url, { readWorkers: 0 });
  try {
    expect(await segments(db)).toBe(1);
    for (const [i, q] of queries.entries()) expect(await answers(db, q)).toEqual(expected[i]);
  } finally {
    await db.$disconnect();
  }
});
