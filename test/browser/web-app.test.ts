/**
 * The reference web app (web/) in real headless Chromium, served by the API server at `/` over the
 * seeded database: each view shows what the texts say, the three-click path from "requests to NATO" to
 * the highlighted "but not troops", URLs and the back button, curation with an editor token, an axe-core
 * scan of every view (no serious or critical violation), and the layout at 200% zoom. A screenshot of
 * every view is written to test-results/screenshots/ (SCREENSHOT_DIR overrides), which CI lists.
 *
 * Needs Debian's chromium at /usr/bin/chromium (`.ci/install-chromium.sh`); CHROMIUM_PATH overrides it.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../helpers/server.ts';
import { axeViolations as axeOf, selectText, shot as shotOf, SHOTS, useWebApp } from './web-helpers.ts';

const EDITOR = 'web-editor-secret';
const ALLAWI = 'allawi-2004-nato-assistance';
const FOX_2004 = '002_747cff529a1d3125';

const web = useWebApp({ tokens: `web:editor:${EDITOR}` });
let server: TestServer;
let page: Page;
let base: string;
let browser: Browser;
beforeAll(() => {
  ({ server, page, base, browser } = web);
});

const shot = (name: string) => shotOf(page, name);
const axeViolations = () => axeOf(page);

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
  // The heading names the actor, not the slug in the URL.
  expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Requests to North Atlantic Treaty Organization');
  // Each category once: al-Maliki asked for two items of category "other".
  expect(await page.locator('tbody tr', { hasText: 'Nuri al-Maliki' }).locator('td').nth(2).innerText()).toBe('Equipment, Other and Training');
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
  // Responses in time order (by the machine-readable date of each), from the first word to the outcome.
  const responses = page.locator('section', { has: page.getByRole('heading', { name: /^Responses/ }) });
  const dates = await responses.locator('li time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')!));
  expect(dates.length).toBeGreaterThan(4);
  expect(dates).toEqual([...dates].sort());
  expect([dates[0], dates.at(-1)]).toEqual(['2004-06', '2005-02-22']);
  expect(await page.locator('.stance').count()).toBe(dates.length);
  // Every item and response carries its evidence.
  const facts = page.locator('article .facts > li');
  for (let i = 0; i < (await facts.count()); i++) expect(await facts.nth(i).locator('.evidence a, .muted').count()).toBeGreaterThan(0);
  // The status over time, each step with its support.
  const history = page.locator('section', { has: page.getByRole('heading', { name: 'Status over time' }) });
  expect(await history.locator('li .status').allTextContents()).toContain('Accepted');
  // Where the sources disagree on the date (the letter: 20, 21 or 22 June 2004), each claim with its
  // precision and support, and the one the record follows marked.
  const when = page.locator('section', { has: page.getByRole('heading', { name: /^When: the dates the sources give/ }) });
  const claims = when.locator('.date-claims > li');
  expect(await claims.count()).toBe(3);
  const claimText = await claims.allInnerTexts();
  expect(claimText.map((t) => t.split(' · ')[0])).toEqual(['20 June 2004 (to the day)', '21 June 2004 (to the day)', '22 June 2004 (to the day)']);
  expect(await when.locator('li.used').innerText()).toMatch(/The letter was received Monday[\s\S]*the date the record follows/);
  // Each claim carries its support: a corpus quote (a link into the document) or a public-record citation.
  for (let i = 0; i < 3; i++) expect(await claims.nth(i).locator('.evidence li').count()).toBeGreaterThan(0);
  expect(await when.locator('li.used .evidence a', { hasText: 'The letter was received Monday' }).count()).toBe(1);
  // Numbers the texts state, each linked to the very words that state it.
  const fifty = page.locator('.quantities li', { hasText: 'about 50 officers' }).first();
  expect(await fifty.locator('strong').innerText()).toBe('about 50 officers');
  const link = fifty.locator('a');
  expect(await link.innerText()).toBe('about 50 officers');
  const m = /#\/documents\/([^?]+)\?span=(\d+)-(\d+)$/.exec((await link.getAttribute('href'))!)!;
  const body = (await server.gql<{ document: { body: string } }>(`{ document(slug: "${decodeURIComponent(m[1]!)}") { body } }`)).data!.document.body;
  expect(body.slice(Number(m[2]), Number(m[3]))).toBe('about 50 officers');
  expect(await page.locator('.quantities li', { hasText: 'up to 360 personnel' }).count()).toBe(1);
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
  // Responses given: NATO's acceptance at Istanbul, with its stance and a link to the request it answers.
  const given = page.locator('section', { has: page.getByRole('heading', { name: /^Responses given \((\d+)\)/ }) });
  const accepted = given.locator('li', { hasText: /^28 June 2004 · accepts: At the Istanbul summit/ });
  expect(await accepted.count()).toBe(1);
  expect(await accepted.getByRole('link').getAttribute('href')).toBe(`#/requests/${ALLAWI}`);
});

/**
 * Where the timeline draws things, measured in the page: the year labels over their years, each entry's
 * left edge at the start of its date and its width the whole of its date (a year, a month or a day).
 */
