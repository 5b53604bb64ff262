/**
 * Honest logs and metrics, and the codes of requests that used to be masked as internal errors: one log
 * line per HTTP response with the codes the client saw (refusals at the HTTP layer included), tokens
 * never logged, Prometheus metrics (refused to anonymous callers when reads need a token), APQ misses
 * through Apollo Client's persisted-query link, subscriptions, and schema suggestions.
 */
import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { codes, ok, refused, startTestServer, type TestServer } from '../helpers/server.ts';
import { ADMIN, EDITOR, TOKENS } from '../write/support.ts';

/** A server whose log lines are collected as parsed JSON. */
async function loggedServer(overrides: Parameters<typeof startTestServer>[0] = {}) {
  const stream = new PassThrough();
  const lines: Record<string, any>[] = [];
  let text = '';
  stream.on('data', (c: Buffer) => {
    text += c.toString('utf8');
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n')) {
      lines.push(JSON.parse(text.slice(0, i)));
      text = text.slice(i + 1);
    }
  });
  const s = await startTestServer({ logLevel: 'info', tokens: TOKENS, ...overrides }, { log: stream });
  /** The log lines written since the call, once the response's own line is in. */
  const since = () => {
    const start = lines.length;
    return async () => {
      for (let i = 0; i < 50 && !lines.slice(start).some((l) => l.msg === 'request'); i++) await new Promise((r) => setTimeout(r, 10));
      return lines.slice(start);
    };
  };
  return { s, lines, since };
}

