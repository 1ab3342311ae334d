/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

import { type Browser, type Page, chromium } from 'playwright-core';

import { argNumber, fmt, median } from './support/bench-util';
import { CHROMIUM, CHROMIUM_ARGS } from './support/chromium';
import { WebStack, findRepoRoot } from './support/web-stack';

/**
 * npm run bench:web — the web portal's production build in Debian's headless Chromium
 * against the demo (seed 2026: two banks, 564 circuits) started on ports and a database
 * of its own (bench/support/web-stack.ts), everything stopped at the end:
 *
 * 1. first meaningful render of the overview after login: from the click on "sign in"
 *    to the overview's health figures (the circuit count in the first KPI) on screen,
 *    in a fresh profile each round;
 * 2. frames per second while panning the customer topology of bank-a (the full demo
 *    customer: every site, access and core element) with the mouse for `--pan-seconds`;
 * 3. time to render a year of 5-minute samples (105,120 points per series) on a
 *    circuit's performance chart: the API's answer for the circuit is replaced by a
 *    year of samples, timed from the answer to the first frame painted after the chart
 *    drew them.
 *
 * Options: --rounds 5 --pan-seconds 5
 */
const rounds = argNumber('--rounds', 5);
const panSeconds = argNumber('--pan-seconds', 5);
const PASSWORD = 'Bench#Web2026';
const root = findRepoRoot(__dirname);
/** Screenshots of the pages measured (git-ignored; the README's are in docs/screenshots/web). */
const SHOTS = join(root, 'artifacts', 'bench-web');

const stack = new WebStack({
  db: 'cc_bench_web',
  ports: { api: 28100, web: 28200, snmp: 28161, simulatorControl: 28181, trap: 28162 },
  password: PASSWORD,
  logDir: join(root, '.local', 'run', 'bench-web'),
});

async function signIn(page: Page, username: string): Promise<number> {
  await page.goto(`${stack.webUrl}/login`);
  await page.getByTestId('username').fill(username);
  await page.getByTestId('password').fill(PASSWORD);
  const t0 = await page.evaluate(() => performance.now());
  await page.getByTestId('sign-in').click();
  return t0;
}

/** Waits in the page for two animation frames: what was drawn before is on screen. */
const painted = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))),
      ),
  );

async function overviewRender(browser: Browser): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const t0 = await signIn(page, 'bank-a.admin');
    await page.waitForFunction(
      () => {
        const v = document.querySelector('[data-testid=kpis] .kpi-value')?.textContent ?? '';
        return /\d/.test(v);
      },
      undefined,
      { timeout: 240_000, polling: 'raf' },
    );
    const t1 = await painted(page);
    times.push(t1 - t0);
    if (i === rounds - 1) {
      await page.waitForTimeout(1500); // the map and the lists after the figures
      await page.screenshot({ path: join(SHOTS, 'overview.png') });
    }
    await context.close();
  }
  return times;
}

async function topologyPan(browser: Browser): Promise<{ fps: number; worstFrameMs: number }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signIn(page, 'bank-a.admin');
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await page.goto(`${stack.webUrl}/topology`);
  const canvas = page.locator('canvas').first();
  await canvas.waitFor({ timeout: 90_000 });
  await page.waitForTimeout(2000); // layout and first render settle
  await page.screenshot({ path: join(SHOTS, 'topology.png') });
  const box = await canvas.boundingBox();
  if (!box) throw new Error('no topology canvas');
  // Start on the background near a corner (a drag there pans; on a node it would move it).
  const cx = box.x + Math.min(160, box.width / 4);
  const cy = box.y + Math.min(140, box.height / 4);

  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __counting: boolean };
    w.__frames = [];
    w.__counting = true;
    const tick = (t: number) => {
      w.__frames.push(t);
      if (w.__counting) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  const end = Date.now() + panSeconds * 1000;
  let step = 0;
  while (Date.now() < end) {
    // A slow circle of 120 px: the whole graph moves under the pointer.
    step++;
    const a = step / 15;
    await page.mouse.move(cx + Math.cos(a) * 120, cy + Math.sin(a) * 100, { steps: 2 });
  }
  await page.mouse.up();
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __counting: boolean };
    w.__counting = false;
    return w.__frames;
  });
  await context.close();
  const span = (frames[frames.length - 1]! - frames[0]!) / 1000;
  let worst = 0;
  for (let i = 1; i < frames.length; i++) worst = Math.max(worst, frames[i]! - frames[i - 1]!);
  return { fps: (frames.length - 1) / span, worstFrameMs: worst };
}

