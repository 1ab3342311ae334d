import type { Browser, Page } from 'playwright-core';

import { apiGet, apiToken } from './support/api-client';
import { launchChromium, newE2eContext, signIn } from './support/browser';
import { E2E_PASSWORD, WEB_URL } from './support/e2e-config';
import { checkPage } from './support/page-check';

/**
 * Key-period assurance and maintenance windows: the account manager requests a window
 * over two of bank-a's circuits, the NOC approves it and opens its dashboard with those
 * circuits; the NOC plans maintenance on a Yichang PE and sees the customers it affects,
 * a second operator approves and announces it (four eyes), and bank-a reads the
 * announcement. Every page passes axe.
 */
/** A datetime-local value `days` from now at the full hour (the browser runs on this machine's zone). */
function localInput(days: number): string {
  const t = new Date(Date.now() + days * 86_400_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${t.getFullYear()}-${p(t.getMonth() + 1)}-${p(t.getDate())}T${p(t.getHours())}:00`;
}

describe('key-period assurance and maintenance windows', () => {
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

  const title = `年终决算保障 ${Date.now().toString(36)}`;
  let windowId = '';
  let circuitIds: string[] = [];

  it('the account manager requests assurance for two of bank-a’s circuits', async () => {
    const page = await as('am.zhang');
    await page.getByRole('link', { name: 'Key-period assurance', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/assurance');
    await page.getByTestId('assurance-request-open').click();
    await page.getByTestId('assurance-form').waitFor();
    await page.getByTestId('assurance-title').fill(title);
    await page.getByTestId('assurance-reason').fill('年终决算期间，宜昌分行核心业务电路重点保障。');
    // Tomorrow: a window running now would poll its devices every 10 s during the other specs.
    await page.getByTestId('assurance-start').fill(localInput(1));
    await page.getByTestId('assurance-end').fill(localInput(3));
    await page.getByTestId('assurance-circuit-search').fill('MPLS');
    const options = page.locator('[data-testid=assurance-circuit-option]');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid=assurance-circuit-option]').length >= 2,
    );
    circuitIds = [];
    for (const k of [0, 1]) {
      const option = options.nth(k);
      circuitIds.push((await option.getAttribute('data-circuit-id')) ?? '');
      await option.locator('input').check();
    }
    expect(circuitIds.every((id) => id.startsWith('bank-a-'))).toBe(true);
    await page.getByTestId('assurance-submit').click();
    await page.getByTestId('assurance-sent').waitFor();
    const row = page.locator('[data-testid=assurance-row]', { hasText: title });
    await row.waitFor();
    expect(await row.getAttribute('data-stage')).toBe('requested');
    windowId = (await row.getAttribute('data-window-id')) ?? '';
    expect(windowId).not.toBe('');
    await checkPage(page, 'assurance-request');
    await page.context().close();
  });

  it('the NOC approves the request and the dashboard shows its circuits', async () => {
    const page = await as('noc.li');
    await page.goto(`${WEB_URL}/assurance`);
    const request = page.locator(`[data-testid=assurance-request][data-window-id="${windowId}"]`);
    await request.waitFor();
    expect(await request.textContent()).toContain('2 circuits');
    await checkPage(page, 'assurance-noc');
    await request.getByTestId('assurance-note').fill('同意，采集间隔 10 秒');
    await request.getByTestId('assurance-approve').click();
    await request.waitFor({ state: 'detached' });
    const row = page.locator(`[data-testid=assurance-row][data-window-id="${windowId}"]`);
    await page.waitForFunction(
      (id) =>
        document
          .querySelector(`[data-testid=assurance-row][data-window-id="${id}"]`)
          ?.getAttribute('data-stage') === 'upcoming',
      windowId,
    );

    await row.getByTestId('assurance-open').click();
    await page.waitForURL((u) => u.pathname === `/assurance/${windowId}`);
    await page.locator('[data-testid=assurance-circuit]').nth(1).waitFor();
    const shown = await page
      .locator('[data-testid=assurance-circuit]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-circuit-id')));
    expect([...shown].sort()).toEqual([...circuitIds].sort());
    expect(await page.getByTestId('assurance-priority').textContent()).toContain('P1');
    expect(await page.getByTestId('assurance-dashboard-stage').textContent()).toContain('upcoming');
    await checkPage(page, 'assurance-dashboard');
    await page.context().close();
  });

  const element = 'YC-PE-01';
  let maintenanceId = '';
  const workTitle = `宜昌 PE 软件升级 ${Date.now().toString(36)}`;

  it('the NOC plans maintenance on a PE and sees the customers it affects', async () => {
    const page = await as('noc.li');
    await page.getByRole('link', { name: 'Maintenance', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/maintenance');
    await page.getByTestId('maintenance-plan-open').click();
    await page.getByTestId('maintenance-element-search').fill(element);
    await page
      .locator(`[data-testid=maintenance-element-option][data-element-id="${element}"]`)
      .click();
    const impact = page.locator(`[data-testid=maintenance-impact][data-element-id="${element}"]`);
    await impact.getByText(/Carries \d+ circuits/).waitFor();
    // What the page previews is what the API says the element carries.
    const token = await apiToken('noc.li');
    const carried = await apiGet<{ circuitCount: number }>(
      token,
      `/elements/${element}/impact?pageSize=1`,
    );
    expect(await impact.textContent()).toContain(`Carries ${carried.circuitCount} circuits`);

    await page.getByTestId('maintenance-title').fill(workTitle);
    await page.getByTestId('maintenance-description').fill('NE40E 软件版本升级，单板逐一重启。');
    await page.getByTestId('maintenance-submit').click();
    const status = page.getByTestId('maintenance-status');
    await status.waitFor();
    expect(await status.getAttribute('data-status')).toBe('planned');
    const row = page.locator('[data-testid=maintenance-row]', { hasText: workTitle });
    maintenanceId = (await row.getAttribute('data-window-id')) ?? '';
    expect(maintenanceId).not.toBe('');
    const customers = await page
      .locator('[data-testid=maintenance-customers] li')
      .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-customer-id')));
    expect(customers).toContain('bank-a');
    // The planner does not approve its own work.
    expect(await page.getByTestId('maintenance-approve').isDisabled()).toBe(true);
    await checkPage(page, 'maintenance-planned');
    await page.context().close();
  });

  it('a second operator approves and announces it, and bank-a reads the announcement', async () => {
    const page = await as('admin');
    await page.goto(`${WEB_URL}/maintenance`);
    await page.locator(`[data-testid=maintenance-row][data-window-id="${maintenanceId}"]`).click();
    await page.getByTestId('maintenance-approve').click();
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid=maintenance-status]')?.getAttribute('data-status') ===
        'approved',
    );
    await page.getByTestId('maintenance-announce').click();
    await page.getByTestId('maintenance-announcement').waitFor();
    expect(await page.getByTestId('maintenance-announce').isDisabled()).toBe(true);
    await checkPage(page, 'maintenance');
    await page.context().close();

    const bank = await as('bank-a.admin');
    await bank.goto(`${WEB_URL}/announcements`);
    const card = bank.locator('.announcement[data-kind=maintenance]', { hasText: workTitle });
    await card.waitFor();
    await checkPage(bank, 'announcements-maintenance');
    await bank.context().close();
  });

  it('reads well in Chinese and in the dark theme too', async () => {
    const context = await newE2eContext(browser, { language: 'zh-CN', colorScheme: 'dark' });
    const page = await context.newPage();
    await signIn(page, WEB_URL, 'noc.li', E2E_PASSWORD);
    await page.goto(`${WEB_URL}/assurance`);
    await page.locator(`[data-testid=assurance-row][data-window-id="${windowId}"]`).waitFor();
    expect(await page.locator('h1').first().textContent()).toContain('智能重保');
    await checkPage(page, 'zh-CN-dark-assurance');
    await page.goto(`${WEB_URL}/assurance/${windowId}`);
    await page.locator('[data-testid=assurance-circuit]').first().waitFor();
    await checkPage(page, 'zh-CN-dark-assurance-dashboard');
    await page.goto(`${WEB_URL}/maintenance`);
    await page.locator(`[data-testid=maintenance-row][data-window-id="${maintenanceId}"]`).click();
    await page.getByTestId('maintenance-announcement').waitFor();
    await page.getByTestId('maintenance-plan-open').click();
    await page.getByTestId('maintenance-element-option').first().waitFor();
    await checkPage(page, 'zh-CN-dark-maintenance');
    await context.close();
  });
});
