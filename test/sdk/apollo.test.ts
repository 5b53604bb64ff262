/**
 * Apollo Client's normalised cache configured with the SDK's `possibleTypes`: the timeline (a union)
 * comes back whole through the cache, with no "Cannot match inline fragment … missing possibleTypes
 * entry" warning.
 */
import { jest } from '@jest/globals';
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { TimelineDocument, possibleTypes } from '../../packages/sdk/src/documents.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

async function timelineWarnings(cache: InMemoryCache) {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
  const error = jest.spyOn(console, 'error').mockImplementation(() => {});
  try {
    const client = new ApolloClient({ cache, link: new HttpLink({ uri: s.url }) });
    const { data } = await client.query({ query: TimelineDocument, variables: { actor: 'nato', first: 50 } });
    const messages = [...warn.mock.calls, ...error.mock.calls].map((args) => args.map(String).join(' ')).filter((m) => /possibleTypes|inline fragment/i.test(m));
    return { data, messages };
  } finally {
    warn.mockRestore();
    error.mockRestore();
  }
}

test('with possibleTypes, the union matches and nothing is dropped', async () => {
  expect(possibleTypes['TimelineItem']).toEqual(['Event', 'Request', 'RequestResponse']);
  const { data, messages } = await timelineWarnings(new InMemoryCache({ possibleTypes }));
  expect(messages).toEqual([]);
  const responses = data!.timeline.edges.map((e) => e.node).filter((n) => n.__typename === 'RequestResponse');
  expect(responses.length).toBeGreaterThan(0);
  for (const r of responses) expect(r.responder.name).toEqual(expect.any(String));
});
