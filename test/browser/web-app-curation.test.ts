/**
 * Curation in the web app, in real headless Chromium against a seeded server: a request started from
 * a selected passage (typeahead for the parties, several items, the selection as evidence), which then
 * shows highlighted in the text; and an edit of a request whose record changed meanwhile, refused in
 * words with a reload, overwriting nothing. Every refusal asserts that nothing was written.
 *
 * Needs Debian's chromium at /usr/bin/chromium (`.ci/install-chromium.sh`); CHROMIUM_PATH overrides it.
 */
import type { Page } from 'playwright-core';
import type { TestServer } from '../helpers/server.ts';
import { axeViolations, selectText, shot, useWebApp } from './web-helpers.ts';

const EDITOR = 'curation-editor-secret';
const FOX_2004 = '002_747cff529a1d3125';
const ALLAWI = 'allawi-2004-nato-assistance';

const web = useWebApp({ tokens: `web:editor:${EDITOR}` });
let server: TestServer;
let page: Page;
let base: string;

const asEditor = { authorization: `Bearer ${EDITOR}` };
const requestCount = async () => (await server.gql<{ requests: { totalCount: number } }>('{ requests(first: 1) { totalCount } }')).data!.requests.totalCount;
const allawi = async () => (await server.gql<{ request: { id: string; version: number; summary: string; status: string; statusHistory: { note: string | null }[] } }>(
  `{ request(slug: "${ALLAWI}") { id version summary status statusHistory { note } } }`)).data!.request;

beforeAll(async () => {
  ({ server, page, base } = web);
  await page.goto(base);
  await page.evaluate((token) => sessionStorage.setItem('dossier.editorToken', token), EDITOR);
});

/** Picks an actor in a typeahead by typing part of a name and choosing what it suggests. */
async function pickActor(label: string, typed: string, slug: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.fill(typed);
  const list = await input.getAttribute('list');
  await page.waitForFunction(([id, value]) => [...document.querySelectorAll(`datalist[id="${id}"] option`)].some((o) => (o as HTMLOptionElement).value === value), [list!, slug] as const);
  await input.fill(slug);
}

