import type { Browser, BrowserContext, Page } from 'playwright-core';

import { launchChromium, newE2eContext, signIn } from './support/browser';
import { E2E_PASSWORD, WEB_URL } from './support/e2e-config';
import { checkPage, keepScreenshot } from './support/page-check';

/**
 * The account manager's and the administrators' pages: am.zhang's customers, a VIP
 * report generated with its progress and figures and its PDF downloaded, an inspection,
 * statistics with their exports; users and audit log for bank-a.admin and admin;
 * announcements published by noc.li and read by the bank.
 */
describe('account manager, reports and statistics (am.zhang)', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    context = await newE2eContext(browser);
    page = await context.newPage();
    await signIn(page, WEB_URL, 'am.zhang', E2E_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lands on the assigned customers with their health', async () => {
    expect(new URL(page.url()).pathname).toBe('/customers');
    const card = page.locator('[data-testid=customer-card][data-customer=bank-a]');
    await card.waitFor();
    await page.waitForFunction(() =>
      document.querySelector('[data-customer=bank-a] h2')?.textContent?.includes('江汉银行'),
    );
    expect(await page.locator('[data-testid=customer-card]').count()).toBe(1);
    await checkPage(page, 'account-manager');
  });

  it('generates last month’s VIP report, shows its progress then its figures, and downloads the PDF', async () => {
    await page.locator('[data-customer=bank-a]').getByTestId('customer-reports').click();
    await page.waitForURL((u) => u.pathname === '/reports');
    await page.getByTestId('report-generate').click();
    await page.getByTestId('report-job').waitFor();
    await page
      .getByTestId('report-summary')
      // ≈ 20 s on an idle 2-core box; minutes when other work shares the cores.
      .waitFor({ timeout: 240_000 })
      .catch(async (e: unknown) => {
        await keepScreenshot(page, 'report-vip-expected-summary');
        throw e;
      });
    expect(await page.getByTestId('report-state').getAttribute('data-state')).toBe('done');
    await page.locator('[data-testid=report-availability-chart] canvas').waitFor();
    await checkPage(page, 'report-vip');

    const download = page.waitForEvent('download');
    await page.getByTestId('report-pdf').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.pdf$/);
    const path = await file.path();
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 300_000);

  it('runs an inspection and lists its findings', async () => {
    await page.getByTestId('report-kind-inspection').click();
    await page.getByTestId('report-generate').click();
    await page.getByTestId('report-findings').waitFor({ timeout: 240_000 });
    expect(await page.getByTestId('report-list').locator('tbody tr').count()).toBeGreaterThan(1);
    await checkPage(page, 'report-inspection');
  }, 300_000);

  it('shows statistics and exports them as Excel', async () => {
    await page.goto(`${WEB_URL}/statistics`);
    await page
      .getByTestId('stats-customers')
      .locator('tbody tr')
      .first()
      .waitFor({ timeout: 90_000 });
    const rows = await page.getByTestId('stats-customers').locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('江汉银行');
    await checkPage(page, 'statistics');
    const download = page.waitForEvent('download');
    await page.getByTestId('export-statistics-xlsx').click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
  });
});

describe('administration', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function as(username: string): Promise<Page> {
    const context = await newE2eContext(browser);
    const page = await context.newPage();
    await signIn(page, WEB_URL, username, E2E_PASSWORD);
    return page;
  }

  it('bank-a.admin manages bank-a’s users only and reads bank-a’s audit log', async () => {
    const page = await as('bank-a.admin');
    await page.goto(`${WEB_URL}/admin/users`);
    await page.getByTestId('user-row').first().waitFor();
    const users = await page.getByTestId('user-row').locator('td:first-child').allTextContents();
    expect(users.map((u) => u.trim()).sort()).toEqual(
      ['bank-a.admin', 'bank-a.viewer', 'bank-a.wuhan'].sort(),
    );
    await checkPage(page, 'admin-users-customer');

    await page.goto(`${WEB_URL}/admin/audit`);
    await page.getByTestId('audit-row').first().waitFor();
    const text = (await page.getByTestId('audit-table').textContent()) ?? '';
    expect(text).toContain('auth.login');
    expect(text).not.toContain('bank-b.admin');
    await checkPage(page, 'admin-audit');
    await page.context().close();
  });

  it('the platform admin sees every user', async () => {
    const page = await as('admin');
    expect(new URL(page.url()).pathname).toBe('/admin/users');
    await page.getByTestId('user-row').first().waitFor();
    const users = await page.getByTestId('user-row').locator('td:first-child').allTextContents();
    expect(users.map((u) => u.trim())).toEqual(
      expect.arrayContaining(['admin', 'noc.li', 'am.zhang', 'bank-b.admin', 'field.wang']),
    );
    await checkPage(page, 'admin-users-platform');
    await page.context().close();
  });

  it('an announcement published by the NOC reaches the bank', async () => {
    const noc = await as('noc.li');
    await noc.goto(`${WEB_URL}/announcements`);
    await noc.getByTestId('announcement-list').waitFor();
    await noc.getByLabel(/Title/).fill('核心网割接通知');
    await noc
      .getByLabel(/Text/)
      .fill('12 月 20 日 00:00–04:00 核心网设备升级，期间业务可能短暂中断。');
    await noc.getByRole('button', { name: 'Publish', exact: true }).click();
    await noc.locator('.announcement h2', { hasText: '核心网割接通知' }).waitFor();
    await checkPage(noc, 'announcements-noc');
    await noc.context().close();

    const bank = await as('bank-a.viewer');
    await bank.goto(`${WEB_URL}/announcements`);
    await bank.locator('.announcement h2', { hasText: '核心网割接通知' }).waitFor();
    await checkPage(bank, 'announcements-customer');
    await bank.context().close();
  });
});
