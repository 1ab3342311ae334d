import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Browser, BrowserContext, Page } from 'playwright-core';

import { api, clearFaults, injectFault, token } from './support/api';
import { JOURNEY_CIRCUIT, JOURNEY_FAULT, MOBILE_URL, PASSWORD } from './support/mobile-e2e-config';
import { launchChromium, newPhone, shot, signIn, visible } from './support/phone';

interface Ticket {
  id: string;
  version: number;
  status: string;
  attachment: { sha256: string; name: string }[];
  fieldReport: {
    arrivedAt: string | null;
    causeCode: string | null;
    fixCode: string | null;
    progress: { text: string }[];
  };
}

const icon = (name: string) => readFileSync(join(__dirname, '..', 'public', 'icons', name));
/** Two real PNGs: the customer's photo of the outlet, the engineer's of the splice. */
const PHOTO = icon('icon-512.png');
const SPLICE_PHOTO = icon('icon-192.png');
const NOTE = '光缆在井下被挖断，正在熔接';

/**
 * The journey on two phones: bank-a.wuhan sees the fault the simulator injected
 * and reports it with a photo; the NOC dispatches it to field.wang, who accepts, arrives,
 * loses the signal, records progress, codes and a photo offline, gets it back, resolves;
 * the customer confirms and rates. Each step is checked against what the API holds.
 */