test('start a request from a selection: parties by typeahead, two items, the selection as evidence; then it is highlighted', async () => {
  await page.goto(`${base}#/documents/${FOX_2004}`);
  await page.locator('.body mark').first().waitFor();
  const quote = 'The president will ask people to consider this historic opportunity and to consider the sacrifices that others have made in their behalf.';
  const start = await selectText(page, quote);
  await page.getByLabel('start a request from it').check();
  const form = page.getByRole('form', { name: 'New request' });
  await form.waitFor();
  expect(await page.getByLabel('What was asked, in a sentence').inputValue()).toBe(quote);
  const summary = 'Bush asked NATO allies to consider the historic opportunity in Iraq.';
  await page.getByLabel('What was asked, in a sentence').fill(summary);
  await page.getByLabel('Through').selectOption('SPEECH');
  await page.getByLabel('Made (YYYY, YYYY-MM or YYYY-MM-DD)').fill('2004-06');
  await page.getByLabel('Item 1: category').selectOption('OTHER');
  await page.getByLabel('Item 1: what exactly').fill('consider this historic opportunity');
  await page.getByRole('button', { name: 'Add another item' }).click();
  await page.getByLabel('Item 2: category').selectOption('TROOPS');
  await page.getByLabel('Item 2: what exactly').fill('combat troops');
  await page.getByRole('group', { name: 'Item 2' }).getByLabel('explicitly not asked for').check();
  expect(await axeViolations(page)).toEqual([]);
  await shot(page, 'curation-new-request');

  // An addressee nobody knows is refused in words, and nothing is written.
  const before = await requestCount();
  await pickActor('Requested by', 'Bush', 'george-w-bush');
  await page.getByLabel('Addressed to', { exact: true }).fill('no-such-alliance');
  await page.getByRole('button', { name: 'Record the request' }).click();
  expect(await page.getByRole('alert').innerText()).toMatch(/^Not found: .*no-such-alliance.*Nothing was saved\.$/s);
  expect(await requestCount()).toBe(before);

  await pickActor('Addressed to', 'Atlantic', 'nato');
  await page.getByRole('button', { name: 'Record the request' }).click();
  // The new request's span is highlighted in the text, as a request, naming it.
  await page.waitForFunction((s) => document.querySelector(`.body mark[data-start="${s}"]`)?.getAttribute('title')?.includes('Request: Bush asked NATO'), start);
  const mark = page.locator(`.body mark[data-start="${start}"]`);
  expect(await mark.getAttribute('class')).toMatch(/\bk-request\b/);
  expect(await mark.getAttribute('class')).toMatch(/\btarget\b/);
  expect(await page.locator('.fact-list li', { hasText: `Request: ${summary}` }).count()).toBe(1);
  expect(await requestCount()).toBe(before + 1);

  // Written as asked: the parties, both items (the first with its words as evidence), the selection.
  const made = (await server.gql<{ requests: { edges: { node: { slug: string; summary: string; channel: string; date: string; requesters: { slug: string }[]; addressees: { slug: string }[]; items: { category: string; excluded: boolean; evidence: { quote: string }[] }[]; evidence: { edges: { node: { quote: string; start: number } }[] } } }[] } }>(
    `{ requests(filter: { document: "${FOX_2004}", requester: "george-w-bush" }, first: 50) { edges { node { slug summary channel date requesters { slug } addressees { slug } items { category excluded evidence { quote } } evidence { edges { node { quote start } } } } } } }`,
  )).data!.requests.edges.map((e) => e.node).find((r) => r.summary === summary)!;
  expect(made).toMatchObject({ channel: 'SPEECH', date: '2004-06', requesters: [{ slug: 'george-w-bush' }], addressees: [{ slug: 'nato' }] });
  expect(made.items).toEqual([
    { category: 'OTHER', excluded: false, evidence: [{ quote: 'consider this historic opportunity' }] },
    { category: 'TROOPS', excluded: true, evidence: [] },
  ]);
  expect(made.evidence.edges.map((e) => e.node)).toEqual([{ quote, start }]);

  // Its page is one click away.
  await page.getByRole('status').filter({ hasText: 'Request recorded' }).getByRole('link', { name: 'Open it' }).click();
  await page.getByRole('heading', { name: summary, level: 1 }).waitFor();
  expect(page.url()).toContain(`#/requests/${made.slug}`);
  expect(await page.locator('.excluded-item').innerText()).toMatch(/Not asked for: Troops combat troops/);
});

