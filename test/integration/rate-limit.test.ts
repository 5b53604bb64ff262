/**
 * RATE_LIMIT_PER_MINUTE: past that many GraphQL requests in a minute from one client address, the API
 * answers HTTP 429 with `RATE_LIMITED` (retryable) and a Retry-After in seconds, before authentication
 * or the body: nothing runs and nothing is written. /healthz is not limited. Off by default.
 */
import { dumpTables } from '../helpers/db.ts';
import { codes, ok, startTestServer, type TestServer } from '../helpers/server.ts';
import { EDITOR, TOKENS } from '../write/support.ts';

const COUNT = '{ documents(first: 1) { totalCount } }';
const CREATE = 'mutation ($input: CreateActorInput!) { createActor(input: $input) { actor { id } } }';

describe('with RATE_LIMIT_PER_MINUTE=3', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ rateLimitPerMinute: 3, tokens: TOKENS });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('answers three requests, then refuses with 429 RATE_LIMITED and Retry-After, running and writing nothing', async () => {
    for (let i = 0; i < 3; i++) {
      const r = await s.gql(COUNT);
      expect(ok(r).documents.totalCount).toBe(5);
      expect(r.headers!.get('x-ratelimit-remaining')).toBe(String(2 - i));
    }
    const before = await dumpTables(s.t.db);
    s.queries.length = 0;
    const refused = await s.gql(CREATE, { input: { name: 'Too Many Requests Council', kind: 'ORGANIZATION' } }, EDITOR);
    expect(refused.status).toBe(429);
    expect(codes(refused)).toEqual(['RATE_LIMITED']);
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', retryable: true });
    expect(refused.errors![0]!.message).toMatch(/more than 3 requests a minute/);
    const retryAfter = Number(refused.headers!.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(s.queries).toEqual([]);
    expect(await dumpTables(s.t.db)).toEqual(before);
    // A read is refused the same way; a wrong token too (counted before authentication).
    expect((await s.gql(COUNT)).status).toBe(429);
    expect(codes(await s.gql(COUNT, {}, { authorization: 'Bearer wrong' }))).toEqual(['RATE_LIMITED']);
  });

  it('leaves /healthz unlimited', async () => {
    for (let i = 0; i < 5; i++) expect((await fetch(`${s.origin}/healthz`)).status).toBe(200);
  });
});

it('is off by default: many requests, no 429 and no rate-limit headers', async () => {
  const s = await startTestServer();
  try {
    const results = await Promise.all(Array.from({ length: 40 }, () => s.gql(COUNT)));
    expect(results.map((r) => r.status)).toEqual(Array(40).fill(200));
    expect(results[0]!.headers!.get('x-ratelimit-limit')).toBeNull();
  } finally {
    await s.close();
  }
});
