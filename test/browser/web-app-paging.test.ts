/**
 * Lists longer than a page, in real headless Chromium: 110 requests between two actors made here and
 * 25 documents sharing a word. The requests list, an actor's timeline and a search say how many of how
 * many they show and load the rest with "Show more" (by mouse or keyboard), with nothing repeated or
 * lost; and the Requests filters the seed cannot exercise (status, item asked for, date range) put
 * themselves in the URL and show exactly what the API gives for the same filter.
 *
 * Needs Debian's chromium at /usr/bin/chromium (`.ci/install-chromium.sh`); CHROMIUM_PATH overrides it.
 */
import type { Page } from 'playwright-core';
import type { TestServer } from '../helpers/server.ts';
import { axeViolations, useWebApp } from './web-helpers.ts';

const EDITOR = 'paging-editor-secret';
const REQUESTS = 110;
const DOCUMENTS = 25;
const WORD = 'quixotically';
const STATUSES = ['PENDING', 'DECLINED', 'ACCEPTED'] as const;
const CATEGORIES = ['FUNDING', 'TRAINING', 'EQUIPMENT', 'ADVICE', 'MISSION'] as const;

const web = useWebApp({ tokens: `web:editor:${EDITOR}` });
let server: TestServer;
let page: Page;
let base: string;
let requester: string;

const asEditor = { authorization: `Bearer ${EDITOR}` };
async function write<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const r = await server.gql<T>(query, variables, asEditor);
  if (r.errors?.length) throw new Error(JSON.stringify(r.errors));
  return r.data!;
}
const createActor = (name: string) =>
  write<{ createActor: { actor: { slug: string } } }>('mutation($i: CreateActorInput!) { createActor(input: $i) { actor { slug } } }', { i: { name, kind: 'ORGANIZATION' } })
    .then((d) => d.createActor.actor.slug);
/** Month-precise dates from January 2000 on, one month apart. */
const dateOf = (i: number) => `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

beforeAll(async () => {
  ({ server, page, base } = web);
  requester = await createActor('Paging Test Requester');
  const addressee = await createActor('Paging Test Addressee');
  for (let i = 0; i < REQUESTS; i += 15) {
    await Promise.all(Array.from({ length: Math.min(15, REQUESTS - i) }, (_, k) => i + k).map((n) => write(
      'mutation($i: CreateRequestInput!) { createRequest(input: $i) { request { id } } }',
      { i: {
        summary: `Paging test request number ${n + 1}.`, channel: 'LETTER', status: STATUSES[n % STATUSES.length], date: dateOf(n),
        requesters: [{ actor: requester }], addressees: [{ actor: addressee }],
        items: [{ category: CATEGORIES[n % CATEGORIES.length], description: `item of request ${n + 1}` }],
      } },
    )));
  }
  for (let n = 0; n < DOCUMENTS; n++) {
    await write('mutation($i: IngestDocumentInput!) { ingestDocument(input: $i) { document { id } } }', {
      i: { title: `Paging document ${n + 1}`, publisher: 'Paging test wire', published: dateOf(n), body: `Paging document ${n + 1}: the envoy ${WORD} asked for help, item ${n + 1} of ${DOCUMENTS}.` },
    });
  }
}, 120_000);

/** Clicks "Show more <noun>" (or presses Enter on it) until it is gone; returns how many pages that took. */
async function showAll(noun: string, by: 'mouse' | 'keyboard'): Promise<number> {
  const button = page.getByRole('button', { name: `Show more ${noun}` });
  let pages = 0;
  while (await button.count()) {
    if (by === 'keyboard') {
      await button.focus();
      await page.keyboard.press('Enter');
    } else await button.click();
    pages++;
    await page.waitForFunction(() => !document.querySelector('.more button[aria-busy="true"]'));
  }
  return pages;
}

test('Requests: the first 100 rows say how many there are, and "Show more" loads the rest, none twice', async () => {
  await page.goto(`${base}#/requests?requester=${requester}`);
  await page.locator('tbody tr').first().waitFor();
  expect(await page.locator('caption').innerText()).toBe(`${REQUESTS} requests`);
  expect(await page.locator('tbody tr').count()).toBe(100);
  expect(await page.locator('.more p').innerText()).toBe(`Showing 100 of ${REQUESTS} requests.`);
  expect(await axeViolations(page)).toEqual([]);
  expect(await showAll('requests', 'mouse')).toBe(1);
  const rows = await page.locator('tbody tr td:first-child').allInnerTexts();
  expect(rows.length).toBe(REQUESTS);
  expect(new Set(rows).size).toBe(REQUESTS);
  // In date order across the page boundary.
  expect(rows[0]).toBe('Paging test request number 1.');
  expect(rows[REQUESTS - 1]).toBe(`Paging test request number ${REQUESTS}.`);
  expect(await page.locator('.more').count()).toBe(0);

  // A new filter starts over from its own first page.
  await page.goto(`${base}#/requests?requester=${requester}&status=PENDING`);
  await page.waitForFunction(() => document.querySelector('caption')?.textContent === '37 requests');
  expect(await page.locator('tbody tr').count()).toBe(37);
  expect(await page.locator('.more').count()).toBe(0);
});

