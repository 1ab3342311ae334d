import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';

import { CHROMIUM, CHROMIUM_ARGS } from '../../../bench/support/chromium';
import { ARTIFACTS } from './e2e-config';

export { CHROMIUM, CHROMIUM_ARGS };

function keepConsole(line: string): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  appendFileSync(join(ARTIFACTS, 'console.log'), `${new Date().toISOString()} ${line}\n`);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/**
 * A fresh browser profile as a new user has it, at a desktop size, in the language
 * asked for (the portal defaults to zh-CN), with axe-core loaded into every page. axe
 * comes as an init script (DevTools protocol): the portal's CSP (script-src 'self')
 * refuses injected <script> tags, and the tests must not loosen it.
 */
export async function newE2eContext(
  browser: Browser,
  options: {
    language?: 'zh-CN' | 'en';
    width?: number;
    height?: number;
    colorScheme?: 'light' | 'dark';
  } = {},
): Promise<BrowserContext> {
  const { language = 'en', width = 1440, height = 900, colorScheme = 'light' } = options;
  // The portal follows the system's colour scheme until the user picks one.
  const context = await browser.newContext({ viewport: { width, height }, colorScheme });
  // A 2-core CI box shared with the API's report jobs answers slowly at times.
  context.setDefaultTimeout(60_000);
  await context.addInitScript((lang) => {
    try {
      localStorage.setItem('cc.language', lang);
    } catch {
      // about:blank has no storage; the portal's own pages do.
    }
  }, language);
  await context.addInitScript({ path: require.resolve('axe-core/axe.min.js') });
  // What the pages say on their console goes with the artefacts: a failed run explains itself.
  context.on('page', (page) => {
    page.on('pageerror', (e) => keepConsole(`pageerror ${page.url()} ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning')
        keepConsole(`${m.type()} ${page.url()} ${m.text()}`);
    });
  });
  return context;
}

/** Fills the login form as a person would and waits for the first page after it. */
export async function signIn(
  page: Page,
  baseUrl: string,
  username: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('username').fill(username);
  await page.getByTestId('password').fill(password);
  await page.getByTestId('sign-in').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
