/**
 * Concurrent writes over HTTP against one SQLite file: many at once all succeed (writers queue, none
 * fails with SQLITE_BUSY or an internal error), optimistic versions let exactly one of several racing
 * updates win (no lost update), and a write that is rolled back is never seen by anyone.
 */
import { codes, startTestServer, type GqlResult, type TestServer } from '../helpers/server.ts';
import { dumpTables } from '../helpers/db.ts';
import { ADMIN, TOKENS, mutate, ok } from './support.ts';

let s: TestServer;
let target: { id: string; slug: string; version: number };

beforeAll(async () => {
  s = await startTestServer({ tokens: TOKENS });
  target = ok(await mutate(s, 'createActor', 'CreateActorInput', { name: 'Concurrent Target', kind: 'ORGANIZATION' }, '{ actor { id slug version } }'))
    .createActor.actor;
});
afterAll(async () => {
  await s?.close();
});

const N = 50;
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** Every result succeeded; on failure the message lists the codes seen, e.g. INTERNAL_SERVER_ERROR. */
function allSucceeded(results: GqlResult[]) {
  const failures = results.flatMap((r, i) => (r.errors ? [{ i, status: r.status, codes: codes(r), message: r.errors[0]!.message }] : []));
  expect(failures).toEqual([]);
  expect(results.every((r) => r.status === 200)).toBe(true);
}

const auditCount = async (operation: string, entity?: string) =>
  ok(await s.gql('query ($operation: String, $entity: ID) { auditLog(operation: $operation, entity: $entity) { totalCount } }', { operation, entity }, ADMIN))
    .auditLog.totalCount as number;

describe('many writes at once', () => {
  it(`${N} addActorAlias calls to the same actor all succeed and all names are kept`, async () => {
    const names = range(N).map((i) => `Parallel name ${i}`);
    const results = await Promise.all(names.map((name) =>
      mutate(s, 'addActorAlias', 'ActorAliasInput', { actor: target.id, name }, '{ actor { id } }')));
    allSucceeded(results);
    const { aliases } = ok(await s.gql('query ($id: ID!) { actor(id: $id) { aliases } }', { id: target.id })).actor;
    expect([...aliases].sort()).toEqual(['Concurrent Target', ...names].sort());
    // Each call records its new alias and the actor's version bump.
    expect(await auditCount('addActorAlias')).toBe(2 * N);
    expect(await auditCount('addActorAlias', target.id)).toBe(N);
  });

  it(`${N} createActor calls with the same name all succeed, each with its own slug`, async () => {
    const results = await Promise.all(range(N).map((i) =>
      mutate(s, 'createActor', 'CreateActorInput', { name: 'Crowd Member', kind: 'PERSON', description: `member ${i}` }, '{ actor { id slug description } }')));
    allSucceeded(results);
    const actors = results.map((r) => r.data.createActor.actor);
    expect(new Set(actors.map((a) => a.slug)).size).toBe(N);
    expect(new Set(actors.map((a) => a.id)).size).toBe(N);
    expect(actors.map((a) => a.slug).sort()).toEqual(['crowd-member', ...range(N).slice(1).map((i) => `crowd-member-${i}`)].sort());
    const listed = ok(await s.gql('{ actors(filter: { nameContains: "crowd member" }, first: 100) { totalCount } }'));
    expect(listed.actors.totalCount).toBe(N);
    expect(await auditCount('createActor')).toBe((N + 1) * 2); // an Actor and its canonical ActorAlias each, the target's included
  });

  it(`${N} mixed writes at once (documents and evidence) all succeed`, async () => {
    const results = await Promise.all(range(N).map((i) => {
      if (i % 2 === 0) {
        return mutate(s, 'ingestDocument', 'IngestDocumentInput', { body: `Parallel dispatch ${i} on the Concurrent Target.`, publisher: 'Wire' }, '{ document { id } }');
      }
      return mutate(s, 'addEvidence', 'AddEvidenceInput', {
        target: target.id, evidence: { document: '000_86de1592ab15966e', start: i, end: i + 5 },
      }, '{ evidence { id } }');
    }));
    allSucceeded(results);
  });
});

