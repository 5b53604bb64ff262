/**
 * The hand-written client: what is retried (network failures only; a mutation only when it was never
 * sent), what is not (GraphQL and HTTP errors), timeouts and the caller's abort. Attempts are counted
 * through an injected fetch; failing servers are plain sockets on loopback ports.
 */
import http from 'node:http';
import net from 'node:net';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { createDossierClient, DossierError, type DossierClientOptions } from '../../packages/sdk/src/index.ts';

let s: TestServer;
const servers: net.Server[] = [];
const sockets: net.Socket[] = [];

beforeAll(async () => {
  s = await startTestServer({ tokens: 'ann:editor:editor-secret-1' });
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await s.close();
});

function listen(server: net.Server): Promise<string> {
  servers.push(server);
  server.on('connection', (socket: net.Socket) => sockets.push(socket));
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as net.AddressInfo).port}/graphql`)));
}

/** A port nothing listens on. */
async function closedPort(): Promise<string> {
  const server = net.createServer();
  const url = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  servers.splice(servers.indexOf(server), 1);
  return url;
}

/** A client whose fetch counts its calls. */
function counting(options: DossierClientOptions) {
  const counter = { calls: 0 };
  const client = createDossierClient({
    retryDelayMs: 1,
    ...options,
    fetch: (input, init) => (counter.calls++, fetch(input, init)),
  });
  return { client, counter };
}

async function failure(call: Promise<unknown>): Promise<DossierError> {
  const e = await call.then(() => null, (err: unknown) => err);
  if (!(e instanceof DossierError)) throw new Error(`expected a DossierError, got ${String(e)}`);
  return e;
}

const mutation = { input: { name: 'Nobody', kind: 'OTHER' as const } };

test('a refused connection is retried, for queries and mutations alike (nothing was sent)', async () => {
  const endpoint = await closedPort();
  const { client, counter } = counting({ endpoint, retries: 2 });
  const e = await failure(client.stats());
  expect(e).toMatchObject({ code: 'NETWORK_ERROR', attempts: 3, status: undefined, path: undefined, operationName: 'stats' });
  expect(counter.calls).toBe(3);
  expect(e.message).toMatch(/ECONNREFUSED/);

  const m = counting({ endpoint, retries: 2 });
  expect((await failure(m.client.createActor(mutation))).attempts).toBe(3);
  expect(m.counter.calls).toBe(3);
});

test('a connection dropped after sending: queries are retried, mutations are not', async () => {
  const endpoint = await listen(net.createServer((socket) => socket.once('data', () => socket.destroy())));
  const q = counting({ endpoint, retries: 2 });
  expect((await failure(q.client.stats())).code).toBe('NETWORK_ERROR');
  expect(q.counter.calls).toBe(3);

  const m = counting({ endpoint, retries: 2 });
  expect(await failure(m.client.createActor(mutation))).toMatchObject({ code: 'NETWORK_ERROR', attempts: 1 });
  expect(m.counter.calls).toBe(1);
});

test('an attempt that exceeds timeoutMs is a network failure', async () => {
  const endpoint = await listen(net.createServer(() => {})); // accepts, never answers
  const { client, counter } = counting({ endpoint, retries: 1, timeoutMs: 100 });
  expect((await failure(client.stats())).code).toBe('NETWORK_ERROR');
  expect(counter.calls).toBe(2);
});

test("the caller's abort is passed through as is, without retries", async () => {
  const endpoint = await listen(net.createServer(() => {}));
  const { client, counter } = counting({ endpoint, retries: 2 });
  const abort = new AbortController();
  const call = client.stats(undefined, undefined, abort.signal);
  setTimeout(() => abort.abort(), 50);
  await expect(call).rejects.toMatchObject({ name: 'AbortError' });
  expect(counter.calls).toBe(1);
});

test('GraphQL errors are never retried', async () => {
  const { client, counter } = counting({ endpoint: s.url, token: 'editor-secret-1', retries: 2 });
  const e = await failure(client.addRequestResponse({ input: { request: 'no-such-request', responder: 'nato', stance: 'ACCEPTS', summary: 'x' } }));
  expect(e).toMatchObject({ code: 'NOT_FOUND', path: ['addRequestResponse'], attempts: 1 });
  expect(counter.calls).toBe(1);

  const anon = counting({ endpoint: s.url, retries: 2 });
  expect((await failure(anon.client.createActor(mutation))).code).toBe('UNAUTHENTICATED');
  expect(anon.counter.calls).toBe(1);
});

test('HTTP errors are never retried: a 401 keeps its code, a non-GraphQL 502 is BAD_RESPONSE', async () => {
  const bad = counting({ endpoint: s.url, token: 'wrong-token', retries: 2 });
  expect(await failure(bad.client.stats())).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  expect(bad.counter.calls).toBe(1);

  const proxy = await listen(http.createServer((_req, res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad Gateway</h1>')));
  const p = counting({ endpoint: proxy, retries: 2 });
  expect(await failure(p.client.stats())).toMatchObject({ code: 'BAD_RESPONSE', status: 502, attempts: 1 });
  expect(p.counter.calls).toBe(1);
});

test('the token is sent as a bearer token, with content-type application/json (CSRF prevention)', async () => {
  let seen: Headers | undefined;
  const client = createDossierClient({
    endpoint: s.url, token: 'editor-secret-1', headers: { 'x-client': 'sdk-test' },
    fetch: (input, init) => ((seen = new Headers(init?.headers)), fetch(input, init)),
  });
  const { createActor } = await client.createActor({ input: { name: 'Header Check', kind: 'OTHER' } });
  expect(createActor.actor.name).toBe('Header Check');
  expect(seen?.get('authorization')).toBe('Bearer editor-secret-1');
  expect(seen?.get('content-type')).toBe('application/json');
  expect(seen?.get('x-client')).toBe('sdk-test');
});

test('a missing, relative or non-HTTP endpoint is refused when the client is made, in words', () => {
  for (const endpoint of [undefined, '', '/graphql', 'graphql', 'ftp://127.0.0.1/graphql']) {
    expect(() => createDossierClient({ endpoint: endpoint as unknown as string })).toThrow(
      new TypeError(`createDossierClient: endpoint must be an absolute http(s) URL such as http://127.0.0.1:4000/graphql, got ${JSON.stringify(endpoint) ?? 'undefined'}`),
    );
  }
  expect(() => createDossierClient({ endpoint: 'https://dossier.example/graphql' })).not.toThrow();
});
