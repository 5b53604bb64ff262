/**
 * Operation limits (depth, aliases, cost, tokens), the HTTP layer (body size, bad JSON, GET and CSRF
 * prevention, /healthz, unknown paths), and that refused requests run no SQL and leave the server
 * answering.
 */
import { loadConfig } from '../../src/config.ts';
import { codes, startTestServer, type GqlResult, type TestServer } from '../helpers/server.ts';
import { dumpTables } from '../helpers/db.ts';

let s: TestServer;
let before: Record<string, unknown[]>;
const defaults = loadConfig({ LOG_LEVEL: 'silent' }).limits;

beforeAll(async () => {
  s = await startTestServer();
  before = await dumpTables(s.t.db);
});
afterAll(async () => {
  expect(await dumpTables(s.t.db)).toEqual(before);
  await s.close();
});

/** The server still answers an ordinary query correctly. */
async function expectAlive(server: TestServer = s) {
  const r = await server.gql('{ stats { documents actors } }');
  expect(r.errors).toBeUndefined();
  expect(r.data).toEqual({ stats: { documents: 5, actors: 57 } });
}

/** Sends an operation, expecting it refused with `code` before any SQL ran; then checks the server is fine. */
async function expectRefusedBeforeResolvers(query: string, code: string, server: TestServer = s, variables?: Record<string, unknown>) {
  server.queries.length = 0;
  const r = await server.gql(query, variables);
  expect(codes(r)).toEqual([code]);
  expect(r.data).toBeUndefined();
  expect(r.status).toBe(400);
  // No resolver ran: not one SQL statement.
  expect(server.queries).toEqual([]);
  await expectAlive(server);
  return r;
}

function expectOk(r: GqlResult) {
  expect(r.errors).toBeUndefined();
  expect(r.status).toBe(200);
}

/**
 * A chain of fields under `event(slug: "istanbul-summit-2004")` for a query exactly `depth` fields deep:
 * responses → request → madeAt → responses … (one list in three levels keeps the cost under the limit),
 * with the type each field returns and a leaf field for the last one.
 */
const CYCLE = [
  { field: 'responses', type: 'RequestResponse', leaf: 'stance' },
  { field: 'request', type: 'Request', leaf: 'slug' },
  { field: 'madeAt', type: 'Event', leaf: 'slug' },
];
function chain(depth: number) {
  const steps = Array.from({ length: depth - 2 }, (_, i) => CYCLE[i % CYCLE.length]!);
  return { fields: steps.map((x) => x.field), types: steps.map((x) => x.type), leaf: steps.at(-1)!.leaf };
}
const nest = (fields: string[], inner: string) => fields.reduceRight((acc, f) => `${f} { ${acc} }`, inner);
const ROOT = 'event(slug: "istanbul-summit-2004")';

/** A query exactly `depth` fields deep. */
function deepQuery(depth: number): string {
  const { fields, leaf } = chain(depth);
  return `{ ${ROOT} { ${nest(fields, leaf)} } }`;
}

/** The same query split over a fragment spread and an inline fragment. */
function deepQueryWithFragments(depth: number): string {
  const { fields, types, leaf } = chain(depth);
  return `
    query { ${ROOT} { ...R } }
    fragment R on Event { ${nest(fields.slice(0, 2), '...S')} }
    fragment S on ${types[1]} { ... on ${types[1]} { ${nest(fields.slice(2), leaf)} } }
  `;
}

