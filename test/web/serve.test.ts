/**
 * The API server serves the built web app at `/`: index.html revalidated on each load, hashed assets
 * cached for a year, and no path outside the build reachable. The API itself stays at /graphql.
 */
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
let root: string;
beforeAll(async () => {
  s = await startTestServer();
  root = new URL('/', s.url).toString();
});
afterAll(() => s.close());

test('GET / is the app, its assets are cached immutably, and nothing else is served from disk', async () => {
  const index = await fetch(root);
  expect(index.status).toBe(200);
  expect(index.headers.get('content-type')).toMatch(/^text\/html/);
  expect(index.headers.get('cache-control')).toBe('no-cache');
  const html = await index.text();
  expect(html).toContain('<meta name="dossier-api" content="graphql"');
  const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)![1]!;
  const asset = await fetch(new URL(script, root));
  expect(asset.status).toBe(200);
  expect(asset.headers.get('content-type')).toMatch(/javascript/);
  expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

  for (const path of ['assets/../../package.json', 'assets/%2e%2e/%2e%2e/package.json', 'web/dist/index.html', 'assets/nope.js']) {
    expect({ path, status: (await fetch(new URL(path, root))).status }).toEqual({ path, status: 404 });
  }
  // The API is where it was.
  expect((await s.gql('{ stats { documents } }')).data.stats.documents).toBeGreaterThan(0);
});
