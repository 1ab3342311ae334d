import type { Browser, BrowserContext, Page } from 'playwright-core';

import { launchChromium, newE2eContext, signIn } from './support/browser';
import { E2E_PASSWORD, WEB_URL } from './support/e2e-config';
import { checkPage } from './support/page-check';

/** Each page, once its data is in: the heading shows and no progress bar runs. */
async function settled(page: Page, path: string): Promise<void> {
  await page.goto(`${WEB_URL}${path}`);
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('mat-progress-bar'), undefined, {
    timeout: 60_000,
  });
  // The charts draw in the next frames.
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
}

const CUSTOMER_PAGES = [
  '/overview',
  '/circuits',
  '/circuits/bank-a-MPLS-0001',
  '/topology',
  '/alarms',
  '/tickets',
  '/report',
  '/reports',
  '/statistics',
  '/announcements',
  '/admin/users',
  '/admin/audit',
];
const NOC_PAGES = ['/customers', '/dispatch', '/alarms'];

/**
 * The portal as most of its users see it: in Chinese, and at night in the dark theme
 * (the system's colour scheme). axe-core on every page, for contrast above all.
 */
describe.each([
  { language: 'zh-CN' as const, colorScheme: 'dark' as const },
  { language: 'zh-CN' as const, colorScheme: 'light' as const },
  { language: 'en' as const, colorScheme: 'dark' as const },
])('every page in $language, $colorScheme theme', ({ language, colorScheme }) => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const tag = `${language}-${colorScheme}`;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    context = await newE2eContext(browser, { language, colorScheme });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
  });

  it('has no serious accessibility violation for the bank’s admin', async () => {
    await signIn(page, WEB_URL, 'bank-a.admin', E2E_PASSWORD);
    expect(await page.evaluate(() => document.documentElement.classList.contains('cc-dark'))).toBe(
      colorScheme === 'dark',
    );
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
    for (const path of CUSTOMER_PAGES) {
      await settled(page, path);
      await checkPage(page, `${tag}${path.replaceAll('/', '-')}`);
    }
  });

  it('has no serious accessibility violation for the NOC', async () => {
    await signIn(page, WEB_URL, 'noc.li', E2E_PASSWORD);
    for (const path of NOC_PAGES) {
      await settled(page, path);
      await checkPage(page, `${tag}-noc${path.replaceAll('/', '-')}`);
    }
  });
});