const requestLine = (lines: Record<string, any>[]) => {
  const found = lines.filter((l) => l.msg === 'request');
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('request log lines', () => {
  let s: TestServer;
  let lines: Record<string, any>[];
  let since: () => () => Promise<Record<string, any>[]>;
  beforeAll(async () => {
    ({ s, lines, since } = await loggedServer());
  });
  afterAll(() => s.close());

  it('logs an answered operation with its name, status, duration, request id, viewer and client address', async () => {
    const done = since();
    const res = await fetch(s.url, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'req-1', ...EDITOR },
      body: JSON.stringify({ query: 'query Stats { stats { documents } }' }),
    });
    expect(res.status).toBe(200);
    const line = requestLine(await done());
    expect(line).toMatchObject({ level: 'info', requestId: 'req-1', method: 'POST', path: '/graphql', status: 200, operation: 'Stats', viewer: 'ann', client: '127.0.0.1' });
    expect(line.codes).toBeUndefined();
    expect(typeof line.durationMs).toBe('number');
  });

  it('logs CONFLICT, BAD_USER_INPUT and UNAUTHENTICATED as themselves, not INTERNAL_SERVER_ERROR', async () => {
    const actor = ok(await s.gql('{ actor(slug: "nato") { id version } }')).actor;
    const cases: [string, Record<string, unknown>, Record<string, string>, string][] = [
      ['mutation Stale($input: UpdateActorInput!) { updateActor(input: $input) { actor { id } } }',
        { input: { id: actor.id, expectedVersion: actor.version + 5, description: 'x' } }, EDITOR, 'CONFLICT'],
      ['query Bad { documents(first: -1) { totalCount } }', {}, {}, 'BAD_USER_INPUT'],
      ['mutation Anon { createActor(input: { name: "Nobody", kind: PERSON }) { actor { id } } }', {}, {}, 'UNAUTHENTICATED'],
    ];
    for (const [query, variables, headers, code] of cases) {
      const done = since();
      refused(await s.gql(query, variables, headers), code);
      const all = await done();
      const line = requestLine(all);
      expect({ code, codes: line.codes }).toEqual({ code, codes: [code] });
      expect(all.filter((l) => l.level === 'error')).toEqual([]);
    }
  });

  it('logs refusals of the HTTP layer: 400 bad JSON, 401 bad token, 404, 413', async () => {
    const attempts: [() => Promise<Response>, number, string][] = [
      [() => fetch(s.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":' }), 400, 'BAD_REQUEST'],
      [() => fetch(s.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer guessed-secret-9' }, body: '{"query":"{ stats { documents } }"}' }), 401, 'UNAUTHENTICATED'],
      [() => fetch(`${s.origin}/wp-admin`), 404, 'NOT_FOUND'],
      [() => fetch(s.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ stats { documents } }', pad: 'x'.repeat(1_100_000) }) }), 413, 'PAYLOAD_TOO_LARGE'],
    ];
    for (const [send, status, code] of attempts) {
      const done = since();
      const res = await send();
      expect(res.status).toBe(status);
      const line = requestLine(await done());
      expect({ status: line.status, codes: line.codes }).toEqual({ status, codes: [code] });
    }
  });

  it('logs the socket address, not a client-supplied X-Forwarded-For, unless proxies are trusted', async () => {
    let done = since();
    await fetch(s.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' }, body: '{"query":"{ stats { documents } }"}' });
    expect(requestLine(await done()).client).toBe('127.0.0.1');
    const behindProxy = await loggedServer({ trustProxyHops: 1 });
    try {
      done = behindProxy.since();
      await fetch(behindProxy.s.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' }, body: '{"query":"{ stats { documents } }"}' });
      expect(requestLine(await done()).client).toBe('203.0.113.7');
    } finally {
      await behindProxy.s.close();
    }
  });

  it('never writes a bearer token into the logs', async () => {
    await s.gql('{ stats { documents } }', {}, ADMIN);
    await s.gql('{ stats { documents } }', {}, { authorization: 'Bearer guessed-secret-9' });
    const all = JSON.stringify(lines);
    expect(all).not.toContain('admin-secret-1');
    expect(all).not.toContain('editor-secret-1');
    expect(all).not.toContain('guessed-secret-9');
  });
});

describe('metrics', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ tokens: TOKENS });
  });
  afterAll(() => s.close());

  it('counts operations by name and code, times HTTP, operations and SQL, and reports process metrics', async () => {
    ok(await s.gql('query Stats { stats { documents } }'));
    ok(await s.gql('query Stats { stats { documents } }'));
    refused(await s.gql('query Bad { documents(first: -1) { totalCount } }'), 'BAD_USER_INPUT');
    const res = await fetch(`${s.origin}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toContain('dossier_graphql_operations_total{operation="Stats",type="query",code="OK"} 2');
    expect(text).toContain('dossier_graphql_operations_total{operation="Bad",type="query",code="BAD_USER_INPUT"} 1');
    expect(text).toMatch(/dossier_http_requests_total\{method="POST",route="\/graphql",status="200"\} [1-9]/);
    expect(text).toMatch(/dossier_http_request_duration_seconds_bucket\{le="0.1",method="POST",route="\/graphql"\} \d+/);
    expect(text).toMatch(/dossier_graphql_operation_duration_seconds_count\{operation="Stats",type="query"\} 2/);
    expect(text).toMatch(/dossier_db_statement_duration_seconds_count [1-9]\d*/);
    expect(text).toMatch(/process_cpu_user_seconds_total \d/);
    expect(text).toMatch(/nodejs_heap_size_used_bytes \d/);
  });

  it('keeps client-chosen operation names from flooding the label set', async () => {
    await s.gql('query Weird { stats { documents } }'.replace('Weird', `W${'x'.repeat(100)}`));
    const text = await (await fetch(`${s.origin}/metrics`)).text();
    expect(text).not.toContain('x'.repeat(100));
    expect(text).toContain('operation="(invalid)"');
  });

  it('is refused to anonymous callers when reads need a token, and served with one', async () => {
    const locked = await startTestServer({ tokens: TOKENS, requireAuthForReads: true });
    try {
      const anon = await fetch(`${locked.origin}/metrics`);
      expect(anon.status).toBe(401);
      expect(await anon.text()).not.toContain('dossier_');
      const wrong = await fetch(`${locked.origin}/metrics`, { headers: { authorization: 'Bearer wrong-secret-0' } });
      expect(wrong.status).toBe(401);
      const withToken = await fetch(`${locked.origin}/metrics`, { headers: EDITOR });
      expect(withToken.status).toBe(200);
      expect(await withToken.text()).toContain('dossier_http_requests_total');
    } finally {
      await locked.close();
    }
  });
});

describe('codes that used to be masked', () => {
  let s: TestServer;
  let lines: Record<string, any>[];
  beforeAll(async () => {
    ({ s, lines } = await loggedServer({ production: true }));
  });
  afterAll(() => s.close());
  const sha = (q: string) => createHash('sha256').update(q).digest('hex');
  const post = async (body: unknown) => {
    const res = await fetch(s.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { ...((await res.json()) as object), status: res.status } as Parameters<typeof codes>[0];
  };

  it('answers an APQ hash-only miss with PERSISTED_QUERY_NOT_FOUND and a wrong hash with BAD_REQUEST', async () => {
    const query = '{ stats { documents } }';
    refused(await post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha(`${query} # never sent`) } } }), 'PERSISTED_QUERY_NOT_FOUND');
    const bad = await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: sha('something else') } } });
    refused(bad, 'BAD_REQUEST');
    expect(bad.status).toBe(400);
  });

  it("lets Apollo Client's persisted-query link recover from the miss, in production mode", async () => {
    const seen: string[] = [];
    const client = new ApolloClient({
      cache: new InMemoryCache(),
      link: new PersistedQueryLink({ sha256: (q: string) => sha(q) }).concat(new HttpLink({
        uri: s.url,
        fetch: async (input, init) => {
          seen.push(String(init?.body ?? ''));
          return fetch(input, init);
        },
      })),
    });
    const QUERY = gql`query Nato { actor(slug: "nato") { name } }`;
    const first = await client.query({ query: QUERY, fetchPolicy: 'network-only' });
    expect(first.data).toEqual({ actor: { __typename: 'Actor', name: 'North Atlantic Treaty Organization' } });
    // The link sent the hash alone, got PERSISTED_QUERY_NOT_FOUND, and retried with the text.
    expect(seen).toHaveLength(2);
    expect(JSON.parse(seen[0]!).query).toBeUndefined();
    expect(JSON.parse(seen[1]!).query).toContain('actor(slug: "nato")');
    // Now registered: the hash alone is enough.
    const again = await client.query({ query: QUERY, fetchPolicy: 'network-only' });
    expect(again.data).toEqual(first.data);
    expect(seen).toHaveLength(3);
    expect(JSON.parse(seen[2]!).query).toBeUndefined();
  });

  it('refuses a subscription with BAD_REQUEST (HTTP 400), logging no error', async () => {
    const before = lines.length;
    const r = await post({ query: 'subscription { stats { documents } }' });
    expect(r.status).toBe(400);
    expect(refused(r, 'BAD_REQUEST').message).toMatch(/Subscriptions are not supported/);
    await new Promise((res) => setTimeout(res, 50));
    expect(lines.slice(before).filter((l) => l.level === 'error' || /stack|at .*\.js/.test(JSON.stringify(l)))).toEqual([]);
  });

  it('logs no internal error for the APQ miss either', () => {
    expect(lines.filter((l) => l.level === 'error')).toEqual([]);
  });
});

