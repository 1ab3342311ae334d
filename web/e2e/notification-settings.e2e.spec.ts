import type { Browser, BrowserContext, Page } from 'playwright-core';

import { apiGet, apiSend, apiToken } from './support/api-client';
import { launchChromium, newE2eContext, signIn } from './support/browser';
import { E2E_PASSWORD, WEB_URL } from './support/e2e-config';
import { checkPage } from './support/page-check';

interface Preferences {
  email: string | null;
  emailEnabled: boolean;
  webhookUrl: string | null;
  webhookEnabled: boolean;
  webhookSecretSet: boolean;
  events: Record<'status' | 'notes' | 'field' | 'sla' | 'circuitFaults', boolean>;
}

/**
 * Notification settings (/settings/notifications, from the user menu): bank-a.admin
 * changes its e-mail, turns public notes and circuit-fault pushes off, sets a webhook
 * (left off: nothing is ever sent to it) and generates a signing secret shown once; after
 * a reload the settings are still there; a URL the API refuses shows the API's message
 * beside the field; axe finds nothing serious. The settings are put back afterwards.
 */
describe('notification settings', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let token: string;
  let before: Preferences;
  const email = `duty+${Date.now()}@bank-a.example`;
  // A public address (TEST-NET-3) the API accepts without DNS; the hook stays off.
  const hook = 'https://203.0.113.10/circuitcare-hook';
  const toggle = (key: string) => page.getByTestId(key).getByRole('switch');

  beforeAll(async () => {
    token = await apiToken('bank-a.admin');
    before = await apiGet<Preferences>(token, '/notifications/preferences');
    browser = await launchChromium();
    context = await newE2eContext(browser, { language: 'zh-CN' });
    page = await context.newPage();
    await signIn(page, WEB_URL, 'bank-a.admin', E2E_PASSWORD);
  });
  afterAll(async () => {
    await apiSend(token, 'PUT', '/notifications/preferences', {
      email: before.email,
      emailEnabled: before.emailEnabled,
      webhookUrl: before.webhookUrl,
      webhookEnabled: before.webhookEnabled,
      events: before.events,
    }).catch(() => undefined);
    await browser?.close();
  });

  it('bank-a.admin changes its settings from the user menu; they stay after a reload', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('menu-notification-settings').click();
    await page.waitForURL(`${WEB_URL}/settings/notifications`);
    await page.locator('[data-testid=ns-save]:not([disabled])').waitFor();
    // A customer is asked about its circuits' faults, not about SLA alerts.
    await page.getByTestId('ns-event-circuitFaults').waitFor();
    expect(await page.getByTestId('ns-event-sla').count()).toBe(0);
    await checkPage(page, 'notification-settings');

    await page.getByTestId('ns-email').fill(email);
    if ((await toggle('ns-event-notes').getAttribute('aria-checked')) === 'true')
      await toggle('ns-event-notes').click();
    if ((await toggle('ns-event-circuitFaults').getAttribute('aria-checked')) === 'true')
      await toggle('ns-event-circuitFaults').click();
    await page.getByTestId('ns-webhook-url').fill(hook);
    if ((await toggle('ns-webhook-enabled').getAttribute('aria-checked')) === 'true')
      await toggle('ns-webhook-enabled').click();
    await page.getByTestId('ns-save').click();
    await page.getByTestId('ns-saved').waitFor();

    const saved = await apiGet<Preferences>(token, '/notifications/preferences');
    expect(saved).toMatchObject({
      email,
      emailEnabled: true,
      webhookUrl: hook,
      webhookEnabled: false,
      webhookSecretSet: true,
      events: { status: true, notes: false, field: true, circuitFaults: false },
    });

    // A new signing secret: shown once, copyable, gone once put away.
    await page.getByTestId('ns-rotate-secret').click();
    const secret = (await page.getByTestId('ns-secret-value').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    await page.getByTestId('ns-copy-secret').click();
    await checkPage(page, 'notification-settings-secret');
    await page.getByTestId('ns-secret-done').click();
    expect(await page.getByTestId('ns-new-secret').count()).toBe(0);

    await page.reload();
    await page.locator('[data-testid=ns-save]:not([disabled])').waitFor();
    expect(await page.getByTestId('ns-email').inputValue()).toBe(email);
    expect(await page.getByTestId('ns-webhook-url').inputValue()).toBe(hook);
    expect(await toggle('ns-event-notes').getAttribute('aria-checked')).toBe('false');
    expect(await toggle('ns-event-circuitFaults').getAttribute('aria-checked')).toBe('false');
    expect(await toggle('ns-event-status').getAttribute('aria-checked')).toBe('true');
    expect(await toggle('ns-webhook-enabled').getAttribute('aria-checked')).toBe('false');
    expect(await page.getByTestId('ns-new-secret').count()).toBe(0);
    expect(await page.getByTestId('ns-secret-state').textContent()).toContain('已设置签名密钥');
  });

  it("a webhook URL the API refuses shows the API's message beside the field", async () => {
    await page.getByTestId('ns-webhook-url').fill('ftp://files.bank-a.example/hook');
    await page.getByTestId('ns-save').click();
    const error = page.getByTestId('ns-webhook-url-error');
    await error.waitFor();
    expect((await error.textContent())?.trim()).toBe('webhookUrl must be an http(s) URL');
    expect(await page.getByTestId('ns-webhook-url').getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('ns-save-error').waitFor();
    // The message fades in: axe measures its contrast once it is there.
    await page.waitForFunction(() => document.getAnimations().length === 0);
    await checkPage(page, 'notification-settings-error');
    // Nothing was stored.
    expect((await apiGet<Preferences>(token, '/notifications/preferences')).webhookUrl).toBe(hook);
  });
});