async function timelineGeometry(p: Page) {
  return p.evaluate(() => {
    const track = document.querySelector('.lane-track')!.getBoundingClientRect();
    const ticks = [...document.querySelectorAll<HTMLElement>('.ticks span')].map((t) => {
      const r = t.getBoundingClientRect();
      return { year: Number(t.textContent), x: r.left + r.width / 2 };
    });
    const entries = [...document.querySelectorAll<HTMLElement>('.lane .entry')].map((e) => {
      const r = e.getBoundingClientRect();
      return { precision: /p-(year|month|day)/.exec(e.className)![1]!, date: e.querySelector('.sr')!.textContent!.split(':')[0]!, left: r.left, width: r.width };
    });
    // Per lane, the boxes of its entries as drawn, to find any two that cover each other.
    const lanes = [...document.querySelectorAll('.lane')].map((l) => [...l.querySelectorAll('.entry')].map((e) => {
      const r = e.getBoundingClientRect();
      return { date: e.querySelector('.sr')!.textContent!.split(':')[0]!, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    }));
    return { trackLeft: track.left, trackRight: track.right, ticks, entries, lanes };
  });
}

test('Timeline: several actors to scale; a year- or month-precise date is drawn as the whole year or month', async () => {
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const check = async (p: Page, view: string) => {
    await p.goto('about:blank');
    await p.goto(`${base}#/timeline?actors=iraq,nato`);
    await p.locator('.lane').first().waitFor();
    expect(await p.locator('.lane').count()).toBe(2);
    const g = await timelineGeometry(p);
    // The seed has all three precisions on this timeline.
    const of = (k: string) => g.entries.filter((e) => e.precision === k);
    expect({ view, year: of('year').length > 0, month: of('month').length > 0, day: of('day').length > 0 }).toEqual({ view, year: true, month: true, day: true });
    // The axis runs over the lanes' tracks, one label per year, each over the first of January.
    const first = g.ticks[0]!;
    const last = g.ticks.at(-1)!;
    expect(Math.abs(first.x - g.trackLeft)).toBeLessThan(1);
    const perMs = (last.x - first.x) / (Date.UTC(last.year, 0, 1) - Date.UTC(first.year, 0, 1));
    const xOf = (t: number) => first.x + (t - Date.UTC(first.year, 0, 1)) * perMs;
    for (const t of g.ticks) expect({ view, year: t.year, off: Math.abs(t.x - xOf(Date.UTC(t.year, 0, 1))) < 1 }).toEqual({ view, year: t.year, off: true });
    // Each entry starts at its date's start and is as wide as its date: a whole year, a whole month,
    // a day (at least 3 px, to be seen and clicked).
    for (const e of g.entries) {
      const [d, m, y] = e.date.split(' ').length === 3 ? e.date.split(' ') : e.date.split(' ').length === 2 ? ['', ...e.date.split(' ')] : ['', '', e.date];
      const year = Number(y);
      const month = m ? months.indexOf(m!) : 0;
      const start = Date.UTC(year, month, d ? Number(d) : 1);
      const end = e.precision === 'year' ? Date.UTC(year + 1, 0, 1) : e.precision === 'month' ? Date.UTC(year, month + 1, 1) : Date.UTC(year, month, Number(d) + 1);
      const width = Math.max(xOf(end) - xOf(start), 3);
      expect({ view, date: e.date, left: Math.abs(e.left - xOf(start)) < 1, width: Math.abs(e.width - width) < 1 }).toEqual({ view, date: e.date, left: true, width: true });
    }
  };
  await check(page, '1280 px');
  // No entry covers another: a day within a year-wide entry is drawn in a row of its own.
  const overlaps = async (p: Page) => (await timelineGeometry(p)).lanes.flatMap((boxes) => boxes.flatMap((a, i) => boxes.slice(i + 1)
    .filter((b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5)
    .map((b) => `${a.date} / ${b.date}`)));
  expect(await overlaps(page)).toEqual([]);
  expect(await page.locator('.lane').nth(1).locator('.entry').evaluateAll((es) => new Set(es.map((e) => Math.round(e.getBoundingClientRect().top))).size)).toBeGreaterThan(1);
  await shot('timeline');
  expect(await axeViolations()).toEqual([]);
  const zoomed = await browser.newPage({ viewport: { width: 640, height: 450 } }); // 1280×900 at 200%
  try {
    await check(zoomed, '200% zoom');
    expect(await overlaps(zoomed)).toEqual([]);
  } finally {
    await zoomed.close();
  }
});

test('Timeline: lanes match entries by actor ID, so actors named by name or alias fill their lanes', async () => {
  const bySlug = async (actors: string) => {
    // A fresh load each time: after a change of the hash alone, the previous lanes would still be on
    // the page (and read) while the new ones load.
    await page.goto('about:blank');
    await page.goto(`${base}#/timeline?actors=${encodeURIComponent(actors)}`);
    await page.locator('.lane').first().waitFor();
    return page.evaluate(() => [...document.querySelectorAll('.lane')].map((l) => ({
      label: l.querySelector('.lane-label')!.textContent, entries: l.querySelectorAll('.entry').length,
    })));
  };
  const slugs = await bySlug('iraq,nato');
  const names = await bySlug('Iraq,North Atlantic Treaty Organization');
  const aliases = await bySlug('IRAQ,Nato');
  expect(slugs.map((l) => l.label)).toEqual(['Iraq', 'North Atlantic Treaty Organization']);
  for (const lane of slugs) expect(lane.entries).toBeGreaterThan(0);
  // The same lanes, whatever the actors were called in the URL (a slug match would leave these empty).
  expect(names).toEqual(slugs);
  expect(aliases).toEqual(slugs);
  // Iraq's lane holds only entries that matched Iraq.
  const iraqOnly = await page.locator('.lane').first().locator('.entry').count();
  expect(iraqOnly).toBeLessThan(await page.locator('.facts > li').count());
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
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('A token is set for this tab.').waitFor();
  expect(page.url()).not.toContain('not-a-token');
  expect(await page.evaluate(() => sessionStorage.getItem('dossier.editorToken'))).toBe('not-a-token');
  await shot('curation');
  expect(await axeViolations()).toEqual([]);

  // The token goes with reads too: a wrong one is said in words where the document would be, with a
  // form to sign in again right there.
  await page.goto(`${base}#/documents/${FOX_2004}`);
  expect(await page.getByRole('alert').innerText()).toMatch(/^Your token was not accepted/);
  expect(await page.locator('.body').count()).toBe(0);
  await page.getByLabel('Token', { exact: true }).fill(EDITOR);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('.body mark').first().waitFor();
  expect(await page.evaluate(() => sessionStorage.getItem('dossier.editorToken'))).toBe(EDITOR);

  // Selects "Security Adviser Condoleezza Rice" in the body: inside an existing span, starting where none does.
  const start = await selectText(page, 'Security Adviser Condoleezza Rice');
  await page.getByRole('heading', { name: 'Curate the selection' }).waitFor();
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
  const start = await selectText(page, quote);
  await page.getByLabel('add a response from it').check();
  await page.getByLabel('To the request').selectOption(ALLAWI);
  await page.getByLabel('Stance').selectOption('SUPPORTS');
  await page.getByLabel('Responder', { exact: true }).fill('no-such-actor-anywhere');
  await page.getByRole('button', { name: 'Record the response' }).click();
  expect(await page.getByRole('alert').innerText()).toMatch(/^Not found: responder: no actor has the ID or slug "no-such-actor-anywhere"/);
  expect(await responses()).toBe(before);

  await page.getByLabel('Responder', { exact: true }).fill('nato');
  await page.getByRole('button', { name: 'Record the response' }).click();
  const mark = page.locator(`.body mark[data-start="${start}"]`);
  await page.waitForFunction((s) => document.querySelector(`.body mark[data-start="${s}"]`)?.getAttribute('title')?.includes('Response by North Atlantic Treaty Organization'), start);
  expect(await mark.getAttribute('title')).toContain(`(supports): ${quote}`);
  expect(await responses()).toBe(before + 1);
  expect(await page.getByRole('status').filter({ hasText: 'Response recorded' }).innerText()).toMatch(/Response recorded to “Iraq's interim prime minister Iyad Allawi/);
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

    // The curation panels too: the request editor, and a new request started from a selection.
    const overflow = () => zoomed.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await zoomed.evaluate((token) => sessionStorage.setItem('dossier.editorToken', token), EDITOR);
    await zoomed.goto(`${base}#/requests/${ALLAWI}`);
    await zoomed.getByRole('button', { name: 'Edit this request' }).click();
    await zoomed.getByRole('button', { name: 'Record the status' }).waitFor();
    expect({ view: 'request editor', overflow: await overflow() }).toEqual({ view: 'request editor', overflow: 0 });
    await zoomed.goto(`${base}#/documents/${FOX_2004}`);
    await zoomed.locator('.body mark').first().waitFor();
    await zoomed.getByLabel('Select a passage to curate by its exact words (or select it in the text)').fill('NATO should never slam the door');
    await zoomed.getByRole('button', { name: 'Select', exact: true }).click();
    await zoomed.getByLabel('start a request from it').check();
    await zoomed.getByRole('button', { name: 'Add another item' }).click();
    expect({ view: 'new request', overflow: await overflow() }).toEqual({ view: 'new request', overflow: 0 });
    await zoomed.evaluate(() => sessionStorage.removeItem('dossier.editorToken'));
  } finally {
    await zoomed.close();
  }
});
