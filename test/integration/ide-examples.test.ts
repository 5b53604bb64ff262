/** Every example query the IDE opens with runs against the seeded data without an error. */
import { ideExamples } from '../../src/server/ide.ts';
import { ok, startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const examples = ideExamples();

it('has the example tabs of the seed story', () => {
  expect(examples.map((e) => e.name)).toEqual(['requests', 'actor-by-alias', 'timeline', 'search', 'not-asked-for']);
});

it.each(examples.map((e) => [e.name, e.query] as const))('runs the %s example with data', async (_, query) => {
  const data = ok(await s.gql(query));
  const roots = Object.values(data as Record<string, unknown>);
  expect(roots.length).toBeGreaterThan(0);
  for (const root of roots) expect(root).not.toBeNull();
  expect(JSON.stringify(data)).toMatch(/NATO|North Atlantic|Iraq/);
});
