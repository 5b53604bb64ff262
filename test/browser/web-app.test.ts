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

test('Requests: filters live in the URL, rows say who asked whom for what and what not, back undoes a filter', async () => {
  await page.goto(`${base}#/requests`);
  await page.locator('table tbody tr').first().waitFor();
  const all = await page.locator('table tbody tr').count();
  // Typeahead over names and aliases: typing part of a name offers the actor.
  await page.getByLabel('Addressed to').fill('Atlantic');
  await page.waitForFunction(() => [...document.querySelectorAll('datalist option')].some((o) => (o as HTMLOptionElement).value === 'nato'));
  await page.getByLabel('Addressed to').fill('nato');
  await page.getByLabel('Explicitly not asked for').selectOption('TROOPS');
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.waitForURL(/excluded=TROOPS/);
  expect(page.url()).toContain('addressee=nato');
  const row = page.locator('tbody tr', { hasText: 'Iyad Allawi' }).first();
  await row.waitFor();
  expect(await row.innerText()).toMatch(/Iyad Allawi \(for Iraqi Interim Government\)[\s\S]*North Atlantic Treaty Organization/);
  expect(await row.locator('.excluded').innerText()).toBe('not troops');
  expect(await row.innerText()).toMatch(/Training/);
  const filtered = await page.locator('table tbody tr').count();
  expect(filtered).toBeLessThan(all);
  await shot('requests');
  expect(await axeViolations()).toEqual([]);

  await page.goBack();
  await page.waitForURL((u) => !u.hash.includes('excluded'));
  await page.waitForFunction((n) => document.querySelectorAll('table tbody tr').length === n, all);
});

test('Request page: parties on whose behalf, items with the exclusion marked, responses in time order with stance, evidence beside each', async () => {
  await page.goto(`${base}#/requests/${ALLAWI}`);
  await page.getByRole('heading', { name: 'Explicitly not asked for' }).waitFor();
  expect(await page.locator('.parties').innerText()).toContain('Iyad Allawi on behalf of Iraqi Interim Government');
  const excluded = page.locator('.excluded-item');
  expect(await excluded.count()).toBe(1);
  expect(await excluded.innerText()).toMatch(/Not asked for: Troops[\s\S]*but not troops/);
  const dates = await page.locator('section', { has: page.getByRole('heading', { name: /^Responses/ }) }).locator('li time').allTextContents();
  expect(dates.length).toBeGreaterThan(0);
  expect(await page.locator('.stance').count()).toBe(dates.length);
  // Every item and response carries its evidence.
  const facts = page.locator('article .facts > li');
  for (let i = 0; i < (await facts.count()); i++) expect(await facts.nth(i).locator('.evidence a, .muted').count()).toBeGreaterThan(0);
  // The status over time, each step with its support.
  const history = page.locator('section', { has: page.getByRole('heading', { name: 'Status over time' }) });
  expect(await history.locator('li .status').allTextContents()).toContain('Accepted');
  await shot('request');
  expect(await axeViolations()).toEqual([]);
});

test('Document reader: every span highlighted by kind, the side list, hover and keyboard focus show the fact', async () => {
  await page.goto(`${base}#/documents/${FOX_2004}`);
  await page.locator('.body mark').first().waitFor();
  // Every span of the document is listed, past the API's first page of 100.
  const total = (await server.gql<{ document: { evidence: { totalCount: number } } }>(`{ document(slug: "${FOX_2004}") { evidence(first: 1) { totalCount } } }`)).data!.document.evidence.totalCount;
  expect(total).toBeGreaterThan(100);
  await page.waitForFunction((n) => document.querySelectorAll('.fact-list li').length === n, total);
  for (const kind of ['actor', 'request', 'item', 'response']) expect(await page.locator(`.body mark.k-${kind}`).count()).toBeGreaterThan(0);
  // The body is the document's text, unchanged by the highlighting.
  const stored = await server.gql<{ document: { body: string } }>(`{ document(slug: "${FOX_2004}") { body } }`);
  expect(await page.locator('.body').evaluate((e) => e.textContent)).toBe(stored.data!.document.body);
  const troops = page.locator('.body mark', { hasText: 'but not troops' }).first();
  await troops.hover();
  await page.locator('.active', { hasText: 'Not asked for: troops' }).waitFor();
  // Keyboard: Tab reaches the marks, focus shows what the passage supports.
  await page.locator('.body mark').first().focus();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MARK');
  expect((await page.locator('.active').innerText()).length).toBeGreaterThan(10);
  // Overlaps stay readable: a passage inside several spans lists them all.
  const overlap = page.locator('.body mark.overlap').first();
  expect(await overlap.count()).toBe(1);
  await overlap.hover();
  expect(await page.locator('.active li').count()).toBeGreaterThan(1);
  await shot('document');
  expect(await axeViolations()).toEqual([]);
});

