/**
 * Reads on worker threads (READ_WORKERS): a heavy read does not hold up other requests, a read does not
 * wait for a write transaction another connection holds open, a read sees the commit before it, and a
 * write waiting for another writer's lock waits on a timer (other requests go on) and, past the busy
 * timeout, fails with the retryable SERVICE_BUSY having written nothing.
 */
import Database from 'better-sqlite3';
import { databaseFile } from '../../src/config.ts';
import { readPoolOf } from '../../src/db/client.ts';
import { isPlainRead } from '../../src/db/read-pool.ts';
import { SERVICE_BUSY_RETRY_AFTER_S } from '../../src/server/apollo.ts';
import { ok, startTestServer, type GqlResult, type TestServer } from '../helpers/server.ts';
import { EDITOR, TOKENS, mutate, refusedUnchanged } from '../write/support.ts';

/** A statement that keeps SQLite busy for a second or more (on its own connection, in a worker). */
const HEAVY = `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) SELECT sum(i % 7) AS s FROM n`;

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ tokens: TOKENS }, { db: { readWorkers: 2, busyTimeoutMs: 400 } });
  await readPoolOf(s.t.db)!.whenReady();
});
afterAll(async () => {
  await s?.close();
});

const timed = async <T>(run: () => Promise<T>) => {
  await run();
  return Date.now();
};

it('routes only plain reads to the workers', () => {
  expect(isPlainRead('SELECT 1')).toBe(true);
  expect(isPlainRead(' -- note\n WITH x AS (SELECT 1) SELECT * FROM x')).toBe(true);
  expect(isPlainRead(`SELECT 'DELETE FROM x' AS "update"`)).toBe(true);
  expect(isPlainRead('WITH x AS (SELECT 1) DELETE FROM "Actor" WHERE id IN x')).toBe(false);
  expect(isPlainRead('PRAGMA journal_mode')).toBe(false);
  expect(isPlainRead('SELECT last_insert_rowid()')).toBe(false);
  expect(isPlainRead('SELECT 1; DELETE FROM "Actor"')).toBe(false);
  expect(isPlainRead('INSERT INTO "Actor" SELECT * FROM "Actor"')).toBe(false);
});

it('answers /healthz and a title list while a heavy read runs', async () => {
  const pool = readPoolOf(s.t.db)!;
  const heavy = timed(() => s.t.db.$queryRawUnsafe(HEAVY));
  while (pool.stats().busy === 0) await new Promise((r) => setTimeout(r, 1));
  const [healthz, titles, heavyDone] = await Promise.all([
    timed(async () => expect((await fetch(`${s.origin}/healthz`)).status).toBe(200)),
    timed(async () => expect(ok(await s.gql('{ documents(first: 20) { edges { node { title } } } }')).documents.edges.length).toBeGreaterThan(0)),
    heavy,
  ]);
  expect(healthz).toBeLessThan(heavyDone);
  expect(titles).toBeLessThan(heavyDone);
});

it('reads without waiting for a write transaction another connection holds open', async () => {
  const before = ok(await s.gql('{ actors { totalCount } }')).actors.totalCount;
  const other = new Database(databaseFile(s.t.url));
  try {
    other.prepare('BEGIN IMMEDIATE').run();
    other.prepare(`INSERT INTO "SeedRecord" ("model", "rowId") VALUES ('held', 'open')`).run();
    const started = Date.now();
    expect(ok(await s.gql('{ actors { totalCount } documents(first: 5) { edges { node { title } } } }')).actors.totalCount).toBe(before);
    expect(Date.now() - started).toBeLessThan(400); // well under the busy timeout the lock would cost
    // A write meanwhile waits for the lock on a timer: reads and /healthz still answer.
    const writing = mutate(s, 'createActor', 'CreateActorInput', { name: 'Waits For The Lock', kind: 'PERSON' }, '{ actor { slug } }', EDITOR);
    await new Promise((r) => setTimeout(r, 50));
    expect((await fetch(`${s.origin}/healthz`)).status).toBe(200);
    ok(await s.gql('{ documents(first: 5) { edges { node { title } } } }'));
    other.prepare('ROLLBACK').run();
    expect(ok(await writing).createActor.actor.slug).toBe('waits-for-the-lock');
  } finally {
    if (other.inTransaction) other.prepare('ROLLBACK').run();
    other.close();
  }
});