describe('depth', () => {
  const max = defaults.maxDepth;

  it(`accepts depth ${max} and refuses ${max + 1} with QUERY_TOO_DEEP, before any SQL`, async () => {
    s.queries.length = 0;
    const okResult = await s.gql(deepQuery(max));
    expectOk(okResult);
    expect(okResult.data.event.responses.length).toBeGreaterThan(0);
    expect(s.queries.length).toBeGreaterThan(0);

    const r = await expectRefusedBeforeResolvers(deepQuery(max + 1), 'QUERY_TOO_DEEP');
    expect(r.errors![0]!.message).toContain(`depth ${max + 1} exceeds the maximum of ${max}`);
  });

  it('counts depth through fragment spreads and inline fragments', async () => {
    await expectRefusedBeforeResolvers(deepQueryWithFragments(max + 1), 'QUERY_TOO_DEEP');
    expectOk(await s.gql(deepQueryWithFragments(max)));
  });

  it('can be configured: a server with maxDepth 3 refuses a depth-4 query the default server runs', async () => {
    const strict = await startTestServer({ limits: { ...defaults, maxDepth: 3 } });
    try {
      const depth4 = '{ actor(slug: "nato") { memberOf { to { name } } } }';
      expectOk(await s.gql(depth4));
      const r = await expectRefusedBeforeResolvers(depth4, 'QUERY_TOO_DEEP', strict);
      expect(r.errors![0]!.message).toContain('depth 4 exceeds the maximum of 3');
      const depth3 = '{ actor(slug: "nato") { members { kind } } }';
      const ok3 = await strict.gql(depth3);
      expectOk(ok3);
      expect(ok3.data.actor.members).toHaveLength(27);
    } finally {
      await strict.close();
    }
  });

  // The test helper builds its config with loadConfig({ LOG_LEVEL: 'silent' }) so that the shell's
  // environment cannot change the limits under test; loadConfig must read the knobs from its argument.
  it('is configurable through the environment passed to loadConfig (MAX_QUERY_DEPTH and friends)', async () => {
    const env = { LOG_LEVEL: 'silent', MAX_QUERY_DEPTH: '3', MAX_ALIASES: '2', MAX_QUERY_COST: '10', MAX_TOKENS: '50', MAX_BODY_BYTES: '1000' };
    expect(loadConfig(env).limits).toEqual({ maxDepth: 3, maxAliases: 2, maxCost: 10, maxTokens: 50, maxBodyBytes: 1000 });
    const strict = await startTestServer({ limits: loadConfig({ LOG_LEVEL: 'silent', MAX_QUERY_DEPTH: '3' }).limits });
    try {
      await expectRefusedBeforeResolvers('{ actor(slug: "nato") { memberOf { to { name } } } }', 'QUERY_TOO_DEEP', strict);
    } finally {
      await strict.close();
    }
  });
});

describe('aliases', () => {
  const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: stats { documents }`).join(' ')} }`;

  const max = defaults.maxAliases;

  it(`accepts ${max} aliases and refuses ${max + 1} with TOO_MANY_ALIASES, before any SQL`, async () => {
    const r = await s.gql(aliased(max));
    expectOk(r);
    expect(Object.keys(r.data)).toHaveLength(max);
    expect(r.data[`a${max - 1}`]).toEqual({ documents: 5 });
    await expectRefusedBeforeResolvers(aliased(max + 1), 'TOO_MANY_ALIASES');
  });

  it('counts aliases inside nested selections', async () => {
    const inner = Array.from({ length: max + 1 }, (_, i) => `n${i}: name`).join(' ');
    await expectRefusedBeforeResolvers(`{ actor(slug: "nato") { ${inner} } }`, 'TOO_MANY_ALIASES');
  });
});

