/**
 * The web app against a server that requires a token for every operation (REQUIRE_AUTH_FOR_READS=true),
 * in real headless Chromium: an anonymous visitor gets a sign-in prompt in words on every view instead
 * of broken ones; signed in (the token in session storage, never in the URL), every view reads, because
 * the token goes with reads too; a wrong token is said in words; forgetting it brings the prompt back.
 *
 * Needs Debian's chromium at /usr/bin/chromium (`.ci/install-chromium.sh`); CHROMIUM_PATH overrides it.
 */
import type { Page } from 'playwright-core';
import type { TestServer } from '../helpers/server.ts';
import { axeViolations, shot, useWebApp } from './web-helpers.ts';

const EDITOR = 'private-editor-secret';
const ALLAWI = 'allawi-2004-nato-assistance';
const VIEWS = ['requests', `requests/${ALLAWI}`, 'documents/002_747cff529a1d3125', 'actors/nato', 'timeline', 'search?q=troops'];

const web = useWebApp({ tokens: `web:editor:${EDITOR}`, requireAuthForReads: true });
let server: TestServer;
let page: Page;
let base: string;
beforeAll(() => {
  ({ server, page, base } = web);
});

const PROMPT = 'This server shows its data only to people with a token. Sign in with yours to continue.';

test('the server really refuses anonymous reads', async () => {
  const r = await server.gql('{ stats { documents } }');
  expect({ status: r.status, code: r.errors?.[0]?.extensions?.code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
});

test('an anonymous visitor gets a sign-in prompt on every view, not a broken page', async () => {
  for (const view of VIEWS) {
    await page.goto(`${base}#/${view}`);
    const alert = page.getByRole('alert');
    expect({ view, text: await alert.innerText() }).toEqual({ view, text: PROMPT });
    expect(await page.getByRole('form', { name: 'Sign in with a token' }).count()).toBe(1);
  }
  await shot(page, 'sign-in-prompt');
  expect(await axeViolations(page)).toEqual([]);
});

test('signed in from the prompt, every view reads with the token; it stays in session storage, never in the URL', async () => {
  await page.goto(`${base}#/requests/${ALLAWI}`);
  await page.getByRole('alert').waitFor();
  // A wrong token is said in words, with the form to try again.
  await page.getByLabel('Token', { exact: true }).fill('not-the-token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').filter({ hasText: 'Your token was not accepted' }).waitFor();
  expect(await page.getByRole('alert').innerText()).toBe('Your token was not accepted: it may be mistyped, or no longer valid. Sign in again with a valid token.');

  await page.getByLabel('Token', { exact: true }).fill(EDITOR);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Explicitly not asked for' }).waitFor();
  expect(await page.locator('.excluded-item').innerText()).toMatch(/but not troops/);
  expect(page.url()).not.toContain(EDITOR);
  expect(await page.evaluate(() => sessionStorage.getItem('dossier.editorToken'))).toBe(EDITOR);

  // Every view now reads (the token goes with every read), and a page load keeps the session.
  for (const view of VIEWS) {
    await page.goto(`${base}#/${view}`);
    await page.locator('main h1').first().waitFor();
    await page.waitForFunction(() => !document.querySelector('main [role="status"]')?.textContent?.startsWith('Loading'));
    expect({ view, alerts: await page.getByRole('alert').allInnerTexts() }).toEqual({ view, alerts: [] });
  }
  expect(await page.locator('.results li').count()).toBeGreaterThan(0);
  await page.reload();
  await page.locator('.results li').first().waitFor();
  await shot(page, 'signed-in-search');

  // The typeahead reads with the token too.
  await page.goto(`${base}#/requests`);
  await page.getByLabel('Addressed to').fill('Atlantic');
  await page.waitForFunction(() => [...document.querySelectorAll('datalist option')].some((o) => (o as HTMLOptionElement).value === 'nato'));

  // Forgetting the token brings the prompt back.
  await page.goto(`${base}#/curation`);
  await page.getByRole('button', { name: 'Forget the token' }).click();
  await page.goto(`${base}#/requests`);
  expect(await page.getByRole('alert').innerText()).toBe(PROMPT);
  expect(await page.evaluate(() => sessionStorage.getItem('dossier.editorToken'))).toBeNull();
});