test('a stale version is refused in words, with a reload, and overwrites nothing', async () => {
  await page.goto(`${base}#/requests/${ALLAWI}`);
  await page.getByRole('button', { name: 'Edit this request' }).click();
  const opened = await allawi();
  await page.getByRole('heading', { name: /^Edit this request/ }).waitFor();
  expect(await page.getByRole('heading', { name: /^Edit this request/ }).innerText()).toContain(`version ${opened.version}`);
  expect(await axeViolations(page)).toEqual([]);

  // Someone else changes the request behind the page's back.
  const theirs = 'Allawi asked NATO for training and technical assistance, not troops (edited elsewhere).';
  const changed = await server.gql(`mutation($input: UpdateRequestInput!) { updateRequest(input: $input) { request { version } } }`,
    { input: { id: opened.id, expectedVersion: opened.version, summary: theirs } }, asEditor);
  expect(changed.errors).toBeUndefined();

  await page.getByLabel('Summary', { exact: true }).fill('My summary, written over a stale copy.');
  await page.getByRole('button', { name: 'Save the summary' }).click();
  const alert = page.getByRole('alert');
  expect(await alert.innerText()).toBe(`This record was changed by someone else since you opened it (it is now at version ${opened.version + 1}), so your change was not saved and theirs was kept. Reload to see their change, then make yours again if it still applies.`);
  expect(await alert.getAttribute('data-code')).toBe('CONFLICT');
  await shot(page, 'request-edit-conflict');
  expect(await axeViolations(page)).toEqual([]);
  // Nothing overwritten: their summary stands.
  expect(await allawi()).toMatchObject({ summary: theirs, version: opened.version + 1 });

  // A status over a stale copy is refused the same way, and adds no entry.
  await page.getByLabel('New status', { exact: true }).selectOption('FULFILLED');
  await page.getByLabel('Why', { exact: true }).fill('stale');
  await page.getByRole('button', { name: 'Record the status' }).click();
  await page.getByRole('alert').filter({ hasText: 'changed by someone else since you opened it' }).waitFor();
  expect((await allawi()).statusHistory.map((h) => h.note)).not.toContain('stale');

  // Reload shows their change, in the page and in the editor, at the new version.
  await page.getByRole('button', { name: 'Reload' }).click();
  await page.getByRole('heading', { name: theirs, level: 1 }).waitFor();
  expect(await page.getByLabel('Summary', { exact: true }).inputValue()).toBe(theirs);
  expect(await page.getByRole('heading', { name: /^Edit this request/ }).innerText()).toContain(`version ${opened.version + 1}`);
  expect(await page.getByRole('alert').count()).toBe(0);

  // Other refusals in words too: a date that does not exist (BAD_USER_INPUT), nothing written.
  await page.getByLabel('New status', { exact: true }).selectOption('FULFILLED');
  await page.getByLabel('From (YYYY, YYYY-MM or YYYY-MM-DD; empty: undated, taken as current)').fill('2004-13');
  await page.getByLabel('Why', { exact: true }).fill('bad date');
  await page.getByRole('button', { name: 'Record the status' }).click();
  expect(await page.getByRole('alert').innerText()).toMatch(/^Some of the input was refused.*Nothing was saved\. Correct it and try again\.$/s);
  expect(await page.getByRole('alert').getAttribute('data-code')).toBe('BAD_USER_INPUT');
  expect(await allawi()).toMatchObject({ version: opened.version + 1 });

  // Now at the current version, the change is saved.
  await page.getByLabel('From (YYYY, YYYY-MM or YYYY-MM-DD; empty: undated, taken as current)').fill('2018-02');
  await page.getByLabel('Why', { exact: true }).fill('Mission complete (test)');
  await page.getByRole('button', { name: 'Record the status' }).click();
  await page.locator('section', { has: page.getByRole('heading', { name: 'Status over time' }) }).getByText('Mission complete (test)').waitFor();
  expect(await allawi()).toMatchObject({ status: 'FULFILLED', version: opened.version + 2 });
});

test('by keyboard alone: select a passage by its words, attach it as evidence, and it is highlighted', async () => {
  await page.goto(`${base}#/documents/${FOX_2004}`);
  await page.locator('.body mark').first().waitFor();
  const quote = 'hour-long meeting at the White House';
  const body = (await server.gql<{ document: { body: string } }>(`{ document(slug: "${FOX_2004}") { body } }`)).data!.document.body;
  const start = body.indexOf(quote);
  expect(await page.locator(`.body mark[data-start="${start}"]`).count()).toBe(0);

  const passage = page.getByLabel('Select a passage to curate by its exact words (or select it in the text)');
  await passage.focus();
  await page.keyboard.type('a meeting at the White House');
  await page.keyboard.press('Enter');
  expect(await page.getByRole('alert').innerText()).toBe('These words are not in the text, exactly as typed.');
  await passage.fill('');
  await page.keyboard.type(quote);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Curate the selection' }).waitFor();
  expect(await page.locator('.curate q').first().innerText()).toBe(quote);
  // Tab on to the fact to support (already chosen: the first), then on to the button, and press it.
  const target = page.getByLabel('Supports', { exact: true });
  await target.focus();
  await target.selectOption({ label: 'Actor: George W. Bush' });
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Attach evidence');
  await page.keyboard.press('Enter');
  await page.locator(`.body mark[data-start="${start}"]`).waitFor();
  expect(await page.locator(`.body mark[data-start="${start}"]`).innerText()).toBe(quote);
  expect(await page.getByRole('status').filter({ hasText: 'Evidence added.' }).count()).toBe(1);
});
