import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';

import { ARTIFACTS, DOC_SCREENSHOTS, MOBILE_URL } from './mobile-e2e-config';

/** Debian's Chromium, headless, with nothing reaching out beyond loopback. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** A phone: 390×844 CSS pixels, touch, a mobile user agent; zh-CN, the app's first language. */
export function newPhone(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    userAgent:
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36',
  });
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto(`${MOBILE_URL}/login`);
  await page.getByTestId('username').locator('input').fill(username);
  await page.getByTestId('password').locator('input').fill(password);
  await page.getByTestId('sign-in').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** A screenshot under artifacts/; `doc` also copies it to docs/screenshots/mobile/. */
export async function shot(page: Page, name: string, doc = false): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name}.png`);
  // Ionic animates page transitions: let them finish.
  await page.waitForTimeout(400);
  await page.screenshot({ path: file });
  if (doc) {
    mkdirSync(DOC_SCREENSHOTS, { recursive: true });
    copyFileSync(file, join(DOC_SCREENSHOTS, `${name}.png`));
  }
}

/**
 * The copy of a test id on the page in front: Ionic keeps the earlier pages of a stack in
 * the DOM, hidden and detached from change detection (so their copies go stale).
 */
export function visible(page: Page, testId: string) {
  return page.locator(`[data-testid="${testId}"]:not(.ion-page-hidden *)`).first();
}