test('Actor page: names and aliases, roles on a time axis, requests made and received, co-mentions', async () => {
  await page.goto(`${base}#/actors/iyad-allawi`);
  await page.getByRole('heading', { name: 'Iyad Allawi', level: 1 }).waitFor();
  expect(await page.locator('.axis .bar').count()).toBeGreaterThan(0);
  expect(await page.locator('.axis').innerText()).toMatch(/Prime Minister/);
  expect(await page.locator('section', { has: page.getByRole('heading', { name: /^Requests made/ }) }).innerText()).toMatch(/but not troops/);
  await shot('actor');
  expect(await axeViolations()).toEqual([]);
  await page.goto(`${base}#/actors/nato`);
  await page.getByRole('heading', { name: 'North Atlantic Treaty Organization', level: 1 }).waitFor();
  expect(await page.getByText(/Also known as .*NATO/).count()).toBe(1);
  expect(await page.locator('section', { has: page.getByRole('heading', { name: /^Requests received \((\d+)\)/ }) }).locator('li').count()).toBeGreaterThan(0);
  expect(await page.locator('section', { has: page.getByRole('heading', { name: 'Mentioned together with' }) }).locator('li').count()).toBeGreaterThan(0);
});

test('Timeline: several actors to scale; a month-precise date is drawn as the whole month', async () => {
  await page.goto(`${base}#/timeline?actors=iraq,nato`);
  await page.locator('.lane').first().waitFor();
  expect(await page.locator('.lane').count()).toBe(2);
  const widths = await page.evaluate(() => {
    const w = (sel: string) => [...document.querySelectorAll<HTMLElement>(sel)].map((e) => e.getBoundingClientRect().width);
    return { year: w('.entry.p-year'), month: w('.entry.p-month'), day: w('.entry.p-day') };
  });
  expect(widths.month.length + widths.year.length).toBeGreaterThan(0);
  const trackWidth = await page.locator('.lane-track').first().evaluate((e) => e.getBoundingClientRect().width);
  const range = await page.evaluate(() => {
    const ticks = [...document.querySelectorAll('.ticks span')].map((t) => Number(t.textContent));
    return ticks.length;
  });
  // A month is about 1/12 of a year of the axis; a year-precise entry is twelve times as wide.
  if (widths.month.length) expect(Math.min(...widths.month)).toBeGreaterThan((trackWidth / range / 12) * 0.7);
  if (widths.day.length && widths.month.length) expect(Math.max(...widths.day)).toBeLessThan(Math.min(...widths.month));
  await shot('timeline');
  expect(await axeViolations()).toEqual([]);
});

test('Search: snippets with the matches highlighted, linking to the document', async () => {
  await page.goto(`${base}#/search`);
  await page.getByLabel('Words to find').fill('troops');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForURL(/q=troops/);
  await page.locator('.results li').first().waitFor();
  const marks = await page.locator('.results p mark').allTextContents();
  expect(marks.length).toBeGreaterThan(0);
  for (const m of marks) expect(m.toLowerCase()).toContain('troop');
  await shot('search');
  expect(await axeViolations()).toEqual([]);
});