test('Requests: status, item asked for and date range filter, live in the URL, and match the API', async () => {
  await page.goto(`${base}#/requests?requester=${requester}`);
  await page.locator('tbody tr').first().waitFor();
  await page.getByLabel('Status', { exact: true }).selectOption('DECLINED');
  await page.getByLabel('Asked for', { exact: true }).selectOption('FUNDING');
  await page.getByLabel('From', { exact: true }).fill('2001');
  await page.getByLabel('To', { exact: true }).fill('2006-06');
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.waitForURL(/status=DECLINED/);
  for (const p of ['category=FUNDING', 'from=2001', 'to=2006-06', `requester=${requester}`]) expect(page.url()).toContain(p);
  const expected = (await server.gql<{ requests: { edges: { node: { summary: string } }[] } }>(
    `query($f: RequestFilter) { requests(filter: $f, orderBy: { field: DATE, direction: ASC }, first: 100) { edges { node { summary } } } }`,
    { f: { requester, status: ['DECLINED'], category: ['FUNDING'], from: '2001', to: '2006-06' } },
  )).data!.requests.edges.map((e) => e.node.summary);
  // Declined (n % 3 == 1) and funding (n % 5 == 0): n = 10, 25, 40, …; of these, made from 2001 to
  // June 2006 (n = 12 … 77): 25, 40, 55 and 70, i.e. requests number 26, 41, 56 and 71.
  expect(expected).toEqual(['Paging test request number 26.', 'Paging test request number 41.', 'Paging test request number 56.', 'Paging test request number 71.']);
  await page.waitForFunction((n) => document.querySelectorAll('tbody tr').length === n, expected.length);
  expect(await page.locator('tbody tr td:first-child').allInnerTexts()).toEqual(expected);
  for (const row of await page.locator('tbody tr').allInnerTexts()) expect(row).toMatch(/Funding[\s\S]*Declined$/);
  // The form shows the filter it came from, after a reload too.
  await page.reload();
  await page.locator('tbody tr').first().waitFor();
  expect(await page.getByLabel('Status', { exact: true }).inputValue()).toBe('DECLINED');
  expect(await page.getByLabel('Asked for', { exact: true }).inputValue()).toBe('FUNDING');
  expect(await page.getByLabel('To', { exact: true }).inputValue()).toBe('2006-06');
});

test('Timeline: past its first 100 entries, "Show more" draws the rest on the same scale', async () => {
  await page.goto(`${base}#/timeline?actors=${requester}`);
  await page.locator('.lane .entry').first().waitFor();
  expect(await page.locator('.lane .entry').count()).toBe(100);
  expect(await page.locator('.more p').innerText()).toBe(`Showing 100 of ${REQUESTS} entries.`);
  const ticks = async () => page.locator('.ticks span').allInnerTexts();
  expect((await ticks()).at(-1)).toBe('2008'); // the 100th request is April 2008
  expect(await showAll('entries', 'keyboard')).toBe(1);
  expect(await page.locator('.lane .entry').count()).toBe(REQUESTS);
  expect(await page.locator('ol.facts > li').count()).toBe(REQUESTS);
  // The axis now runs to the last request, February 2009.
  expect((await ticks()).at(-1)).toBe('2009');
  expect(await page.locator('.lane .entry.p-month').count()).toBe(REQUESTS);
  expect(await page.locator('.more').count()).toBe(0);
});

test('Search: past the first 20 matches, "Show more" loads the rest', async () => {
  await page.goto(`${base}#/search?q=${WORD}`);
  await page.locator('.results li').first().waitFor();
  expect(await page.getByRole('status').first().innerText()).toBe(`${DOCUMENTS} documents match.`);
  expect(await page.locator('.results > li').count()).toBe(20);
  expect(await showAll('documents', 'mouse')).toBe(1);
  const titles = await page.locator('.results > li h2').allInnerTexts();
  expect(titles.length).toBe(DOCUMENTS);
  expect(new Set(titles).size).toBe(DOCUMENTS);
  for (const m of await page.locator('.results p mark').allTextContents()) expect(m.toLowerCase()).toBe(WORD);
  expect(await axeViolations(page)).toEqual([]);
});