describe('cost', () => {
  it('refuses a costly nested query with QUERY_TOO_COMPLEX, before any SQL', async () => {
    const costly = `{ requests(first: 100) { edges { node {
      requesters { mentions(first: 100) { edges { node { quote document { title } } } } }
    } } } }`;
    const r = await expectRefusedBeforeResolvers(costly, 'QUERY_TOO_COMPLEX');
    expect(r.errors![0]!.message).toContain(`exceeds the maximum of ${defaults.maxCost}`);
  });

  it('takes page sizes given as variables into account', async () => {
    const query = `query ($n: Int) { actors(first: $n) { edges { node { mentions(first: $n) { edges { node { quote } } } } } } }`;
    const small = await s.gql(query, { n: 3 });
    expectOk(small);
    expect(small.data.actors.edges).toHaveLength(3);
    await expectRefusedBeforeResolvers(query, 'QUERY_TOO_COMPLEX', s, { n: 100 });
  });

  /** `levels` fragments, each spreading the next twice: 2^levels leaf fields once expanded. */
  const fanOut = (levels: number) => [
    '{ stats { ...F0 } }',
    ...Array.from({ length: levels }, (_, i) => `fragment F${i} on Stats { ${i + 1 < levels ? `...F${i + 1} ...F${i + 1}` : 'documents'} }`),
  ].join('\n');

  it.each([20, 30])('refuses %i fragments each spreading the next twice (fan-out) with QUERY_TOO_COMPLEX, while /healthz answers', async (levels) => {
    const origin = new URL(s.url).origin;
    // The check is linear in the document, so this returns at once; before, 30 levels walked 2^30 spreads.
    const [r, health] = await Promise.all([s.gql(fanOut(levels)), fetch(`${origin}/healthz`)]);
    expect(codes(r)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(r.status).toBe(400);
    expect(health.status).toBe(200);
    await expectRefusedBeforeResolvers(fanOut(levels), 'QUERY_TOO_COMPLEX');
  });
});

describe('tokens', () => {
  it(`refuses a document of more than ${defaults.maxTokens} tokens with TOO_MANY_TOKENS, before any SQL`, async () => {
    const query = `{ ${'__typename '.repeat(defaults.maxTokens + 1000)}}`;
    await expectRefusedBeforeResolvers(query, 'TOO_MANY_TOKENS');
    // A long but ordinary document is fine. (Thousands of identical fields in one selection set trip
    // graphql-js's own overlap-check budget, "Validation aborted.", so this stays at a few hundred.)
    const r = await s.gql(`{ ${'__typename '.repeat(200)}}`);
    expectOk(r);
    expect(r.data).toEqual({ __typename: 'Query' });
  });
});

describe('HTTP', () => {
  const post = async (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) => {
    const res = await fetch(s.url, { method: 'POST', headers, body });
    const text = await res.text();
    return { status: res.status, text, json: (() => { try { return JSON.parse(text); } catch { return undefined; } })() };
  };
  const origin = () => new URL(s.url).origin;

  it(`refuses a body over ${defaults.maxBodyBytes} bytes with 413 PAYLOAD_TOO_LARGE, and accepts one just under`, async () => {
    const envelope = (pad: number) => JSON.stringify({ query: '{ stats { documents } }', variables: { pad: 'x'.repeat(pad) } });
    const overhead = envelope(0).length;

    s.queries.length = 0;
    const big = await post(envelope(defaults.maxBodyBytes + 1 - overhead));
    expect(big.status).toBe(413);
    expect(big.json.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(s.queries).toEqual([]);
    await expectAlive();

    const under = await post(envelope(defaults.maxBodyBytes - 1000 - overhead));
    expect(under.status).toBe(200);
    expect(under.json.data).toEqual({ stats: { documents: 5 } });
  });

  it('answers invalid JSON with 400', async () => {
    s.queries.length = 0;
    const r = await post('{"query": "{ stats { documents } }"');
    expect(r.status).toBe(400);
    expect(r.json.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(s.queries).toEqual([]);
    await expectAlive();
  });

  it('answers a syntax error with GRAPHQL_PARSE_FAILED and an unknown field with GRAPHQL_VALIDATION_FAILED', async () => {
    await expectRefusedBeforeResolvers('{ stats { documents }', 'GRAPHQL_PARSE_FAILED');
    await expectRefusedBeforeResolvers('{ stats { documentz } }', 'GRAPHQL_VALIDATION_FAILED');
    await expectRefusedBeforeResolvers('{ actor(slug: "nato") { password } }', 'GRAPHQL_VALIDATION_FAILED');
  });

  it('answers GET /graphql?query= with a CSRF-safe header', async () => {
    const url = `${s.url}?query=${encodeURIComponent('{ stats { documents } }')}`;
    for (const headers of [{ 'apollo-require-preflight': 'true' }, { 'content-type': 'application/json' }, { 'x-apollo-operation-name': 'Stats' }] as Record<string, string>[]) {
      const res = await fetch(url, { headers });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ data: { stats: { documents: 5 } } });
    }
  });

  it('blocks a GET that a browser could send as a simple request (CSRF prevention)', async () => {
    s.queries.length = 0;
    const url = `${s.url}?query=${encodeURIComponent('{ stats { documents } }')}`;
    for (const headers of [{}, { 'content-type': 'text/plain' }, { accept: 'application/json' }] as Record<string, string>[]) {
      const res = await fetch(url, { headers });
      expect(res.status).toBe(400);
      expect(await res.text()).toMatch(/CSRF|Cross-Site Request Forgery/i);
    }
    // A form-like POST (text/plain) is a simple request too.
    const post = await fetch(s.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ stats { documents } }' }) });
    expect(post.status).toBe(400);
    expect(s.queries).toEqual([]);
    await expectAlive();
  });

  it('GET /healthz answers 200 {status: "ok"}', async () => {
    const res = await fetch(`${origin()}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('an unknown path is 404 NOT_FOUND; a method other than GET/POST is 405', async () => {
    const res = await fetch(`${origin()}/nope`);
    expect(res.status).toBe(404);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('NOT_FOUND');
    const put = await fetch(s.url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(put.status).toBe(405);
    await expectAlive();
  });
});
