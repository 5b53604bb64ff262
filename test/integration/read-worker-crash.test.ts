/**
 * A read worker that stops (killed, or out of memory) mid-statement: the read it was running is run once
 * more on a fresh worker, a read that stops a second worker fails with the retryable SERVICE_BUSY, the
 * pool replaces every worker it loses and logs it, and the server keeps answering over HTTP throughout —
 * on the main connection while no worker is left.
 */
import { PassThrough } from 'node:stream';
import { readPoolOf } from '../../src/db/client.ts';
import { isReadWorkerLost, type ReadPool } from '../../src/db/read-pool.ts';
import { createFormatError } from '../../src/server/errors.ts';
import { createLogger } from '../../src/server/logger.ts';
import { ok, startTestServer, type TestServer } from '../helpers/server.ts';

/** A read that keeps its worker busy for a second or more, with a known answer. */
const HEAVY = `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) SELECT sum(i % 7) AS s FROM n`;
const HEAVY_ANSWER = (() => {
  let sum = 0;
  for (let i = 1; i <= 3_000_000; i++) sum += i % 7;
  return sum;
})();
// Its filtered totalCount is read by a worker (an unfiltered page or count is read on the main thread).
const TITLES = '{ documents(first: 5) { edges { node { title } } } dated: documents(filter: { from: "1900" }) { totalCount } }';

let s: TestServer;
let pool: ReadPool;
let logged = '';
beforeAll(async () => {
  const log = new PassThrough();
  log.on('data', (c: Buffer) => (logged += c.toString()));
  // One worker: while it is gone, nothing but the main connection can answer.
  s = await startTestServer({ logLevel: 'info' }, {
    log,
    db: { readWorkers: 1, busyTimeoutMs: 5_000, onReadWorkerError: (e) => log.write(`read worker stopped: ${e.message}\n`) },
  });
  pool = readPoolOf(s.t.db)!;
  await pool.whenReady();
});
afterAll(async () => {
  await s?.close();
});

async function busyWorker() {
  for (;;) {
    const busy = pool.workers().find((w) => w.busy);
    if (busy) return busy;
    await new Promise((r) => setTimeout(r, 2));
  }
}

it('runs a read again on a fresh worker when its worker is killed mid-statement; the server answers meanwhile', async () => {
  const restarts = pool.stats().restarts;
  // Prisma's promises are lazy: then() sends the statement.
  const heavy = s.t.db.$queryRawUnsafe<{ s: number }[]>(HEAVY).then((rows) => rows);
  const killed = await busyWorker();
  await killed.worker.terminate();
  // No worker left: HTTP reads run on the main connection and succeed.
  expect(pool.stats().ready).toBe(0);
  expect((await fetch(`${s.origin}/healthz`)).status).toBe(200);
  expect(ok(await s.gql(TITLES)).documents.edges.length).toBe(5);
  // The killed read was run again on the replacement, with the right answer.
  expect(Number((await heavy)[0]!.s)).toBe(HEAVY_ANSWER);
  expect(pool.stats()).toMatchObject({ ready: 1, restarts: restarts + 1 });
  expect(pool.workers()[0]!.threadId).not.toBe(killed.threadId);
  expect(logged).toMatch(/read worker stopped/);
  // Reads run on the replacement worker again.
  const served = pool.stats().served;
  expect(ok(await s.gql(TITLES)).documents.edges.length).toBe(5);
  expect(pool.stats().served).toBeGreaterThan(served);
});

it('fails a read that loses a second worker with SERVICE_BUSY (retryable), and recovers', async () => {
  const heavy = s.t.db.$queryRawUnsafe(HEAVY).then(() => undefined, (e: unknown) => e);
  const first = await busyWorker();
  await first.worker.terminate();
  let second;
  do second = await busyWorker(); while (second.threadId === first.threadId);
  await second.worker.terminate();
  const error = await heavy;
  expect(isReadWorkerLost(error)).toBe(true);
  // The client's view of that error: the documented retryable code (the HTTP layer adds 503 + Retry-After).
  const formatted = createFormatError(true, createLogger('silent'))({ message: 'x', path: ['q'] }, error);
  expect(formatted.extensions).toEqual({ code: 'SERVICE_BUSY', retryable: true });
  expect(formatted.message).toMatch(/worker stopped/);
  await pool.whenReady();
  expect((await fetch(`${s.origin}/healthz`)).status).toBe(200);
  expect(ok(await s.gql(TITLES)).documents.edges.length).toBe(5);
  expect(pool.stats().ready).toBe(1);
});