describe('schema details', () => {
  it('are not suggested ("Did you mean") when introspection is off, and are when it is on', async () => {
    const query = '{ requests(first: 1) { edges { node { summry } } } }';
    const closed = await startTestServer({ introspection: false });
    const open = await startTestServer();
    try {
      const hidden = refused(await closed.gql(query), 'GRAPHQL_VALIDATION_FAILED');
      expect(hidden.message).not.toMatch(/Did you mean/);
      expect(hidden.message).not.toContain('summary');
      expect(refused(await open.gql(query), 'GRAPHQL_VALIDATION_FAILED').message).toMatch(/Did you mean "summary"/);
    } finally {
      await closed.close();
      await open.close();
    }
  });
});

describe('read authentication comes before any analysis of the query', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ tokens: TOKENS, requireAuthForReads: true });
  });
  afterAll(() => s.close());

  it('refuses an anonymous query as UNAUTHENTICATED whatever is wrong with it, running no SQL', async () => {
    const fanOut = Array.from({ length: 20 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(' ');
    const documents = [
      '{ stats {', // a syntax error
      '{ stats { nope } }', // a validation error
      `{ ${'__typename '.repeat(6000)}}`, // too many tokens
      `query { ...F0 } ${fanOut} fragment F20 on Query { stats { documents } }`, // the fan-out of fragments
      'subscription { stats { documents } }',
    ];
    for (const query of documents) {
      s.queries.length = 0;
      const r = await s.gql(query);
      expect({ query: query.slice(0, 30), status: r.status, codes: codes(r) }).toEqual({ query: query.slice(0, 30), status: 401, codes: ['UNAUTHENTICATED'] });
      expect(s.queries).toEqual([]);
    }
    expect(ok(await s.gql('{ stats { documents } }', {}, EDITOR)).stats.documents).toBe(5);
  });
});
