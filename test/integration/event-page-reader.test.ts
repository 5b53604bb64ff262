/**
 * A page of events filtered by one kind or one status alone, in start order, walks that filter's
 * (kind|status, start, id) index no further than the page (the plan test holds it to that): it runs on
 * the main thread's reader, as an unfiltered page does, rather than on a read worker. Every other
 * filtered page, and every filtered count, still runs on the workers, where a long read stalls no one.
 * SQLite with read workers only (PostgreSQL has no workers).
 */
import { readPoolOf } from '../../src/db/client.ts';
import { ok, startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({}, { db: { readWorkers: 2 } });
});
afterAll(() => s?.close());

it('one kind or one status: the page on the main thread, its count on a worker; anything more on a worker', async () => {
  const pool = readPoolOf(s.t.db)!;
  const served = () => pool.stats().served;
  const kind = ok(await s.gql('{ events(first: 1) { edges { node { kind status } } } }')).events.edges[0].node;
  const page = async (filter: string, extra = '') =>
    ok(await s.gql(`{ events(first: 2, filter: { ${filter} }${extra}) { edges { cursor node { id kind status } } } }`)).events.edges;
  const before = served();
  const byKind = await page(`kind: ${kind.kind}`);
  expect(byKind.length).toBeGreaterThan(0);
  expect(byKind.every((e: any) => e.node.kind === kind.kind)).toBe(true);
  await page(`status: ${kind.status}`);
  expect(served()).toBe(before);
  // Paged on from a cursor: still the index walk from it.
  const cursor = byKind.at(-1).cursor;
  ok(await s.gql(`query ($c: String) { events(first: 2, after: $c, filter: { kind: ${kind.kind} }) { edges { cursor } } }`, { c: cursor }));
  expect(served()).toBe(before);
  // Its count reads every event of the kind: a worker.
  ok(await s.gql(`{ events(first: 2, filter: { kind: ${kind.kind} }) { totalCount } }`));
  expect(served()).toBe(before + 1);
  // Two kinds, a kind and a status, or another order: no single index walk serves the page.
  await page("kind: [SUMMIT, MEETING]");
  await page(`kind: ${kind.kind}, status: ${kind.status}`);
  await page(`kind: ${kind.kind}`, ', orderBy: { field: TITLE }');
  expect(served()).toBe(before + 4);
});
