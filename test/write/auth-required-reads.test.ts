/**
 * With `requireAuthForReads`, every operation needs a valid token: anonymous reads and writes are
 * UNAUTHENTICATED with HTTP 401, a wrong token too, and a valid token (editor or admin) reads as usual.
 */
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { dumpTables } from '../helpers/db.ts';
import { ADMIN, EDITOR, TOKENS, ok, refused } from './support.ts';

let s: TestServer;

beforeAll(async () => {
  s = await startTestServer({ tokens: TOKENS, requireAuthForReads: true });
});
afterAll(async () => {
  await s?.close();
});

const READ = '{ stats { documents } actor(slug: "nato") { name } }';

describe('reads behind a token', () => {
  it('refuses an anonymous query with HTTP 401 UNAUTHENTICATED and no data', async () => {
    const r = await s.gql(READ);
    expect(r.status).toBe(401);
    refused(r, 'UNAUTHENTICATED');
    expect(r.data ?? null).toBeNull();
  });

  it('refuses an anonymous GET query with HTTP 401 UNAUTHENTICATED', async () => {
    const res = await fetch(`${s.url}?query=${encodeURIComponent(READ)}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(res.status).toBe(401);
    const body = (await res.json()) as any;
    expect(body.errors.map((e: any) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
    expect(body.data ?? null).toBeNull();
  });

  it('refuses an anonymous mutation with UNAUTHENTICATED and writes nothing', async () => {
    const before = await dumpTables(s.t.db);
    const r = await s.gql('mutation { createActor(input: { name: "Intruder", kind: PERSON }) { actor { id } } }');
    expect(r.status).toBe(401);
    refused(r, 'UNAUTHENTICATED');
    expect(await dumpTables(s.t.db)).toEqual(before);
  });

  it('refuses a wrong token with HTTP 401', async () => {
    const r = await s.gql(READ, {}, { authorization: 'Bearer wrong-secret-0' });
    expect(r.status).toBe(401);
    refused(r, 'UNAUTHENTICATED');
  });

  it('answers an editor and an admin', async () => {
    for (const headers of [EDITOR, ADMIN]) {
      const d = ok(await s.gql(READ, {}, headers));
      expect(d.stats.documents).toBeGreaterThan(0);
      expect(d.actor.name).toBe('North Atlantic Treaty Organization');
    }
  });

  it('lets an editor write', async () => {
    const d = ok(await s.gql('mutation { createActor(input: { name: "Insider", kind: PERSON }) { actor { slug } } }', {}, EDITOR));
    expect(d.createActor.actor.slug).toBe('insider');
  });
});
