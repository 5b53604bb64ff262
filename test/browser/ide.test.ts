/**
 * The GraphQL IDE in a real (headless) browser: GET /graphql renders GraphiQL with every asset inlined,
 * it runs a query against the seeded server, and the page never reaches beyond the machine.
 *
 * Needs Debian's chromium at /usr/bin/chromium (`.ci/install-chromium.sh`); CHROMIUM_PATH overrides it.
 * Leaves a screenshot of the final state in <tmpdir>/ide.png, also when the test fails.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Response } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { ideExamples } from '../../src/server/ide.ts';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SCREENSHOT = path.join(os.tmpdir(), 'ide.png');
// Named, so GraphiQL's tab title shows when it has parsed the edit (see below).
const OPERATION = 'Nato';
const QUERY = `query ${OPERATION} { actor(slug: "nato") { name } }`;
const EXPECTED = 'North Atlantic Treaty Organization';

// GraphiQL as bundled by @graphql-yoga/render-graphiql 5.15 edits with CodeMirror 5 (the later bundles'
// Monaco editor makes the page 2.4 MB gzipped instead of 0.7 MB).
const QUERY_EDITOR = '.graphiql-query-editor .CodeMirror';
const TAB = '.graphiql-tab';
const EXECUTE = 'button.graphiql-execute-button';
const RESPONSE = '.graphiql-response';
const ACTIVE_TAB_TITLE = '.graphiql-tab-active .graphiql-tab-button';

/** Requests the page may make: loopback http(s), and data:/blob: URLs (GraphiQL's inlined workers). */
function isLocal(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'data:' || u.protocol === 'blob:') return true;
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(u.protocol)) return false;
  return ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
}

describe('GraphQL IDE in a headless browser', () => {
  let server: TestServer | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let userDataDir: string | undefined;
  const nonLocal = new Set<string>();
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium not found at ${CHROMIUM}: the browser tests need it. Run .ci/install-chromium.sh ` +
          '(as root; it installs Debian\'s chromium package) and re-run the tests.',
      );
    }
    server = await startTestServer();
    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-chromium-'));
    // launchPersistentContext is how playwright takes a --user-data-dir (launch() refuses that flag).
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
      viewport: { width: 1280, height: 800 },
      timeout: 60_000,
    });
    // Every request of the context (pages and their workers): note the non-local ones and never let
    // them out, so a regression shows up as a failed assertion rather than a hang on a CDN.
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (isLocal(url)) return route.continue();
      nonLocal.add(`${route.request().method()} ${url}`);
      return route.abort('blockedbyclient');
    });
    context.on('request', (req) => {
      if (!isLocal(req.url())) nonLocal.add(`${req.method()} ${req.url()}`);
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('request', (req) => {
      if (!isLocal(req.url())) nonLocal.add(`${req.method()} ${req.url()}`);
    });
    page.on('websocket', (ws) => {
      if (!isLocal(ws.url())) nonLocal.add(`WEBSOCKET ${ws.url()}`);
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 120_000);

  afterAll(async () => {
    // Each step on its own, so one failure does not leave the others running.
    if (page) await page.screenshot({ path: SCREENSHOT, fullPage: true }).catch(() => {});
    if (context) await context.close().catch((e) => console.error('closing chromium:', e));
    if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
    if (server) await server.close();
  }, 60_000);

  test('GET /graphql renders GraphiQL, runs a query, and makes no non-local request', async () => {
    const p = page!;
    const response: Response | null = await p.goto(server!.url, { waitUntil: 'load', timeout: 60_000 });
    expect(response).not.toBeNull();
    expect(response!.status()).toBe(200);
    expect(response!.headers()['content-type']).toMatch(/^text\/html/);

    // GraphiQL has rendered: one tab per example operation, the operation editor (CodeMirror, showing
    // the first example) and the execute button.
    const editor = p.locator(QUERY_EDITOR);
    await editor.waitFor({ state: 'visible', timeout: 60_000 });
    const execute = p.locator(EXECUTE);
    await execute.waitFor({ state: 'visible', timeout: 60_000 });
    await expect(p.locator(TAB).count()).resolves.toBe(ideExamples().length);
    const firstExample = await p.evaluate(`document.querySelector(${JSON.stringify(QUERY_EDITOR)}).CodeMirror.getValue()`);
    expect(firstExample).toBe(ideExamples()[0]!.query);

    // Replace the prefilled example with a small query, as typing would (CodeMirror's own API, so no
    // auto-closed brackets get in the way).
    await p.evaluate(`document.querySelector(${JSON.stringify(QUERY_EDITOR)}).CodeMirror.setValue(${JSON.stringify(QUERY)})`);
    // GraphiQL parses the operation (debounced) after an edit, and only then updates the operation name
    // it sends and the tab title. Executing before that sends the previous example's operationName
    // ("Cannot infer operation Requests"), so wait for the title to show ours.
    await p.locator(ACTIVE_TAB_TITLE, { hasText: new RegExp(`^\\s*${OPERATION}\\s*$`) })
      .waitFor({ state: 'visible', timeout: 10_000 });

    await execute.click();
    // Whichever comes first, the data or an error, so a GraphQL error fails fast and shows itself.
    const result = p.locator(RESPONSE, { hasText: new RegExp(`${EXPECTED}|"errors"`) });
    await result.waitFor({ state: 'visible', timeout: 30_000 }).catch((e: Error) => {
      throw new Error(`${e.message}\npage errors: ${JSON.stringify(pageErrors)}\nnon-local requests: ${JSON.stringify([...nonLocal])}`);
    });
    const shown = JSON.parse(String(await p.evaluate(`document.querySelector(${JSON.stringify(RESPONSE + ' .CodeMirror')}).CodeMirror.getValue()`)));
    expect(shown).toEqual({ data: { actor: { name: EXPECTED } } });

    expect([...nonLocal]).toEqual([]);
  }, 120_000);
});
