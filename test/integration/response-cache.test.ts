/**
 * The response cache over real HTTP: a hit after a miss; every kind of write invalidates it (a mutation,
 * the seed, another process on the same database, a migration; a restore in response-cache-restore.test.ts);
 * errors and mutations are never stored; an anonymous viewer never gets an admin's answer; the byte
 * budget evicts; RESPONSE_CACHE_MB=0 turns it off. Runs on both stores.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/config.ts';
import { createDb } from '../../src/db/client.ts';
import { deployMigrations } from '../../src/db/migrate/index.ts';
import { migrationsDirFor } from '../../src/db/migrate/paths.ts';
import { seedDatabase } from '../../seed/lib/index.ts';
import { codes, startTestServer, type TestServer } from '../helpers/server.ts';
import { testStore } from '../helpers/db.ts';

const EDITOR = 'cache-editor-secret';
const ADMIN = 'cache-admin-secret';
const TOKENS = `ed:editor:${EDITOR},root:admin:${ADMIN}`;
const TITLES = 'query Titles { documents(first: 50) { totalCount edges { node { title } } } }';

interface Answer { status: number; cache: string | null; body: any }

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, cache: res.headers.get('x-dossier-cache'), body: await res.json() };
}
const query = (url: string, q: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => post(url, { query: q, variables }, headers);
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

describe('with the cache on (as by default)', () => {
  let s: TestServer;
  beforeAll(async () => { s = await startTestServer({ tokens: TOKENS, responseCacheMb: 32 }); });
  afterAll(async () => { await s.close(); });

  it('answers a repeated query from the cache: same bytes, no statement of the operation, logged and counted', async () => {
    const first = await query(s.url, TITLES);
    expect(first.cache).toBe('miss');
    s.queries.length = 0;
    const second = await query(s.url, TITLES);
    expect(second.cache).toBe('hit');
    expect(second.body).toEqual(first.body);
    expect(second.body.data.documents.totalCount).toBe(5);
    // No statement of the operation. On SQLite the data version is read on the cache's own connection,
    // outside the statement log; on PostgreSQL it is the one statement of a hit. (The tests below show it
    // is read: a write by this process, another process or a migration is never missed.)
    expect(s.queries).toEqual(testStore === 'postgresql' ? [expect.stringMatching(/FROM "DataVersion"/)] : []);
    // Another operation text, other variables or another role is another entry.
    expect((await query(s.url, `${TITLES} `)).cache).toBe('miss');
    expect((await query(s.url, 'query Titles($n: Int) { documents(first: $n) { totalCount } }', { n: 2 })).cache).toBe('miss');
    expect((await query(s.url, 'query Titles($n: Int) { documents(first: $n) { totalCount } }', { n: 3 })).cache).toBe('miss');
    expect((await query(s.url, TITLES, undefined, bearer(EDITOR))).cache).toBe('miss');
    expect((await query(s.url, TITLES, undefined, bearer(EDITOR))).cache).toBe('hit');
    const metrics = await (await fetch(`${s.origin}/metrics`)).text();
    expect(metrics).toMatch(/dossier_graphql_operations_total\{operation="Titles",type="query",code="OK"\} [4-9]/);
    expect(metrics).toMatch(/dossier_response_cache_lookups_total\{result="hit"\} 2/);
  });

  it('is invalidated by a mutation, and never stores one', async () => {
    expect((await query(s.url, TITLES)).cache).toBe('hit');
    const created = await query(s.url, 'mutation { ingestDocument(input: { body: "Kabul asked NATO for trainers.", publisher: "Wire", title: "Cache one" }) { document { id } } }', undefined, bearer(EDITOR));
    expect(created.body.errors).toBeUndefined();
    expect(created.cache).toBeNull();
    const after = await query(s.url, TITLES);
    expect(after.cache).toBe('miss');
    expect(after.body.data.documents.totalCount).toBe(6);
    expect(after.body.data.documents.edges.map((e: any) => e.node.title)).toContain('Cache one');
  });

  it('is not invalidated by a mutation that fails (its transaction, and the version bump in it, roll back)', async () => {
    expect((await query(s.url, TITLES)).cache).toMatch(/hit|miss/);
    expect((await query(s.url, TITLES)).cache).toBe('hit');
    const dup = await query(s.url, 'mutation { ingestDocument(input: { body: "Kabul asked NATO for trainers.", publisher: "Wire" }) { document { id } } }', undefined, bearer(EDITOR));
    expect(codes({ status: dup.status, errors: dup.body.errors })).toEqual(['CONFLICT']);
    expect((await query(s.url, TITLES)).cache).toBe('hit');
  });

  it('never stores an answer with errors', async () => {
    const bad = 'query Bad { documents(first: 500) { totalCount } }';
    for (let i = 0; i < 2; i++) {
      const r = await query(s.url, bad);
      expect(r.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(r.cache).toBe('miss');
    }
    // A partial answer (data and errors) neither.
    const partial = 'query Partial { documents(first: 1) { totalCount } actor(slug: "nato") { name } auditLog { totalCount } }';
    for (let i = 0; i < 2; i++) {
      const r = await query(s.url, partial);
      expect(r.body.errors).toHaveLength(1);
      expect(r.cache).toBe('miss');
    }
  });

  it('keys on the role: an admin-only answer is never handed to an anonymous viewer or an editor', async () => {
    const audit = 'query Audit { auditLog(first: 5) { totalCount edges { node { operation actor } } } }';
    const admin1 = await query(s.url, audit, undefined, bearer(ADMIN));
    const admin2 = await query(s.url, audit, undefined, bearer(ADMIN));
    expect(admin2.cache).toBe('hit');
    expect(admin2.body.data.auditLog.totalCount).toBeGreaterThan(0);
    expect(admin2.body).toEqual(admin1.body);
    const anonymous = await query(s.url, audit);
    expect(anonymous.body.data).toBeNull();
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const editor = await query(s.url, audit, undefined, bearer(EDITOR));
    expect(editor.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('answers a persisted query sent by hash alone from the entry of that hash', async () => {
    const { createHash } = await import('node:crypto');
    const q = 'query Persisted { actors(first: 3) { totalCount } }';
    const sha256Hash = createHash('sha256').update(q).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const registered = await post(s.url, { query: q, extensions });
    expect(registered.body.errors).toBeUndefined();
    const byHash1 = await post(s.url, { extensions });
    expect(byHash1.cache).toBe('miss');
    const byHash2 = await post(s.url, { extensions });
    expect(byHash2.cache).toBe('hit');
    expect(byHash2.body).toEqual(registered.body);
    // A hash that does not match the text sent with it is refused by Apollo, never answered from the cache.
    const mismatch = await post(s.url, { query: `${q} `, extensions });
    expect(mismatch.status).toBe(400);
    expect(mismatch.cache).toBeNull();
  });

  it('is invalidated by the seed, run through another connection', async () => {
    await query(s.url, TITLES);
    expect((await query(s.url, TITLES)).cache).toBe('hit');
    const other = await createDb(s.t.url);
    try {
      await seedDatabase(other);
    } finally {
      await other.$disconnect();
    }
    expect((await query(s.url, TITLES)).cache).toBe('miss');
  });

  it('is invalidated by a write from another process on the same file', async () => {
    await query(s.url, TITLES);
    expect((await query(s.url, TITLES)).cache).toBe('hit');
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/second-writer.ts', s.t.url, 'Written elsewhere'], { cwd: projectRoot, stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (c) => { err += c; });
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`second writer exited ${code}: ${err}`))));
    });
    const after = await query(s.url, TITLES);
    expect(after.cache).toBe('miss');
    expect(after.body.data.documents.edges.map((e: any) => e.node.title)).toContain('Written elsewhere');
  });

  it('is invalidated by a migration applied by another process', async () => {
    await query(s.url, TITLES);
    expect((await query(s.url, TITLES)).cache).toBe('hit');
    const dir = fs.mkdtempSync(path.join(s.t.dir, 'migrations-'));
    fs.cpSync(migrationsDirFor(s.t.url), dir, { recursive: true });
    fs.mkdirSync(path.join(dir, '29991231000000_retitle'));
    fs.writeFileSync(path.join(dir, '29991231000000_retitle', 'migration.sql'), `UPDATE "Document" SET "title" = 'Retitled by a migration' WHERE "title" = 'Cache one';`);
    await deployMigrations(s.t.url, { migrationsDir: dir });
    const after = await query(s.url, TITLES);
    expect(after.cache).toBe('miss');
    expect(after.body.data.documents.edges.map((e: any) => e.node.title)).toContain('Retitled by a migration');
  });
});

describe('the byte budget', () => {
  let s: TestServer;
  beforeAll(async () => { s = await startTestServer({ responseCacheMb: 1 }); });
  afterAll(async () => { await s.close(); });

  it('evicts the least recently used answers and never holds more than RESPONSE_CACHE_MB', async () => {
    // Each answer carries every seed body (tens of KB); 60 distinct ones exceed 1 MiB.
    const bodies = (i: number) => `query Bodies${i} { documents(first: 5) { edges { node { body } } } }`;
    const first = await query(s.url, bodies(0));
    const size = JSON.stringify(first.body).length;
    expect(size).toBeGreaterThan(10_000);
    const n = Math.ceil((2 * 2 ** 20) / size);
    for (let i = 1; i <= n; i++) expect((await query(s.url, bodies(i))).cache).toBe('miss');
    expect((await query(s.url, bodies(n))).cache).toBe('hit');
    expect((await query(s.url, bodies(0))).cache).toBe('miss');
    const metrics = await (await fetch(`${s.origin}/metrics`)).text();
    const bytes = Number(/dossier_response_cache_bytes (\d+)/.exec(metrics)![1]);
    expect(bytes).toBeGreaterThan(2 ** 20 / 2);
    expect(bytes).toBeLessThanOrEqual(2 ** 20);
  });
});

describe('RESPONSE_CACHE_MB=0', () => {
  let s: TestServer;
  beforeAll(async () => { s = await startTestServer({ responseCacheMb: 0 }); });
  afterAll(async () => { await s.close(); });

  it('turns the cache off: every query runs, no cache header, no data-version read', async () => {
    await query(s.url, TITLES);
    s.queries.length = 0;
    const r = await query(s.url, TITLES);
    expect(r.cache).toBeNull();
    expect(r.body.data.documents.totalCount).toBe(5);
    expect(s.queries.length).toBeGreaterThan(0);
    expect(s.queries.some((q) => q.includes('DataVersion'))).toBe(false);
  });
});
