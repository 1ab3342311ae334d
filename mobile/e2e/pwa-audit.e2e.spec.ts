import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type Browser, type BrowserContext, chromium } from 'playwright-core';

import { ARTIFACTS, MOBILE_URL, PASSWORD } from './support/mobile-e2e-config';
import { signIn } from './support/phone';

const DEBUG_PORT = 27590;

interface LighthouseReport {
  finalDisplayedUrl: string;
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { score: number | null; title: string }>;
}

/**
 * Lighthouse 12 (it has no PWA category any more) against the Chromium that holds the
 * session. Asynchronous: Playwright, attached to the same browser, must keep answering
 * while Lighthouse opens its tab (Playwright holds new targets until it lets them run).
 */
async function lighthouse(url: string, name: string): Promise<LighthouseReport> {
  const out = join(ARTIFACTS, `lighthouse-${name}.json`);
  await new Promise<void>((ok, fail) => {
    execFile(
      'node',
      [
        'node_modules/lighthouse/cli/index.js',
        url,
        `--port=${DEBUG_PORT}`,
        '--disable-storage-reset',
        // Performance is measured on a phone, not on two CI cores shared with the stack.
        '--only-categories=accessibility,best-practices',
        '--output=json',
        `--output-path=${out}`,
        '--quiet',
      ],
      { cwd: join(__dirname, '..', '..'), timeout: 180_000, maxBuffer: 64 * 1024 * 1024 },
      (error, _stdout, stderr) =>
        error
          ? fail(new Error(`lighthouse ${url}: ${error.message} ${stderr.slice(-1500)}`))
          : ok(),
    );
  });
  return JSON.parse(readFileSync(out, 'utf8')) as LighthouseReport;
}

/**
 * The app as a PWA: Chromium's own installability check (manifest, icons, service worker:
 * what its install prompt needs) and Lighthouse's accessibility audit of the login page
 * and of the signed-in status home. The figures go to artifacts/ and docs/mobile.md.
 */
describe('the mobile app as an installable, accessible PWA', () => {
  let chromiumProcess: ChildProcess;
  let browser: Browser;
  let context: BrowserContext;
  let profile: string;

  beforeAll(async () => {
    // One Chromium that both drive: Playwright signs in, Lighthouse audits in its default
    // profile (so the session is there), each over the debugging port.
    profile = mkdtempSync(join(tmpdir(), 'cc-lighthouse-'));
    chromiumProcess = spawn('/usr/bin/chromium', [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      `--remote-debugging-port=${DEBUG_PORT}`,
      `--user-data-dir=${profile}`,
      'about:blank',
    ]);
    for (let i = 0; ; i++) {
      try {
        browser = await chromium.connectOverCDP(`http://127.0.0.1:${DEBUG_PORT}`);
        break;
      } catch (e) {
        if (i > 50) throw e;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    const first = browser.contexts()[0];
    if (!first) throw new Error('no default browser context');
    context = first;
  });
  afterAll(async () => {
    await browser?.close();
    if (chromiumProcess.exitCode === null) {
      const exited = new Promise<void>((r) => chromiumProcess.once('exit', () => r()));
      chromiumProcess.kill('SIGTERM');
      await exited;
    }
    // Chromium's helpers may still be writing the profile for a moment after it exits.
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  });

  it('is installable, and the service worker serves the shell offline', async () => {
    const page = await context.newPage();
    await signIn(page, 'bank-a.wuhan', PASSWORD);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installabilityErrors).toEqual([]);
    const manifest = (await cdp.send('Page.getAppManifest')) as { errors: unknown[]; url: string };
    expect(manifest.errors).toEqual([]);

    // Offline, a reload still opens the app (the shell from the service worker's cache),
    // signed in: the session is kept, the user is the last known profile, the home shows
    // its last-known figures marked offline with their age.
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.getByTestId('count-down').first().waitFor();
    // The pages' snapshot is written once the state has settled for 2 s.
    await page.waitForTimeout(2500);
    await context.setOffline(true);
    await page.goto(`${MOBILE_URL}/home`);
    await page.getByTestId('count-down').first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/home');
    expect(await page.getByTestId('data-age').first().getAttribute('data-stale')).toBe('true');
    // Signed in: the login page sends the user on to its tab.
    await page.goto(`${MOBILE_URL}/login`);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${MOBILE_URL}/me`);
    await page.getByTestId('me-name').waitFor();
    await page.getByTestId('me-offline').waitFor();
    // The signal returns: the kept session is renewed, the profile is current again.
    await context.setOffline(false);
    await page.getByTestId('me-offline').waitFor({ state: 'detached', timeout: 45_000 });
    // Signed out again for the next test, which signs in itself.
    await page.getByTestId('sign-out').click();
    await page.waitForURL((url) => url.pathname.startsWith('/login'));
    await page.close();
  });

  it('scores well on accessibility, signed out and signed in', async () => {
    const login = await lighthouse(`${MOBILE_URL}/login`, 'login');
    // Signed in again: the test above signed out at its end.
    const page = await context.newPage();
    await signIn(page, 'bank-a.wuhan', PASSWORD);
    await page.close();
    const home = await lighthouse(`${MOBILE_URL}/home`, 'home');
    expect(new URL(home.finalDisplayedUrl).pathname).toBe('/home');
    const scores = Object.fromEntries(
      (
        [
          ['login', login],
          ['home', home],
        ] as const
      ).map(([name, r]) => [
        name,
        Object.fromEntries(Object.entries(r.categories).map(([k, v]) => [k, v.score])),
      ]),
    );
    writeFileSync(join(ARTIFACTS, 'lighthouse-scores.json'), JSON.stringify(scores, null, 2));
    process.stderr.write(`\n[lighthouse] ${JSON.stringify(scores)}\n`);
    expect(login.categories['accessibility']?.score).toBeGreaterThanOrEqual(0.9);
    expect(home.categories['accessibility']?.score).toBeGreaterThanOrEqual(0.9);
  });
});
