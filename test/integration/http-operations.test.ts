/**
 * What an operator and a browser client see of the HTTP layer: CORS preflights, compression and ETags of
 * the IDE page, BASE_PATH, /readyz, request ids and trace context, and where the IDE is not served.
 */
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { codes, ok, startTestServer, type TestServer } from '../helpers/server.ts';
import { CORS_ALLOWED_HEADERS } from '../../src/server/http.ts';

/** A GET/OPTIONS over node:http, which (unlike fetch) shows the bytes on the wire, compressed or not. */
function raw(url: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? 'GET', headers: init.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const APP = 'http://app.example.test:5173';

describe('CORS', () => {
  let s: TestServer;
  let closed: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ corsOrigins: [APP, 'https://other.example.test'] });
    closed = await startTestServer(); // the default: no origin allowed
  });
  afterAll(async () => {
    await s.close();
    await closed.close();
  });

  const preflight = (server: TestServer, origin: string) => raw(server.url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type, apollo-require-preflight, x-request-id',
    },
  });

  it('answers the preflight of an allowed origin with the headers a browser client sends', async () => {
    const r = await preflight(s, APP);
    expect(r.status).toBe(204);
    expect(r.headers['access-control-allow-origin']).toBe(APP);
    const allowed = String(r.headers['access-control-allow-headers']).split(/\s*,\s*/);
    for (const h of ['authorization', 'content-type', 'apollo-require-preflight', 'x-request-id']) expect(allowed).toContain(h);
    expect(allowed).toEqual(CORS_ALLOWED_HEADERS);
    expect(String(r.headers['access-control-allow-methods'])).toMatch(/POST/);
  });

  it('gives an allowed origin the response and the request id header', async () => {
    const res = await fetch(s.url, { method: 'POST', headers: { origin: APP, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ stats { documents } }' }) });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(res.headers.get('access-control-expose-headers')).toMatch(/x-request-id/);
    expect(await res.json()).toEqual({ data: { stats: { documents: 5 } } });
  });

  it('grants nothing to an origin not in CORS_ORIGINS, nor to any origin by default', async () => {
    for (const [server, origin] of [[s, 'http://evil.example.test'], [closed, APP]] as const) {
      const r = await preflight(server, origin);
      expect(r.headers['access-control-allow-origin']).toBeUndefined();
      const res = await fetch(server.url, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ stats { documents } }' }) });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});

describe('the IDE page', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());
  const browser = { accept: 'text/html,application/xhtml+xml', 'accept-encoding': 'gzip, deflate, br' };

  // The page is GraphiQL (CodeMirror editor) with every asset inlined: ~1.9 MB, ~0.7 MB gzipped.
  it('goes out gzipped to under 1 MB, with a strong ETag, and revalidates to 304', async () => {
    const first = await raw(s.url, { headers: browser });
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toMatch(/^text\/html/);
    expect(first.headers['content-encoding']).toBe('gzip');
    const html = gunzipSync(first.body).toString('utf8');
    expect(html.length).toBeGreaterThan(1_500_000); // the whole GraphiQL bundle, inlined
    expect(first.body.length).toBeLessThan(1_000_000);
    expect(html).toContain('dossier GraphQL IDE');
    const etag = first.headers.etag!;
    expect(etag).toMatch(/^"[\w-]+"$/);

    // The page is rendered once: a second visit gets the very same bytes and tag.
    const second = await raw(s.url, { headers: browser });
    expect(second.headers.etag).toBe(etag);
    expect(second.body.equals(first.body)).toBe(true);

    const revalidated = await raw(s.url, { headers: { ...browser, 'if-none-match': etag } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body.length).toBe(0);
  });

  it('is sent uncompressed to a client that does not accept gzip', async () => {
    const r = await raw(s.url, { headers: { accept: 'text/html' } });
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.body.toString('utf8')).toContain('dossier GraphQL IDE');
  });

  it('compresses large JSON results too', async () => {
    const r = await fetch(s.url, {
      method: 'POST', headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' },
      body: JSON.stringify({ query: '{ documents(first: 5) { edges { node { body } } } }' }),
    });
    expect(r.headers.get('content-encoding')).toBe('gzip');
    expect(ok({ ...(await r.json() as object), status: r.status }).documents.edges).toHaveLength(5);
  });
});

describe('where the IDE is not served', () => {
  it('not with introspection off: a plain GET is a bad request, not the schema browser', async () => {
    const s = await startTestServer({ introspection: false });
    try {
      const r = await raw(s.url, { headers: { accept: 'text/html' } });
      expect(r.status).toBe(400);
      expect(r.headers['content-type']).not.toMatch(/html/);
    } finally {
      await s.close();
    }
  });

  it('not to anonymous callers when reads need a token', async () => {
    const s = await startTestServer({ requireAuthForReads: true, tokens: 'ann:editor:editor-secret-1' });
    try {
      const r = await raw(s.url, { headers: { accept: 'text/html', 'accept-encoding': 'gzip' } });
      expect(r.status).toBe(401);
      expect(r.body.length).toBeLessThan(1000);
      expect(JSON.parse(r.body.toString('utf8')).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    } finally {
      await s.close();
    }
  });
});

describe('BASE_PATH', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ basePath: '/dossier/v1' });
  });
  afterAll(() => s.close());

  it('serves every route under the base path, and nothing at the bare paths', async () => {
    expect(s.url).toBe(`${s.origin}/dossier/v1/graphql`);
    expect(ok(await s.gql('{ stats { documents } }'))).toEqual({ stats: { documents: 5 } });
    expect((await fetch(`${s.origin}/dossier/v1/healthz`)).status).toBe(200);
    expect((await fetch(`${s.origin}/dossier/v1/readyz`)).status).toBe(200);
    expect((await fetch(`${s.origin}/dossier/v1/metrics`)).status).toBe(200);
    for (const p of ['/graphql', '/healthz']) {
      const r = await fetch(`${s.origin}${p}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ stats { documents } }"}' });
      expect(r.status).toBe(404);
    }
    // The web app under the base path; the bare base path gains the slash its relative assets need.
    const root = await fetch(`${s.origin}/dossier/v1/`, { redirect: 'manual' });
    expect(root.status).toBe(200);
    expect(await root.text()).toContain('<meta name="dossier-api" content="graphql"');
    const bare = await fetch(`${s.origin}/dossier/v1`, { redirect: 'manual' });
    expect(bare.status).toBe(302);
    expect(bare.headers.get('location')).toBe('/dossier/v1/');
    expect((await fetch(`${s.origin}/`, { redirect: 'manual' })).status).toBe(404);
  });

  it('points the IDE at the endpoint under the base path', async () => {
    const r = await raw(s.url, { headers: { accept: 'text/html' } });
    expect(r.status).toBe(200);
    expect(r.body.toString('utf8')).toMatch(/["']\/dossier\/v1\/graphql["']/);
  });
});

describe('/readyz and /healthz', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  it('is ready with every migration applied; not ready with one missing, or while draining; alive throughout', async () => {
    let r = await fetch(`${s.origin}/readyz`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ status: 'ready' });

    const [last] = await s.t.db.$queryRawUnsafe<{ migration_name: string }[]>('SELECT migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1');
    await s.t.db.$executeRawUnsafe(`UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = '${last!.migration_name}'`);
    r = await fetch(`${s.origin}/readyz`);
    expect(r.status).toBe(503);
    const body = (await r.json()) as { problems: string[] };
    expect(body.problems.join(' ')).toContain(last!.migration_name);
    expect((await fetch(`${s.origin}/healthz`)).status).toBe(200);
    await s.t.db.$executeRawUnsafe(`UPDATE _prisma_migrations SET finished_at = started_at WHERE migration_name = '${last!.migration_name}'`);
    expect((await fetch(`${s.origin}/readyz`)).status).toBe(200);

    s.server.state.draining = true;
    r = await fetch(`${s.origin}/readyz`);
    expect(r.status).toBe(503);
    expect(((await r.json()) as { problems: string[] }).problems).toEqual(['draining: the server is shutting down']);
    expect((await fetch(`${s.origin}/healthz`)).status).toBe(200);
    s.server.state.draining = false;
  });
});

describe('request ids and trace context', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());
  const post = (headers: Record<string, string>) =>
    fetch(s.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{"query":"{ stats { documents } }"}' });

  it('echoes a client x-request-id, and makes one up for a missing or unsafe one', async () => {
    expect((await post({ 'x-request-id': 'client-abc.123' })).headers.get('x-request-id')).toBe('client-abc.123');
    for (const bad of ['with spaces', 'x'.repeat(200), '{"json":1}']) {
      const id = (await post({ 'x-request-id': bad })).headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect((await post({})).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('echoes a valid traceparent and takes its trace id as the request id; ignores a malformed one', async () => {
    const tp = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const r = await post({ traceparent: tp });
    expect(r.headers.get('traceparent')).toBe(tp);
    expect(r.headers.get('x-request-id')).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    const bad = await post({ traceparent: '00-zz-00-01' });
    expect(bad.headers.get('traceparent')).toBeNull();
    expect(codes({ ...(await bad.json() as object), status: bad.status })).toEqual([]);
  });
});