test('Curation: an editor token in session storage; select text, attach it as evidence, and it is highlighted', async () => {
  await page.goto(`${base}#/curation`);
  await page.getByLabel('Editor token', { exact: true }).fill('not-a-token');
  await page.getByRole('button', { name: 'Use this token' }).click();
  expect(page.url()).not.toContain('not-a-token');
  expect(await page.evaluate(() => sessionStorage.getItem('dossier.editorToken'))).toBe('not-a-token');
  await shot('curation');
  expect(await axeViolations()).toEqual([]);

  // Selects "Security Adviser Condoleezza Rice" in the body: inside an existing span, starting where none does.
  const select = async () => {
    await page.goto(`${base}#/documents/${FOX_2004}`);
    await page.locator('.body mark').first().waitFor();
    const at = await page.evaluate(() => {
      const body = document.querySelector('.body')!;
      const text = body.textContent ?? '';
      const start = text.indexOf('Security Adviser Condoleezza Rice');
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let offset = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const len = n.textContent!.length;
        if (offset <= start && start < offset + len) range.setStart(n, start - offset);
        if (offset < start + 33 && start + 33 <= offset + len) range.setEnd(n, start + 33 - offset);
        offset += len;
      }
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      body.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return start;
    });
    await page.getByRole('heading', { name: 'Curate the selection' }).waitFor();
    return at;
  };
  await select();
  await page.getByRole('button', { name: 'Attach evidence' }).click();
  expect(await page.getByRole('alert').innerText()).toMatch(/editor token was not accepted/);

  await page.goto(`${base}#/curation`);
  await page.getByLabel('Editor token', { exact: true }).fill(EDITOR);
  await page.getByRole('button', { name: 'Use this token' }).click();
  const start = await select();
  expect(await page.locator(`.body mark[data-start="${start}"]`).count()).toBe(0);
  await page.getByLabel('Supports', { exact: true }).selectOption({ label: 'Actor: Condoleezza Rice' });
  await page.getByRole('button', { name: 'Attach evidence' }).click();
  await page.locator(`.body mark[data-start="${start}"]`).waitFor();
  expect(await page.locator(`.body mark[data-start="${start}"]`).innerText()).toBe('Security Adviser Condoleezza Rice');
  await shot('curation-added');
});

test('Curation: start a response from a selection; an unknown responder is refused in words and writes nothing', async () => {
  await page.goto(`${base}#/curation`);
  await page.evaluate((token) => sessionStorage.setItem('dossier.editorToken', token), EDITOR);
  await page.goto(`${base}#/documents/${FOX_2004}`);
  await page.locator('.body mark').first().waitFor();
  const responses = async () => (await server.gql<{ request: { responses: { summary: string }[] } }>(`{ request(slug: "${ALLAWI}") { responses { summary } } }`)).data!.request.responses.length;
  const before = await responses();
  const quote = 'NATO should never slam the door';
  const start = await page.evaluate((q) => {
    const body = document.querySelector('.body')!;
    const at = (body.textContent ?? '').indexOf(q);
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
  await page.getByLabel('start a response from it').check();
  await page.getByLabel('To the request').selectOption(ALLAWI);
  await page.getByLabel('Stance').selectOption('SUPPORTS');
  await page.getByLabel('Responder (actor slug or name)').fill('no-such-actor-anywhere');
  await page.getByRole('button', { name: 'Record the response' }).click();
  expect(await page.getByRole('alert').innerText()).toMatch(/^Not found: responder: no actor has the ID or slug "no-such-actor-anywhere"/);
  expect(await responses()).toBe(before);

  await page.getByLabel('Responder (actor slug or name)').fill('nato');
  await page.getByRole('button', { name: 'Record the response' }).click();
  const mark = page.locator(`.body mark[data-start="${start}"]`);
  await page.waitForFunction((s) => document.querySelector(`.body mark[data-start="${s}"]`)?.getAttribute('title')?.includes('Response by North Atlantic Treaty Organization'), start);
  expect(await mark.getAttribute('title')).toContain(`(supports): ${quote}`);
  expect(await responses()).toBe(before + 1);
});

test('readable at 200% zoom: no horizontal scrolling on any view', async () => {
  const zoomed = await browser.newPage({ viewport: { width: 640, height: 450 } }); // 1280×900 at 200%
  try {
    for (const view of ['requests', `requests/${ALLAWI}`, `documents/${FOX_2004}`, 'actors/nato', 'timeline', 'search?q=NATO', 'curation']) {
      await zoomed.goto(`${base}#/${view}`);
      await zoomed.locator('main h1').first().waitFor();
      await zoomed.waitForTimeout(300);
      const overflow = await zoomed.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect({ view, overflow }).toEqual({ view, overflow: 0 });
    }
    await zoomed.screenshot({ path: path.join(SHOTS, 'zoom-200-document.png'), fullPage: false });
  } finally {
    await zoomed.close();
  }
});
