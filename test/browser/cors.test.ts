/**
 * A web app on another origin, in real headless Chromium, reads and writes through the API when its
 * origin is in CORS_ORIGINS (the browser sends a preflight for the JSON body and the Authorization
 * header), and is blocked by the browser when it is not.
 *
 * Needs Debian's chromium at /usr/bin/chromium (`.ci/install-chromium.sh`); CHROMIUM_PATH overrides it.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { ok, startTestServer, type TestServer } from '../helpers/server.ts';
import { EDITOR_SECRET, TOKENS } from '../write/support.ts';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The "web app": reads stats, creates an actor with an editor token, and shows what happened. */
const PAGE = `<!doctype html><meta charset="utf-8"><title>app</title><pre id="out">running</pre>
<script>
(async () => {
  const api = new URLSearchParams(location.search).get('api');
  const call = (query, variables, token) => fetch(api, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': 'web-app-1', ...(token ? { authorization: 'Bearer ' + token } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const out = {};
  try {
    const read = await call('{ stats { documents } }');
    out.read = await read.json();
    out.requestId = read.headers.get('x-request-id');
    const write = await call('mutation ($name: String!) { createActor(input: { name: $name, kind: PERSON }) { actor { slug } } }', { name: 'Cross Origin Analyst' }, ${JSON.stringify(EDITOR_SECRET)});
    out.write = await write.json();
  } catch (e) {
    out.error = String(e);
  }
  document.getElementById('out').textContent = JSON.stringify(out);
})();
</script>`;

function pageServer(): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(PAGE);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  })));
}

describe('a web app on another origin, in Chromium', () => {
  let api: TestServer | undefined;
  let allowed: Awaited<ReturnType<typeof pageServer>> | undefined;
  let other: Awaited<ReturnType<typeof pageServer>> | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(`Chromium not found at ${CHROMIUM}: run .ci/install-chromium.sh (as root) and re-run npm run test:browser.`);
    }
    allowed = await pageServer();
    other = await pageServer();
    api = await startTestServer({ tokens: TOKENS, corsOrigins: [allowed.origin] });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      timeout: 60_000,
    });
  }, 120_000);

  afterAll(async () => {
    if (browser) await browser.close().catch(() => {});
    await allowed?.close();
    await other?.close();
    await api?.close();
  }, 60_000);

  async function runPage(origin: string) {
    const page = await browser!.newPage();
    try {
      await page.goto(`${origin}/?api=${encodeURIComponent(api!.url)}`, { waitUntil: 'load' });
      await page.waitForFunction(() => document.getElementById('out')?.textContent !== 'running', undefined, { timeout: 30_000 });
      return JSON.parse((await page.locator('#out').textContent())!);
    } finally {
      await page.close();
    }
  }

  test('reads and writes through the API from an origin in CORS_ORIGINS', async () => {
    const out = await runPage(allowed!.origin);
    expect(out.error).toBeUndefined();
    expect(out.read).toEqual({ data: { stats: { documents: 5 } } });
    expect(out.requestId).toBe('web-app-1'); // an exposed header
    expect(out.write).toEqual({ data: { createActor: { actor: { slug: 'cross-origin-analyst' } } } });
    expect(ok(await api!.gql('{ actor(slug: "cross-origin-analyst") { name } }')).actor.name).toBe('Cross Origin Analyst');
  }, 120_000);

  test('is blocked by the browser from an origin not in CORS_ORIGINS, and writes nothing', async () => {
    const before = ok(await api!.gql('{ actors(first: 1) { totalCount } }')).actors.totalCount;
    const out = await runPage(other!.origin);
    expect(out.error).toMatch(/Failed to fetch/);
    expect(ok(await api!.gql('{ actors(first: 1) { totalCount } }')).actors.totalCount).toBe(before);
  }, 120_000);
});
