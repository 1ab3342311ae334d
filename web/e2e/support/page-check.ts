import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import { ARTIFACTS } from './e2e-config';

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** A screenshot of the page as it is now, kept under artifacts/e2e/screens/<name>.png. */
export async function keepScreenshot(page: Page, name: string): Promise<string> {
  const dir = join(ARTIFACTS, 'screens');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * axe-core (WCAG 2.1 A/AA rules) on the page as it is now. Every violation goes to
 * artifacts/e2e/axe/<name>.json; the serious and critical ones are returned, one line
 * each, so that a failing assertion says what and where.
 */
export async function seriousAxeViolations(page: Page, name: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window)))
    throw new Error('axe-core is not loaded: open pages in a context from newE2eContext()');
  // Contrast is judged on what a user reads once the page is still: a message fading in
  // (Material's form-field errors) is half transparent for a few hundred ms. Endless
  // animations (progress bars, the live dot) are left running.
  await page.evaluate(() =>
    Promise.race([
      Promise.all(
        document
          .getAnimations()
          .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
          .map((a) => a.finished.catch(() => undefined)),
      ),
      new Promise((r) => setTimeout(r, 2000)),
    ]),
  );
  const violations = (await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
      resultTypes: ['violations'],
    });
    return result.violations;
  })) as AxeViolation[];
  const dir = join(ARTIFACTS, 'axe');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(violations, null, 2));
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}${v.nodes.length > 3 ? ` (+${v.nodes.length - 3})` : ''}`,
    );
}

/** The check every page passes: a screenshot kept, no serious or critical axe violation. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await keepScreenshot(page, name);
  expect(await seriousAxeViolations(page, name)).toEqual([]);
}
