import { rmSync } from 'node:fs';

import { WebStack } from '../../../bench/support/web-stack';
import { ARTIFACTS, E2E_STACK } from './e2e-config';

declare global {
  var __E2E_STACK__: WebStack | undefined;
}

/** Starts the demo stack once for all specs; the teardown stops it. */
export default async function globalSetup(): Promise<void> {
  rmSync(ARTIFACTS, { recursive: true, force: true });
  const started = Date.now();
  const stack = new WebStack(E2E_STACK);
  await stack.start();
  globalThis.__E2E_STACK__ = stack;
  // Interrupted (Ctrl-C, CI timeout): jest skips the teardown, so stop the stack here.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void stack.stop().finally(() => process.exit(130));
    });
  }
  process.stderr.write(
    `\n[e2e] demo stack ready in ${((Date.now() - started) / 1000).toFixed(1)}s at ${stack.webUrl}\n`,
  );
}
