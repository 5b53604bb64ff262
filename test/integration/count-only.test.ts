/** A connection asked only for totalCount runs its count, not its page (root lists). */
import { ok, startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
beforeAll(async () => { s = await startTestServer(); });
afterAll(async () => { await s.close(); });

it.each(['documents', 'actors', 'events', 'requests', 'responses'])('%s { totalCount } runs one COUNT statement and no page query', async (list) => {
  const full = ok(await s.gql(`{ ${list}(first: 100) { totalCount edges { node { id } } } }`));
  s.queries.length = 0;
  const data = ok(await s.gql(`{ ${list} { totalCount } }`));
  expect(data[list].totalCount).toBe(full[list].totalCount);
  expect(data[list].totalCount).toBeGreaterThan(0);
  expect(s.queries).toHaveLength(1);
  expect(s.queries[0]).toMatch(/COUNT\(\*\)/i);
});