interface Series {
  points: Record<string, unknown>[];
  from: string;
  to: string;
  granularity: string;
}

/** A year of 5-minute samples ending now, traffic moving like a working day. */
function yearOfSamples(base: Series, bandwidthBps: number): Series {
  const step = 300_000;
  const to = Math.floor(Date.now() / step) * step;
  const from = to - 365 * 86_400_000;
  const points: Record<string, unknown>[] = [];
  for (let t = from; t < to; t += step) {
    const hour = new Date(t).getUTCHours();
    const load = 0.25 + 0.45 * Math.max(0, Math.sin(((hour + 8 - 6) / 24) * 2 * Math.PI));
    const jitter = ((t / step) % 17) / 170;
    const inBps = bandwidthBps * Math.min(0.98, load + jitter);
    const outBps = inBps * 0.6;
    points.push({
      t: new Date(t).toISOString(),
      inBps,
      outBps,
      inBpsMax: inBps * 1.1,
      outBpsMax: outBps * 1.1,
      inBpsP95: null,
      outBpsP95: null,
      inUtil: inBps / bandwidthBps,
      outUtil: outBps / bandwidthBps,
      errorsPerSec: 0,
      discardsPerSec: 0,
    });
  }
  return {
    ...base,
    granularity: '5m',
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    points,
  };
}

async function yearChart(browser: Browser): Promise<{ ms: number[]; points: number }> {
  const times: number[] = [];
  let count = 0;
  for (let i = 0; i < Math.min(rounds, 3); i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await signIn(page, 'bank-a.admin');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    let answeredAt = 0;
    await page.route(/\/api\/v1\/circuits\/[^/]+\/performance(\?|$)/, async (route) => {
      const real = await route.fetch();
      const base = (await real.json()) as Series & { bandwidthBps: number };
      const year = yearOfSamples(base, base.bandwidthBps || 10_000_000);
      count = year.points.length;
      const body = JSON.stringify(year);
      answeredAt = await page.evaluate(() => performance.now());
      await route.fulfill({
        response: real,
        body,
        headers: { 'content-type': 'application/json' },
      });
    });
    await page.goto(`${stack.webUrl}/circuits/bank-a-MPLS-0001`);
    await page.locator('[data-testid=performance] canvas').waitFor({ timeout: 120_000 });
    // The chart draws on the frame after its options are set; wait until the main thread
    // is free again (the page answers) and two more frames went by.
    const t1 = await painted(page);
    times.push(t1 - answeredAt);
    await context.close();
  }
  return { ms: times, points: count };
}

async function main(): Promise<void> {
  const started = Date.now();
  console.log('bench:web — starting the demo stack (seed 2026) on ports 28100/28200 …');
  mkdirSync(SHOTS, { recursive: true });
  await stack.start();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  try {
    const version = browser.version();
    const overview = await overviewRender(browser);
    const pan = await topologyPan(browser);
    const chart = await yearChart(browser);
    const ms = (v: number) => `${fmt(v, 0)} ms`;
    console.log(`
Chromium ${version} headless, ${cpus().length} CPUs, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}, ${new Date().toISOString()}

  overview: first meaningful render after sign-in (${rounds} fresh profiles)
    median ${ms(median(overview))}   min ${ms(Math.min(...overview))}   max ${ms(Math.max(...overview))}
  customer topology of bank-a: panning ${panSeconds} s with the mouse
    ${fmt(pan.fps, 1)} frames/s   longest frame ${ms(pan.worstFrameMs)}
  performance chart: a year of 5-minute samples (${chart.points.toLocaleString('en-US')} points per series)
    median ${ms(median(chart.ms))}   (${chart.ms.map((v) => fmt(v, 0)).join(', ')} ms)

  total ${fmt((Date.now() - started) / 1000, 0)} s`);
  } finally {
    await browser.close();
    await stack.stop();
  }
}

main().catch(async (e: unknown) => {
  console.error(`bench:web failed: ${e instanceof Error ? e.message : String(e)}`);
  await stack.stop().catch(() => undefined);
  process.exit(1);
});
