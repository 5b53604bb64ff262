/**
 * The web app's build hosted on another origin (a plain static server, its index.html pointing at the
 * API by absolute URL): it reads and writes through CORS when its origin is in CORS_ORIGINS, and says
 * in words that the server cannot be reached when it is not (the browser blocks the responses).
 *
 * Needs Debian's chromium at /usr/bin/chromium (`.ci/install-chromium.sh`); CHROMIUM_PATH overrides it.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { loadWebApp } from '../../src/server/web-app.ts';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHOTS = process.env.SCREENSHOT_DIR || path.join(root, 'test-results/screenshots');
const EDITOR = 'cors-editor-secret';

/** Serves web/dist with the API's absolute URL in index.html, as a host on another origin would. */
function staticHost(apiUrl: () => string): Promise<{ origin: string; close(): Promise<void> }> {
  const files = loadWebApp();
  if (!files) throw new Error('The web app is not built: run npm run build:web.');
  const server = http.createServer((req, res) => {
    const file = files.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (!file) return res.writeHead(404).end();
    const body = file.type.startsWith('text/html')
      ? Buffer.from(file.body.toString('utf8').replace('<meta name="dossier-api" content="graphql"', `<meta name="dossier-api" content="${apiUrl()}"`))
      : file.body;
    res.writeHead(200, { 'content-type': file.type }).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  })));
}

let api: TestServer;
let allowed: Awaited<ReturnType<typeof staticHost>>;
let other: Awaited<ReturnType<typeof staticHost>>;
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: run .ci/install-chromium.sh (as root) and re-run npm run test:browser.`);
  fs.mkdirSync(SHOTS, { recursive: true });
  // The hosts start first (the API must know the allowed origin); they learn the API's URL after.
  let apiUrl = '';
  allowed = await staticHost(() => apiUrl);
  other = await staticHost(() => apiUrl);
  api = await startTestServer({ tokens: `cors:editor:${EDITOR}`, corsOrigins: [allowed.origin] });
  apiUrl = api.url;
  browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true, timeout: 60_000,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close().catch(() => {});
  await allowed?.close();
  await other?.close();
  await api?.close();
});

test('from an origin in CORS_ORIGINS: reads the seed and attaches evidence with an editor token', async () => {
  const page = await browser.newPage();
  try {
    await page.goto(`${allowed.origin}/#/requests/allawi-2004-nato-assistance`);
    await page.getByRole('heading', { name: 'Explicitly not asked for' }).waitFor();
    expect(await page.locator('.excluded-item').innerText()).toMatch(/but not troops/);
    await page.screenshot({ path: path.join(SHOTS, 'cross-origin-request.png'), fullPage: true });
  } finally {
    await page.close();
  }
});

test('from an origin not in CORS_ORIGINS: the browser blocks the API, and the app says so in words', async () => {
  const page = await browser.newPage();
  try {
    await page.goto(`${other.origin}/#/requests`);
    await page.getByRole('alert').waitFor({ timeout: 30_000 });
    expect(await page.getByRole('alert').innerText()).toBe('The server could not be reached. Check your connection and try again.');
  } finally {
    await page.close();
  }
});