describe('racing creations', () => {
  it('10 ingestDocument calls with the same text (in different encodings): one stored, the rest CONFLICT naming it', async () => {
    const results = await Promise.all(range(10).map((i) => mutate(s, 'ingestDocument', 'IngestDocumentInput', {
      body: i % 2 ? 'Racing text about the Caf\u00e9 accord.\nLine two.' : 'Racing text about the Cafe\u0301 accord.\r\nLine two.',
      publisher: `Wire ${i}`,
    }, '{ document { id } }')));
    const winners = results.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    const losers = results.filter((r) => r.errors);
    expect(losers.map((r) => codes(r))).toEqual(Array(9).fill(['CONFLICT']));
    const winnerId = winners[0]!.data.ingestDocument.document.id;
    expect(losers.map((r) => r.errors![0]!.extensions!.existingId)).toEqual(Array(9).fill(winnerId));
    expect(ok(await s.gql('{ search(query: "racing accord") { totalCount } }')).search.totalCount).toBe(1);
  });

  it('10 createActor calls with the same slug: one created, the rest CONFLICT', async () => {
    const results = await Promise.all(range(10).map((i) =>
      mutate(s, 'createActor', 'CreateActorInput', { name: `Slug racer ${i}`, kind: 'GROUP', slug: 'slug-racer' }, '{ actor { id } }')));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map((r) => codes(r))).toEqual(Array(9).fill(['CONFLICT']));
    expect(ok(await s.gql('{ actors(filter: { nameContains: "slug racer" }) { totalCount } }')).actors.totalCount).toBe(1);
  });
});

describe('racing updates', () => {
  it('20 updateActor calls with the same expectedVersion: exactly one wins, the rest are CONFLICTs', async () => {
    const { version } = ok(await s.gql('query ($id: ID!) { actor(id: $id) { version } }', { id: target.id })).actor;
    const results = await Promise.all(range(20).map((i) =>
      mutate(s, 'updateActor', 'UpdateActorInput', { id: target.id, expectedVersion: version, description: `writer ${i}` }, '{ actor { version description } }')));
    const winners = results.filter((r) => !r.errors);
    const losers = results.filter((r) => r.errors);
    expect(winners).toHaveLength(1);
    expect(losers.map((r) => codes(r))).toEqual(Array(19).fill(['CONFLICT']));
    const won = winners[0]!.data.updateActor.actor;
    expect(won.version).toBe(version + 1);
    // The stored actor is the winner's write: nothing lost, nothing applied on top.
    const now = ok(await s.gql('query ($id: ID!) { actor(id: $id) { version description } }', { id: target.id })).actor;
    expect(now).toEqual(won);
    expect(await auditCount('updateActor', target.id)).toBe(1);
    target.version = now.version;
  });

  it('a chain of updates, each with the version the previous one returned, all succeed', async () => {
    let version = target.version;
    for (const i of range(10)) {
      const a = ok(await mutate(s, 'updateActor', 'UpdateActorInput', { id: target.id, expectedVersion: version, description: `step ${i}` }, '{ actor { version description } }'))
        .updateActor.actor;
      expect(a).toEqual({ version: version + 1, description: `step ${i}` });
      version = a.version;
    }
    expect(version).toBe(target.version + 10);
    expect(await auditCount('updateActor', target.id)).toBe(11);
  });
});

describe('isolation', () => {
  it('a write that fails half-way is never visible to concurrent readers', async () => {
    const before = await dumpTables(s.t.db);
    // Many items: the request, its parties and 49 items are written before the last item's evidence fails.
    const items = range(50).map((i) => ({ category: 'TRAINING', description: `item ${i}` }));
    items[49] = { ...items[49]!, evidence: [{ document: '000_86de1592ab15966e', quote: 'a quote that is not in the text' }] } as never;
    const input = {
      slug: 'phantom-request', summary: 'Never stored', channel: 'OTHER',
      requesters: [{ actor: 'iraq' }], addressees: [{ actor: 'nato' }], items,
    };
    let done = false;
    const writes = Promise.all(range(5).map(() => mutate(s, 'createRequest', 'CreateRequestInput', input, '{ request { id } }')))
      .finally(() => { done = true; });
    const seen: unknown[] = [];
    const readers = Promise.all(range(4).map(async () => {
      while (!done) {
        const r = await s.gql('{ request(slug: "phantom-request") { id items { id } } stats { requests } }');
        if (r.data?.request) seen.push(r.data.request.items.length);
      }
    }));
    const [results] = await Promise.all([writes, readers]);
    expect(results.map((r) => codes(r))).toEqual(Array(5).fill(['BAD_USER_INPUT']));
    expect(seen).toEqual([]);
    expect(await dumpTables(s.t.db)).toEqual(before);
  });
});