describe('a fault from the customer’s phone to the field engineer’s and back', () => {
  let browser: Browser;
  let customer: BrowserContext;
  let field: BrowserContext;
  let bank: Page;
  let wang: Page;
  let ticketId = '';

  beforeAll(async () => {
    browser = await launchChromium();
    customer = await newPhone(browser);
    field = await newPhone(browser);
    bank = await customer.newPage();
    wang = await field.newPage();
  });
  afterAll(async () => {
    await clearFaults().catch(() => undefined);
    await browser?.close();
  });

  it('shows bank-a.wuhan the injected fault, located, on the status home', async () => {
    await signIn(bank, 'bank-a.wuhan', PASSWORD);
    expect(new URL(bank.url()).pathname).toBe('/home');
    await visible(bank, 'health').waitFor();
    await shot(bank, 'home-before-fault');

    await injectFault(JOURNEY_FAULT);
    // The poller notices the silent CPE, the ingestion locates it, the live stream tells the page.
    const fault = bank.locator('[data-testid^="fault-"]').first();
    await fault.waitFor({ timeout: 180_000 });
    await shot(bank, 'home', true);
  });

  it('reports it in three taps with a photo', async () => {
    await bank.goto(`${MOBILE_URL}/circuits/${JOURNEY_CIRCUIT}`);
    await visible(bank, 'hops').waitFor();
    await visible(bank, 'report-this').waitFor({ timeout: 60_000 });
    await shot(bank, 'circuit-detail', true);

    await visible(bank, 'report-this').tap(); // 1
    await visible(bank, 'description').waitFor();
    // The pre-check: the operator already knows (the located fault), shown before filing.
    await visible(bank, 'operator-aware').waitFor({ timeout: 30_000 });
    await visible(bank, 'photo-input').setInputFiles({
      name: 'cabinet.png',
      mimeType: 'image/png',
      buffer: PHOTO,
    }); // 2: the camera's answer
    await visible(bank, 'photo-preview').waitFor();
    await shot(bank, 'report', true);
    await visible(bank, 'send-report').tap(); // 3
    await bank.waitForURL(/\/tickets\/[^/]+$/, { timeout: 30_000 });
    ticketId = decodeURIComponent(new URL(bank.url()).pathname.split('/').pop() ?? '');
    await visible(bank, 'timeline').waitFor();

    const t = await api<Ticket>(await token('noc.li'), 'GET', `/tickets/${ticketId}`);
    expect(t.attachment).toHaveLength(1);
    expect(t.status).toBe('acknowledged');
    await shot(bank, 'ticket-reported');
  });

  it('reaches field.wang once the NOC dispatches it', async () => {
    const noc = await token('noc.li');
    const teams = await api<{ id: string; memberUserIds: string[] }[]>(
      noc,
      'GET',
      '/tickets/teams',
    );
    const t = await api<Ticket>(noc, 'GET', `/tickets/${ticketId}`);
    const wuhan = teams.find((team) => team.id === 'team-wuhan');
    expect(wuhan?.memberUserIds.length).toBeGreaterThan(0);
    await signIn(wang, 'field.wang', PASSWORD);
    expect(new URL(wang.url()).pathname).toBe('/jobs');
    await api(noc, 'POST', `/tickets/${ticketId}/dispatch`, {
      teamId: 'team-wuhan',
      engineerUserId: wuhan?.memberUserIds[0],
      version: t.version,
    });
    // The live event brings it to the list without a reload.
    const job = visible(wang, `job-${ticketId}`);
    await job.waitFor({ timeout: 60_000 });
    await shot(wang, 'jobs', true);
    await job.tap();
    await visible(wang, 'accept').waitFor();
    await visible(wang, `related-Circuit`).waitFor();
    // The route hop by hop and the located fault of the job's circuit (read as a field
    // engineer: its dispatched circuits only).
    const route = wang.locator('[data-testid="job-route"]:not(.ion-page-hidden *)');
    await route.locator('[data-testid="hops"] li').first().waitFor({ timeout: 30_000 });
    await route.locator('[data-testid="located-fault"]').waitFor({ timeout: 30_000 });
    expect(await route.locator('[data-testid="hops"] li').count()).toBeGreaterThan(1);
    await shot(wang, 'job-detail', true);
    await route.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(wang, 'job-route', true);
  });

  it('works the job offline and sends each action once when the signal returns', async () => {
    await visible(wang, 'accept').tap();
    await visible(wang, 'arrive').tap();
    // Both sent and the job read back: the arrival time is on the sheet.
    await visible(wang, 'arrived-at').waitFor({ timeout: 30_000 });
    await wang.waitForFunction(
      () => !document.querySelector('[data-testid="queued"]:not(.ion-page-hidden *)'),
      undefined,
      { timeout: 30_000 },
    );
    const wangToken = await token('field.wang');
    let t = await api<Ticket>(wangToken, 'GET', `/tickets/${ticketId}`);
    expect(t.status).toBe('inProgress');
    expect(t.fieldReport.arrivedAt).not.toBeNull();

    // The service worker controls a page from its next load: one reload while online, so
    // that a reload offline below is answered by it.
    await wang.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await wang.reload();
    await wang.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 30_000,
    });
    await visible(wang, 'progress-text').waitFor();
    // The pages' snapshot is written once the state has settled for 2 s.
    await wang.waitForTimeout(2500);

    await field.setOffline(true);
    await visible(wang, 'progress-text').locator('textarea').fill(NOTE);
    await visible(wang, 'progress-send').tap();
    await visible(wang, 'cause-code').tap();
    await wang.locator('ion-action-sheet button', { hasText: '光缆中断' }).tap();
    await wang.locator('ion-action-sheet').waitFor({ state: 'detached' });
    await visible(wang, 'fix-code').tap();
    await wang.locator('ion-action-sheet button', { hasText: '熔接光纤' }).tap();
    await wang.locator('ion-action-sheet').waitFor({ state: 'detached' });
    await visible(wang, 'cause-send').tap();
    await visible(wang, 'photo-input').setInputFiles({
      name: 'splice.png',
      mimeType: 'image/png',
      buffer: SPLICE_PHOTO,
    });
    await visible(wang, 'photo-send').tap();
    await visible(wang, 'resolution').locator('textarea').fill('熔接完成，业务恢复');
    await visible(wang, 'resolve').tap();
    await visible(wang, 'queued-resolve').waitFor();
    expect(await visible(wang, 'data-age').getAttribute('data-stale')).toBe('true');
    await wang.evaluate(() =>
      (
        document.querySelector('ion-content:not(.ion-page-hidden *)') as unknown as {
          scrollToTop(ms: number): Promise<void>;
        }
      ).scrollToTop(0),
    );
    await shot(wang, 'job-offline', true);
    // Nothing left the phone.
    t = await api<Ticket>(wangToken, 'GET', `/tickets/${ticketId}`);
    expect(t.fieldReport.progress).toHaveLength(0);

    // A reload without a signal keeps the engineer signed in: the shell from the service
    // worker, the job from the phone's snapshot, the queue from IndexedDB.
    await wang.reload();
    await visible(wang, 'queued-resolve').waitFor({ timeout: 30_000 });
    expect(new URL(wang.url()).pathname).toBe(`/jobs/${ticketId}`);
    await visible(wang, 'job-status').waitFor();
    expect(await visible(wang, 'data-age').getAttribute('data-stale')).toBe('true');

    // The signal returns: the queue replays by itself.
    await field.setOffline(false);
    await wang.waitForFunction(
      () => !document.querySelector('[data-testid="queued"]:not(.ion-page-hidden *)'),
      undefined,
      { timeout: 60_000 },
    );
    t = await api<Ticket>(wangToken, 'GET', `/tickets/${ticketId}`);
    expect(t.status).toBe('resolved');
    expect(t.fieldReport.progress.map((p) => p.text)).toEqual([NOTE]);
    expect([t.fieldReport.causeCode, t.fieldReport.fixCode]).toEqual(['FIBER_CUT', 'SPLICE']);
    // The customer's photo and the engineer's: one upload each.
    expect(t.attachment).toHaveLength(2);
    await visible(wang, 'job-status').waitFor();
    await shot(wang, 'job-resolved');
  });

  it('lets the customer confirm the repair and rate it', async () => {
    await clearFaults();
    await bank.goto(`${MOBILE_URL}/tickets/${ticketId}`);
    await visible(bank, 'confirm').waitFor({ timeout: 60_000 });
    await shot(bank, 'ticket-resolved', true);
    await visible(bank, 'confirm').tap();
    await bank.waitForFunction(
      (status) =>
        document
          .querySelector('[data-testid="ticket-status"]:not(.ion-page-hidden *)')
          ?.textContent?.trim() === status,
      '已关闭',
      { timeout: 30_000 },
    );
    await visible(bank, 'star-5').tap();
    await visible(bank, 'rate-send').tap();
    await visible(bank, 'rated').waitFor();
    const t = await api<Ticket & { satisfaction: { rating: number } | null }>(
      await token('bank-a.wuhan'),
      'GET',
      `/tickets/${ticketId}`,
    );
    expect(t.status).toBe('closed');
    expect(t.satisfaction?.rating).toBe(5);
    await shot(bank, 'ticket-closed', true);

    await visible(bank, 'tab-inbox')
      .tap()
      .catch(() => bank.goto(`${MOBILE_URL}/inbox`));
    await bank.waitForURL(/\/inbox$/);
    await shot(bank, 'inbox', true);
  });
});