it('sees a mutation in the very next read', async () => {
  const served = readPoolOf(s.t.db)!.stats().served;
  for (let i = 0; i < 5; i++) {
    const slug = ok(await mutate(s, 'createActor', 'CreateActorInput', { name: `Fresh Actor ${i}`, kind: 'PERSON' }, '{ actor { slug } }', EDITOR)).createActor.actor.slug;
    expect(ok(await s.gql('query ($s: String!) { actor(slug: $s) { name } }', { s: slug })).actor).toEqual({ name: `Fresh Actor ${i}` });
  }
  expect(readPoolOf(s.t.db)!.stats().served).toBeGreaterThan(served);
});

it('fails a write that waits past the busy timeout with SERVICE_BUSY (HTTP 503, Retry-After), writing nothing', async () => {
  const other = new Database(databaseFile(s.t.url));
  try {
    other.prepare('BEGIN IMMEDIATE').run();
    let response: GqlResult | undefined;
    const error = await refusedUnchanged(s, 'SERVICE_BUSY', async () =>
      (response = await mutate(s, 'createActor', 'CreateActorInput', { name: 'Never Written', kind: 'PERSON' }, '{ actor { slug } }', EDITOR)));
    expect(error.extensions).toMatchObject({ code: 'SERVICE_BUSY', retryable: true });
    expect(response!.status).toBe(503);
    expect(response!.headers!.get('retry-after')).toBe(String(SERVICE_BUSY_RETRY_AFTER_S));
    expect(response!.data).toBeNull(); // createActor is non-null: the error nulls the whole answer
  } finally {
    if (other.inTransaction) other.prepare('ROLLBACK').run();
    other.close();
  }
  expect(ok(await s.gql('{ actors(filter: { nameContains: "Never Written" }) { totalCount } }')).actors.totalCount).toBe(0);
});

it('runs an unfiltered page or count on the main thread (bounded by an index walk) and a filtered page or count on a worker', async () => {
  const pool = readPoolOf(s.t.db)!;
  const served = () => pool.stats().served;
  let before = served();
  for (const [list, field] of [['documents', 'TITLE'], ['requests', 'CREATED_AT'], ['events', 'TITLE']] as const) {
    expect(ok(await s.gql(`{ ${list}(first: 3) { edges { cursor } } }`))[list].edges.length).toBeGreaterThan(0);
    const order = `orderBy: { field: ${field}, direction: DESC }`;
    const { edges } = ok(await s.gql(`{ ${list}(first: 2, ${order}) { edges { cursor } } }`))[list];
    ok(await s.gql(`query ($c: String) { ${list}(first: 2, after: $c, ${order}) { edges { cursor } } }`, { c: edges[1].cursor }));
  }
  expect(served()).toBe(before);
  ok(await s.gql('{ documents(first: 3, filter: { from: "2000" }) { edges { cursor } } }'));
  expect(served()).toBe(before + 1);
  const expected = { documents: await s.t.db.document.count(), actors: await s.t.db.actor.count() };
  before = served();
  const all = ok(await s.gql('{ documents { totalCount } actors { totalCount } events { totalCount } requests { totalCount } }'));
  expect(served()).toBe(before);
  expect({ documents: all.documents.totalCount, actors: all.actors.totalCount }).toEqual(expected);
  ok(await s.gql('{ documents(first: 3, filter: { from: "2000" }) { totalCount } }'));
  expect(served()).toBe(before + 1);
  ok(await s.gql('{ actors(filter: { kind: [STATE] }) { totalCount } }'));
  expect(served()).toBe(before + 2);
});
