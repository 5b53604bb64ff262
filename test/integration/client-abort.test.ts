/**
 * A client that hangs up before its answer is sent (a closed tab, a timed-out client, a load tester
 * stopping) is not a server error: no error-level log line, no 500 in the logs, and the server goes on
 * answering. The compression stream reports such a hang-up as ERR_STREAM_PREMATURE_CLOSE, which reached
 * the HTTP error handler and was logged as "unhandled HTTP error".
 */
import http from 'node:http';
import { PassThrough } from 'node:stream';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
const lines: Record<string, unknown>[] = [];

beforeAll(async () => {
  const log = new PassThrough();
  log.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) lines.push(JSON.parse(line));
  });
  s = await startTestServer({ logLevel: 'info' }, { log });
});
afterAll(() => s.close());

/** Twenty aliases of every seeded body: an answer of megabytes, still being compressed when the client leaves. */
const bodies = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: documents(first: 10) { edges { node { body } } }`).join(' ')} }`;

/** Sends the operation with its own request id and destroys the socket `afterMs` after the body is sent. */
function hangUp(query: string, id: string, afterMs: number): Promise<void> {
  const url = new URL(s.url);
  return new Promise((resolve) => {
    const req = http.request({
      host: url.hostname, port: url.port, path: url.pathname, method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip', 'x-request-id': id },
    });
    req.on('error', () => undefined); // the hang-up is ours
    req.on('close', () => resolve());
    req.end(JSON.stringify({ query }), () => setTimeout(() => req.destroy(), afterMs));
  });
}

const linesOf = (id: string) => lines.filter((l) => l['requestId'] === id);

test('a client hanging up mid-answer is logged at info, not as an error, and the server keeps answering', async () => {
  // Hang-ups at several points of the answer's making: parsing, executing, compressing, sending.
  const ids = [0, 1, 2, 3, 5, 8, 12, 20, 30, 50].map((ms) => `hang-up-${ms}`);
  for (const id of ids) await hangUp(bodies, id, Number(id.split('-')[2]));
  // Each request's fate is logged once its stream has finished or failed; one the server never read
  // (hung up before its body arrived) leaves no line, so wait a little for those.
  const deadline = Date.now() + 3_000;
  while (ids.some((id) => linesOf(id).length === 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const mine = ids.flatMap(linesOf);
  expect(mine.length).toBeGreaterThan(0);
  expect(mine.filter((l) => l['level'] === 'error')).toEqual([]);
  expect(lines.filter((l) => l['msg'] === 'unhandled HTTP error')).toEqual([]);
  // At least one hang-up reached the answer while it was streaming (the case that was an error before).
  expect(mine.some((l) => l['msg'] === 'the client closed the connection before the answer was sent')).toBe(true);

  const after = await s.gql('{ documents(first: 1) { totalCount } }');
  expect(after.status).toBe(200);
  expect(after.data.documents.totalCount).toBeGreaterThan(0);
});
