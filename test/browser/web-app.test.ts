/**
 * The reference web app (web/) in real headless Chromium, served by the API server at `/` over the
 * seeded database: each view shows what the texts say, the three-click path from "requests to NATO" to
 * the highlighted "but not troops", URLs and the back button, curation with an editor token, an axe-core
 * scan of every view (no serious or critical violation), and the layout at 200% zoom. A screenshot of
 * every view is written to test-results/screenshots/ (SCREENSHOT_DIR overrides), which CI lists.
 *
 * Needs Debian's chromium at /usr/bin/chromium (`.ci/install-chromium.sh`); CHROMIUM_PATH overrides it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHOTS = process.env.SCREENSHOT_DIR || path.join(root, 'test-results/screenshots');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const EDITOR = 'web-editor-secret';
const ALLAWI = 'allawi-2004-nato-assistance';
const FOX_2004 = '002_747cff529a1d3125';

let server: TestServer;
let browser: Browser;
let page: Page;
let base: string;
const pageErrors: string[] = [];

async function shot(name: string) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Serious and critical axe-core violations of the page as it stands. */
async function axeViolations(): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run();
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.targets.join(', ')}`);
}

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: run .ci/install-chromium.sh (as root) and re-run the browser tests.`);
  if (!fs.existsSync(path.join(root, 'web/dist/index.html'))) throw new Error('The web app is not built: run npm run build:web.');
  fs.mkdirSync(SHOTS, { recursive: true });
  server = await startTestServer({ tokens: `web:editor:${EDITOR}` });
  base = new URL('/', server.url).toString();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    timeout: 60_000,
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.setDefaultTimeout(15_000);
}, 120_000);

afterAll(async () => {
  await browser?.close().catch(() => {});
  await server?.close();
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
});

test('from "requests to NATO" to the highlighted "but not troops" in three clicks', async () => {
  await page.goto(base);
  await page.getByRole('link', { name: 'requests to NATO' }).click(); // 1
  await page.getByRole('link', { name: /^Iraq's interim prime minister Iyad Allawi/ }).click(); // 2
  await page.getByRole('link', { name: 'but not troops', exact: true }).click(); // 3
  const target = page.locator('.body mark.target');
  await target.first().waitFor();
  expect(await page.evaluate(() => document.activeElement?.classList.contains('target'))).toBe(true);
  const text = (await target.allTextContents()).join('');
  expect(text).toContain('but not troops');
  expect(page.url()).toContain(`#/documents/${FOX_2004}?span=`);
  await shot('document-reader');
});
