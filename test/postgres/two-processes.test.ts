/**
 * Two API processes (the real server, `src/main.ts`, in two child processes) over one PostgreSQL
 * database: writers racing from both on the same actor with the same expected version — exactly one
 * wins, the others get CONFLICT, and the audit log holds exactly the winner's entry; racing creations
 * with the same name from both get distinct slugs; each process reads what the other wrote, including
 * through its response cache (the data version is the database's shared row, not a per-process count);
 * and the seed run by two processes at once on an empty database seeds it once.
 * Runs under `npm run test:postgres`.
 */
import { CACHE_HEADER } from '../../src/server/response-cache.ts';
import { codes } from '../helpers/server.ts';
import { migratedDb, seededDb, testPostgresUrl, type TestDb } from '../helpers/db.ts';
import { Children, gqlAt, stop } from '../helpers/processes.ts';
import { EDITOR, TOKENS } from '../write/support.ts';

if (!testPostgresUrl) throw new Error('test/postgres needs TEST_POSTGRES_URL: run it with `npm run test:postgres`');

const READY_TIMEOUT_MS = 120_000;
const children = new Children();
let t: TestDb;
let urls: string[];

const startServer = async (databaseUrl: string) =>
  (await children.startServer({ DATABASE_URL: databaseUrl, DOSSIER_TOKENS: TOKENS, SEED_IF_EMPTY: 'false' }, READY_TIMEOUT_MS)).url;

/** A request to one of the processes, with whether its response cache answered (hit or miss). */
async function gql(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const r = await gqlAt(url, query, variables, headers);
  return { ...r, cache: r.headers.get(CACHE_HEADER) };
}

/** Runs `npm run seed`'s script in its own process against `databaseUrl`; resolves with its exit code and output. */
const runSeed = (databaseUrl: string) => children.run('seed/run.ts', [], { DATABASE_URL: databaseUrl });

beforeAll(async () => {
  t = await seededDb();
  urls = await Promise.all([startServer(t.url), startServer(t.url)]);
}, 2 * READY_TIMEOUT_MS);

afterAll(async () => {
  await Promise.all([...children.all].map((child) => stop(child)));
  await t?.close();
});

const ACTOR = 'query ($slug: String!) { actor(slug: $slug) { id version description } }';
const UPDATE = 'mutation ($input: UpdateActorInput!) { updateActor(input: $input) { actor { version description } } }';
const CREATE = 'mutation ($input: CreateActorInput!) { createActor(input: $input) { actor { id slug } } }';

describe('two API processes over one PostgreSQL database', () => {
  it('racing updates with the same expected version from both: one wins, the rest CONFLICT, one audit entry', async () => {
    const before = (await gql(urls[0]!, ACTOR, { slug: 'nato' })).data.actor;
    const results = await Promise.all(Array.from({ length: 16 }, (_, i) =>
      gql(urls[i % 2]!, UPDATE, { input: { id: before.id, expectedVersion: before.version, description: `writer ${i}` } }, EDITOR)));
    const winners = results.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.errors).map((r) => codes(r))).toEqual(Array(15).fill(['CONFLICT']));
    const won = winners[0]!.data.updateActor.actor;
    expect(won.version).toBe(before.version + 1);
    // Each process reads the winner's write.
    for (const url of urls) expect((await gql(url, ACTOR, { slug: 'nato' })).data.actor).toEqual({ id: before.id, ...won });
    const rows = await t.db.auditEntry.findMany({ where: { operation: 'updateActor' } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.after).toContain(won.description);
  });

  it('racing creations with one name from both get distinct slugs, every one audited', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) =>
      gql(urls[i % 2]!, CREATE, { input: { name: 'Twin Process Council', kind: 'ORGANIZATION' } }, EDITOR)));
    expect(results.filter((r) => r.errors).map((r) => r.errors)).toEqual([]);
    const slugs = results.map((r) => r.data.createActor.actor.slug as string);
    expect(new Set(slugs).size).toBe(12);
    // One "Actor" entry per creation, for the actor it created (its aliases have entries of their own).
    const entries = await t.db.auditEntry.findMany({ where: { operation: 'createActor', entityType: 'Actor' } });
    expect(entries.map((e) => e.entityId).sort()).toEqual(results.map((r) => Buffer.from(r.data.createActor.actor.id, 'base64url').toString().split(':')[1]).sort());
    // The other process sees each of them.
    for (const [i, r] of results.entries()) {
      const seen = await gql(urls[(i + 1) % 2]!, 'query ($id: ID!) { node(id: $id) { id } }', { id: r.data.createActor.actor.id });
      expect(seen.data.node).toEqual({ id: r.data.createActor.actor.id });
    }
  });

  it('a write through one process is seen at once by a cached read on the other', async () => {
    const [a, b] = [urls[0]!, urls[1]!];
    const first = await gql(b, ACTOR, { slug: 'nato' });
    // The same read again on B is answered from B's response cache.
    const cached = await gql(b, ACTOR, { slug: 'nato' });
    expect(cached.cache).toBe('hit');
    expect(cached.data).toEqual(first.data);
    const before = first.data.actor;
    const written = await gql(a, UPDATE, { input: { id: before.id, expectedVersion: before.version, description: 'written through process A' } }, EDITOR);
    expect(written.errors).toBeUndefined();
    // B's next read sees A's write: the shared data version moved, so B's cache was dropped.
    const after = await gql(b, ACTOR, { slug: 'nato' });
    expect(after.cache).toBe('miss');
    expect(after.data.actor).toEqual({ id: before.id, version: before.version + 1, description: 'written through process A' });
    // And is cached again under the new version.
    expect((await gql(b, ACTOR, { slug: 'nato' })).cache).toBe('hit');
  });

  it('the seed run by two processes at once on an empty database seeds it once', async () => {
    const empty = await migratedDb();
    const reference = await seededDb();
    try {
      const runs = await Promise.all([runSeed(empty.url), runSeed(empty.url)]);
      for (const r of runs) expect({ code: r.code, out: r.out }).toEqual({ code: 0, out: expect.stringContaining('rows') });
      const counts = async (db: TestDb['db']) => {
        const tables = await db.$queryRawUnsafe<{ name: string }[]>(
          `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
             AND table_name NOT LIKE '\\_prisma%' AND table_name <> 'DataVersion' ORDER BY table_name`);
        const out: Record<string, number> = {};
        for (const { name } of tables) {
          const [r] = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT COUNT(*) AS n FROM "${name}"`);
          out[name] = Number(r!.n);
        }
        return out;
      };
      const seeded = await counts(reference.db);
      expect(seeded.Document).toBeGreaterThan(0);
      expect(await counts(empty.db)).toEqual(seeded);
    } finally {
      await empty.close();
      await reference.close();
    }
  }, 2 * READY_TIMEOUT_MS);
});
