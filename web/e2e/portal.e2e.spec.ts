import type { Browser, BrowserContext, Page } from 'playwright-core';

import { apiGet, apiToken } from './support/api-client';
import { launchChromium, newE2eContext, signIn } from './support/browser';
import { E2E_PASSWORD, WEB_URL } from './support/e2e-config';
import { checkPage, keepScreenshot } from './support/page-check';

/**
 * What exists of the portal, as a new user meets it: the login (a wrong password says
 * so, plainly), the overview, the circuits table and a circuit's detail — each page
 * screenshotted and checked with axe-core.
 */
describe('the portal, signed in as bank-a.admin', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    // English, so that the assertions read the words a user reads; zh-CN is the default.
    context = await newE2eContext(browser);
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
  });

  it('refuses a wrong password with a clear message and keeps the user on the login page', async () => {
    await page.goto(`${WEB_URL}/login`);
    await page.getByTestId('username').fill('bank-a.admin');
    await page.getByTestId('password').fill('not-the-password');
    await page.getByTestId('sign-in').click();
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect((await error.textContent())?.trim()).toBe('The username or password is incorrect.');
    expect(new URL(page.url()).pathname).toBe('/login');
    await checkPage(page, 'login-wrong-password');
  });

  it('signs in and shows the overview of the whole bank', async () => {
    await signIn(page, WEB_URL, 'bank-a.admin', E2E_PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/overview');
    await page.getByTestId('kpis').waitFor();
    await page.getByTestId('site-map').waitFor();
    // The figures are in: the circuit count shows a number.
    await page.waitForFunction(
      () => /\d/.test(document.querySelector('[data-testid=kpis] .kpi-value')?.textContent ?? ''),
      undefined,
      { timeout: 60_000 },
    );
    await checkPage(page, 'overview');
  });

  it('lists all of the bank’s circuits, searchable, and opens one', async () => {
    const token = await apiToken('bank-a.admin');
    const { total } = await apiGet<{ total: number }>(token, '/circuits?pageSize=1');
    expect(total).toBeGreaterThan(100);

    await signIn(page, WEB_URL, 'bank-a.admin', E2E_PASSWORD);
    await page.goto(`${WEB_URL}/circuits`);
    const count = page.getByTestId('circuit-count');
    await expectText(count, `${total.toLocaleString('en-US')} circuits`);
    await page.getByTestId('circuit-link').first().waitFor();
    await checkPage(page, 'circuits');

    await page.getByTestId('circuit-search').fill('bank-a-MPLS-0001');
    await expectText(count, '1 circuits');
    await page.getByTestId('circuit-link').first().click();
    await page.waitForURL(`${WEB_URL}/circuits/bank-a-MPLS-0001`);
    await page.getByTestId('route').waitFor();
    await page.getByTestId('performance').waitFor();
    await page.getByTestId('availability').waitFor();
    expect(await page.getByTestId('circuit-title').textContent()).toContain('bank-a-MPLS-0001');
    await checkPage(page, 'circuit-detail');
  });

  it('survives a reload on a deep link', async () => {
    await signIn(page, WEB_URL, 'bank-a.admin', E2E_PASSWORD);
    await page.goto(`${WEB_URL}/circuits/bank-a-MPLS-0001`);
    await page.getByTestId('circuit-title').waitFor();
    await page.reload();
    await page
      .getByTestId('circuit-title')
      .waitFor()
      .catch(async (e: unknown) => {
        await keepScreenshot(page, 'deep-link-after-reload');
        throw e;
      });
    expect(new URL(page.url()).pathname).toBe('/circuits/bank-a-MPLS-0001');
  });
});

describe('bank-b.admin', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    const context = await newE2eContext(browser);
    page = await context.newPage();
    await signIn(page, WEB_URL, 'bank-b.admin', E2E_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('sees only bank-b’s circuits', async () => {
    await page.goto(`${WEB_URL}/circuits`);
    await page.getByTestId('circuit-link').first().waitFor();
    const ids = await page.locator('.row .sub.cc-mono').allTextContents();
    expect(ids.length).toBeGreaterThan(5);
    expect(ids.every((id) => id.trim().startsWith('bank-b-'))).toBe(true);
    await page.getByTestId('circuit-search').fill('bank-a-MPLS-0001');
    await expectText(page.getByTestId('circuit-count'), '0 circuits');
  });

  it('gets “not found” for a circuit of bank-a, never its data', async () => {
    const leak = page.waitForResponse((r) => r.url().includes('/api/v1/circuits/bank-a-MPLS-0001'));
    await page.goto(`${WEB_URL}/circuits/bank-a-MPLS-0001`);
    expect((await leak).status()).toBe(404);
    await page.waitForTimeout(500);
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).not.toContain('江汉');
    await checkPage(page, 'circuit-detail-other-bank');
  });
});

async function expectText(
  locator: ReturnType<Page['getByTestId']>,
  text: string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: string | null = null;
  while (Date.now() < deadline) {
    last = (await locator.textContent())?.trim() ?? null;
    if (last === text) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`expected “${text}”, saw “${last}”`);
}
