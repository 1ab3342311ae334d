import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { WebStack } from '../../../bench/support/web-stack';
import { ARTIFACTS, MOBILE_PORT, MOBILE_STACK, MOBILE_URL } from './mobile-e2e-config';

declare global {
  var __MOBILE_E2E__: { stack: WebStack; mobile: ChildProcess } | undefined;
}

/**
 * The demo stack (bench/support/web-stack.ts) on ports of its own, and the mobile app's
 * production build behind the same static web server with /api proxied, as `npm run demo`
 * serves it on 8100.
 */
export default async function globalSetup(): Promise<void> {
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(MOBILE_STACK.logDir, { recursive: true });
  const started = Date.now();
  const stack = new WebStack(MOBILE_STACK);
  const mobileRoot = join(stack.root, 'mobile', 'dist', 'browser');
  if (!existsSync(join(mobileRoot, 'index.html'))) {
    throw new Error(`no mobile build at ${mobileRoot} (npx ng build mobile)`);
  }
  await stack.start();
  const log = createWriteStream(join(MOBILE_STACK.logDir, 'mobile.log'), { flags: 'a' });
  const mobile = spawn(
    'node',
    [
      'demo/dist/web-server/web-server-cli.js',
      '--root',
      mobileRoot,
      '--port',
      String(MOBILE_PORT),
      '--api',
      `http://127.0.0.1:${MOBILE_STACK.ports.api}`,
    ],
    { cwd: stack.root, env: stack.env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  mobile.stdout.pipe(log);
  mobile.stderr.pipe(log);
  globalThis.__MOBILE_E2E__ = { stack, mobile };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      mobile.kill('SIGTERM');
      void stack.stop().finally(() => process.exit(130));
    });
  }
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${MOBILE_URL}/`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${MOBILE_URL} not serving after 30 s`);
    await new Promise((r) => setTimeout(r, 300));
  }
  process.stderr.write(
    `\n[mobile e2e] stack ready in ${((Date.now() - started) / 1000).toFixed(1)}s at ${MOBILE_URL}\n`,
  );
}
