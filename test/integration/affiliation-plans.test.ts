/**
 * SQLite's query plans for the roll-up statements (affiliation.ts): driven from the small affiliated set
 * through indexes, never a scan of a table. About SQLite's planner, so not part of `npm run test:postgres`
 * (on PostgreSQL the seed's tables are a few pages, where a sequential scan is the right plan).
 */
import Database from 'better-sqlite3';
import { startTestServer, ok, type TestServer } from '../helpers/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

describe('query plans of the roll-up statements', () => {
  it('search indexes from the affiliated set and never scan a table', async () => {
    const queries = [
      '{ requests(filter: { requester: "iraq", addressee: "nato", status: [ACCEPTED, FULFILLED] }) { totalCount edges { node { slug } } } }',
      '{ events(filter: { actor: "nato", kind: [MEETING] }) { totalCount edges { node { slug } } } }',
      '{ responses(filter: { responder: "nato", stance: [ACCEPTS] }) { totalCount edges { node { id } } } }',
      '{ timeline(actors: ["iraq", "nato"], from: "2004") { totalCount edges { date } } }',
    ];
    const db = new Database(s.t.url.replace(/^file:/, ''), { readonly: true });
    try {
      for (const q of queries) {
        s.queries.length = 0;
        ok(await s.gql(q));
        const statements = s.queries.filter((sql) => sql.includes('json_each'));
        expect(statements.length).toBeGreaterThanOrEqual(2); // the affiliation, then the list
        for (const sql of statements) {
          const params = Array((sql.match(/\?/g) ?? []).length).fill(null);
          const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
          // Allowed scans: the JSON parameter, the CTE of parts, a subquery's result (the timeline's pages
          // are named "walk", "drive" (over the distinct ids, "ids") and "page", the count of link rows that chooses between them "links");
          // never a table.
          const scans = plan.filter((d) => /^SCAN /.test(d) && !/^SCAN (json_each|h|p|walk|drive|page|links|ids|x|\(subquery)\b/.test(d));
          expect({ q, sql: sql.slice(0, 80), scans }).toEqual({ q, sql: sql.slice(0, 80), scans: [] });
        }
      }
    } finally {
      db.close();
    }
  });

  it("walks the responses' date index without reading a response's row to test its responder", async () => {
    // A heavy responder's timeline page walks RequestResponse in (date, id) order and tests each response's
    // responder (dated-page-sql.ts): the index carries responderId, so the walk is answered from the index
    // alone (at 100k documents 3–5 ms → 0.7–1.0 ms for the busiest actor's page, bench/RESULTS.md).
    s.queries.length = 0;
    ok(await s.gql('{ timeline(actors: ["nato"], affiliated: false, first: 5) { edges { date } } }'));
    const page = s.queries.find((sql) => sql.includes('AS "walk"'));
    expect(page).toBeDefined();
    const db = new Database(s.t.url.replace(/^file:/, ''), { readonly: true });
    try {
      const params = Array((page!.match(/\?/g) ?? []).length).fill(null);
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${page}`).all(...params) as { detail: string }[]).map((r) => r.detail);
      const walks = plan.filter((d) => /^SEARCH t USING .*INDEX RequestResponse_date/.test(d));
      expect(walks).toEqual([expect.stringMatching(/^SEARCH t USING COVERING INDEX RequestResponse_date_id_responderId_idx /)]);
    } finally {
      db.close();
    }
  });
});
