import type { Browser, BrowserContext, Page } from 'playwright-core';

import { apiGet, apiSend, apiToken, eventually } from './support/api-client';
import { launchChromium, newE2eContext, signIn } from './support/browser';
import { CONTROL_URL, E2E_PASSWORD, JOURNEY_FAULT, WEB_URL } from './support/e2e-config';
import { checkPage, keepScreenshot } from './support/page-check';

/**
 * The journey's CPE fault takes this circuit down too (a located fault on the customer
 * side); the journey itself looks at bank-a-MPLS-0053, so its pages stay as they were.
 */
const PLAN_CIRCUIT = 'bank-a-VPDN-0019';

interface Plan {
  id: string;
  version: number;
  title: string;
}

/**
 * Emergency plans (应急预案): bank-a.admin writes a plan for a circuit and a second
 * version of it (both in the history); when the circuit fails, its page shows the plan
 * beside the located fault; bank-a.viewer reads the plans but cannot change them.
 */
describe('emergency plans', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  // A title of this run: the e2e database may keep plans of an earlier one.
  const title = `营业网点专线中断应急预案 ${new Date().toISOString().slice(0, 16)}`;
  let planId: string;

  beforeAll(async () => {
    browser = await launchChromium();
    context = await newE2eContext(browser);
    page = await context.newPage();
    await signIn(page, WEB_URL, 'bank-a.admin', E2E_PASSWORD);
  });
  afterAll(async () => {
    await fetch(`${CONTROL_URL}/faults`, { method: 'DELETE' }).catch(() => undefined);
    // The next spec finds the circuit as it was: up again.
    const admin = await apiToken('bank-a.admin').catch(() => null);
    if (admin) {
      await eventually(
        `${PLAN_CIRCUIT} up again`,
        async () =>
          (await apiGet<{ state: string }>(admin, `/circuits/${PLAN_CIRCUIT}`)).state === 'up'
            ? true
            : undefined,
        180_000,
      ).catch(() => undefined);
    }
    await browser?.close();
  }, 240_000);

  it('bank-a.admin creates a plan with a contact tree and steps, linked to a circuit', async () => {
    await page.goto(`${WEB_URL}/emergency-plans`);
    await page.getByTestId('plan-list').waitFor();
    await page.getByTestId('plan-new').click();
    const editor = page.getByTestId('plan-editor');
    await editor.waitFor();
    await page.getByTestId('plan-title-input').fill(title);
    await page
      .getByTestId('plan-scenario-input')
      .fill('网点专线中断超过 5 分钟，或网点业务无法办理');

    const contacts = page.getByTestId('plan-contact-row');
    await contacts.nth(0).getByTestId('plan-contact-name').fill('王工');
    await contacts.nth(0).getByTestId('plan-contact-role').fill('网络值班');
    await contacts.nth(0).getByTestId('plan-contact-phone').fill('+86 138 0000 0001');
    await page.getByTestId('plan-contact-add').click();
    await contacts.nth(1).getByTestId('plan-contact-level').selectOption({ index: 1 });
    await contacts.nth(1).getByTestId('plan-contact-name').fill('李主任');
    await contacts.nth(1).getByTestId('plan-contact-role').fill('科技部主任');
    await contacts.nth(1).getByTestId('plan-contact-phone').fill('027-8888 0002');
    await contacts.nth(1).getByTestId('plan-contact-email').fill('li.zhuren@bank-a.example');

    const steps = page.getByTestId('plan-step-row');
    await steps.nth(0).getByTestId('plan-step-action').fill('确认网点业务影响范围');
    await steps.nth(0).getByTestId('plan-step-owner').fill('网点负责人');
    await page.getByTestId('plan-step-add').click();
    await steps.nth(1).getByTestId('plan-step-action').fill('启用 4G 备份线路');
    await steps.nth(1).getByTestId('plan-step-owner').fill('网络值班');

    await page.getByTestId('plan-circuit-search').fill(PLAN_CIRCUIT);
    const option = page.locator(
      `[data-testid=plan-circuit-option][data-circuit-id="${PLAN_CIRCUIT}"]`,
    );
    await option.getByTestId('plan-circuit-add').click();
    await page
      .locator(`[data-testid=plan-linked-circuit][data-circuit-id="${PLAN_CIRCUIT}"]`)
      .waitFor();
    await settled(page);
    await checkPage(page, 'emergency-plan-editor');

    await page.getByTestId('plan-save').click();
    await page.locator('[data-testid=plan-version][data-version="1"]').waitFor();
    expect(await page.getByTestId('plan-title').textContent()).toBe(title);
    await page.waitForURL((u) => (u.searchParams.get('plan') ?? '').startsWith('ep-'));
    planId = new URL(page.url()).searchParams.get('plan') ?? '';
    expect(planId).toMatch(/^ep-/);

    // What the API now holds is what was entered.
    const admin = await apiToken('bank-a.admin');
    const saved = await apiGet<Plan & { circuitIds: string[]; contacts: unknown[] }>(
      admin,
      `/emergency-plans/${planId}`,
    );
    expect(saved).toMatchObject({ title, version: 1, circuitIds: [PLAN_CIRCUIT] });
    expect(saved.contacts).toHaveLength(2);
    await settled(page);
    await checkPage(page, 'emergency-plan');
  }, 120_000);

  it('an edit writes version 2, and the history says who changed what', async () => {
    await page.getByTestId('plan-edit').click();
    await page.getByTestId('plan-editor').waitFor();
    await page.getByTestId('plan-step-add').click();
    const steps = page.getByTestId('plan-step-row');
    await steps.nth(2).getByTestId('plan-step-action').fill('通知客户经理并报告科技部');
    await steps.nth(2).getByTestId('plan-step-owner').fill('科技部');
    await page.getByTestId('plan-save').click();
    await page.locator('[data-testid=plan-version][data-version="2"]').waitFor();

    await page.getByTestId('plan-tab-history').click();
    const rows = page.getByTestId('plan-version-row');
    await rows.first().waitFor();
    expect(await rows.evaluateAll((r) => r.map((e) => e.getAttribute('data-version')))).toEqual([
      '2',
      '1',
    ]);
    const newest = (await rows.nth(0).textContent()) ?? '';
    expect(newest).toContain('bank-a.admin');
    expect(newest).toContain('Steps');
    await settled(page);
    await checkPage(page, 'emergency-plan-history');

    // The first version is still there to read.
    await rows.nth(1).getByTestId('plan-version-view').click();
    await page.getByTestId('plan-old-version').waitFor();
    expect(await page.getByTestId('plan-steps').locator('li').count()).toBe(2);
  }, 120_000);

  it('shows the plan beside the located fault when the circuit fails', async () => {
    const res = await fetch(`${CONTROL_URL}/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(JOURNEY_FAULT),
    });
    expect(res.status).toBe(201);
    const admin = await apiToken('bank-a.admin');
    await eventually(
      `${PLAN_CIRCUIT} down in the API`,
      async () =>
        (await apiGet<{ state: string }>(admin, `/circuits/${PLAN_CIRCUIT}`)).state === 'down'
          ? true
          : undefined,
      240_000,
    );

    await page.goto(`${WEB_URL}/circuits/${PLAN_CIRCUIT}`);
    const panel = page.getByTestId('emergency-plan-panel');
    await panel
      .locator(`[data-testid=emergency-plan][data-plan-id="${planId}"]`)
      .waitFor({ timeout: 120_000 })
      .catch(async (e: unknown) => {
        await keepScreenshot(page, 'circuit-emergency-plan-expected');
        throw e;
      });
    const plan = panel.locator(`[data-testid=emergency-plan][data-plan-id="${planId}"]`);
    expect(await plan.getByTestId('emergency-plan-version').textContent()).toContain('2');
    expect(
      await plan
        .getByTestId('plan-contact-call')
        .evaluateAll((a) => a.map((e) => e.getAttribute('href'))),
    ).toEqual(['tel:+8613800000001', 'tel:02788880002']);
    // The steps are a checklist to work through.
    await plan.getByTestId('plan-step').first().click();
    expect(await plan.getByTestId('plan-steps-done').textContent()).toContain('1 of 3');
    await settled(page);
    await checkPage(page, 'circuit-emergency-plan');
  }, 420_000);

  it('reads well in Chinese at night: the plans page, its editor and the incident panel (zh-CN, dark)', async () => {
    const nightContext = await newE2eContext(browser, { language: 'zh-CN', colorScheme: 'dark' });
    try {
      const night = await nightContext.newPage();
      await signIn(night, WEB_URL, 'bank-a.admin', E2E_PASSWORD);
      await night.goto(`${WEB_URL}/emergency-plans?plan=${encodeURIComponent(planId)}`);
      await night.locator('[data-testid=plan-version][data-version="2"]').waitFor();
      expect(await night.getByTestId('plan-tab-history').textContent()).toContain('版本历史');
      await settled(night);
      await checkPage(night, 'emergency-plan-zh-CN-dark');
      await night.getByTestId('plan-edit').click();
      await night.getByTestId('plan-editor').waitFor();
      await settled(night);
      await checkPage(night, 'emergency-plan-editor-zh-CN-dark');

      await night.goto(`${WEB_URL}/circuits/${PLAN_CIRCUIT}`);
      const panel = night.getByTestId('emergency-plan-panel');
      await panel.locator(`[data-testid=emergency-plan][data-plan-id="${planId}"]`).waitFor({
        timeout: 120_000,
      });
      expect(await panel.locator('h2').textContent()).toContain('应急预案');
      await settled(night);
      await checkPage(night, 'circuit-emergency-plan-zh-CN-dark');
    } finally {
      await nightContext.close();
    }
  }, 240_000);

  it('bank-a.viewer reads the plan but cannot change it (nor can the API be made to)', async () => {
    const viewerContext = await newE2eContext(browser);
    try {
      const viewer = await viewerContext.newPage();
      await signIn(viewer, WEB_URL, 'bank-a.viewer', E2E_PASSWORD);
      await viewer.goto(`${WEB_URL}/emergency-plans?plan=${encodeURIComponent(planId)}`);
      await viewer.locator('[data-testid=plan-version][data-version="2"]').waitFor();
      expect(await viewer.getByTestId('plan-title').textContent()).toBe(title);
      expect(await viewer.getByTestId('plan-new').count()).toBe(0);
      expect(await viewer.getByTestId('plan-edit').count()).toBe(0);
      await settled(viewer);
      await checkPage(viewer, 'emergency-plans-viewer');

      const token = await apiToken('bank-a.viewer');
      await expect(
        apiSend(token, 'PUT', `/emergency-plans/${planId}`, {
          version: 2,
          title: 'x',
          contacts: [{ level: 1, name: 'x', role: 'x' }],
          steps: [{ order: 1, action: 'x', owner: 'x' }],
        }),
      ).rejects.toThrow(/: 403 /);
    } finally {
      await viewerContext.close();
    }
  }, 120_000);
});

async function settled(page: Page): Promise<void> {
  await page
    .waitForFunction(() => document.querySelectorAll('mat-progress-bar').length === 0, undefined, {
      timeout: 60_000,
    })
    .catch(() => undefined);
}
