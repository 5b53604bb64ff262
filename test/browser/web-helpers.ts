/**
 * What the web app's browser tests share: Chromium (Debian's, through playwright-core), a seeded server
 * serving the app with a page on it (`useWebApp`), the axe-core scan, screenshots, and selecting a passage of a document the way a mouse would.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Config } from '../../src/config.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SHOTS = process.env.SCREENSHOT_DIR || path.join(root, 'test-results/screenshots');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export async function launch(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: run .ci/install-chromium.sh (as root) and re-run the browser tests.`);
  if (!fs.existsSync(path.join(root, 'web/dist/index.html'))) throw new Error('The web app is not built: run npm run build:web.');
  fs.mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    timeout: 60_000,
  });
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Serious and critical axe-core violations of the page as it stands. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run();
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.targets.join(', ')}`);
}

/**
 * Selects the first occurrence of `quote` in the document reader's text, as a mouse drag would, and
 * releases the button there. Returns its offset in the text.
 */
export async function selectText(page: Page, quote: string): Promise<number> {
  return page.evaluate((q) => {
    const body = document.querySelector('.body')!;
    const at = (body.textContent ?? '').indexOf(q);
    if (at < 0) throw new Error(`not in the text: ${q}`);
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let offset = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const len = n.textContent!.length;
      if (offset <= at && at < offset + len) range.setStart(n, at - offset);
      if (offset < at + q.length && at + q.length <= offset + len) range.setEnd(n, at + q.length - offset);
      offset += len;
    }
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    body.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    return at;
  }, quote);
}

/** What `useWebApp` gives a suite once its beforeAll has run. */
export interface WebApp {
  server: TestServer;
  browser: Browser;
  page: Page;
  /** The web app's URL (the server's root). */
  base: string;
  /** Uncaught errors in the page; every test must end with none. */
  pageErrors: string[];
}

/**
 * The setup every web-app suite shares: Chromium, a seeded server with these settings serving the
 * app, one 1280×900 page whose uncaught errors fail the test they happen in, and teardown. Call it at
 * the top of the suite; the fields are set once its beforeAll has run.
 */
export function useWebApp(config: Partial<Config>): WebApp {
  const app = { pageErrors: [] as string[] } as WebApp;
  beforeAll(async () => {
    app.browser = await launch();
    app.server = await startTestServer(config);
    app.base = new URL('/', app.server.url).toString();
    app.page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    app.page.on('pageerror', (e) => app.pageErrors.push(e.message));
    app.page.setDefaultTimeout(15_000);
  }, 120_000);
  afterAll(async () => {
    await app.browser?.close().catch(() => {});
    await app.server?.close();
  });
  afterEach(() => {
    expect(app.pageErrors).toEqual([]);
  });
  return app;
}
