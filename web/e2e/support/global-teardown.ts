/** Stops what the global setup started: processes, the lease of the local stack, the database. */
export default async function globalTeardown(): Promise<void> {
  const stack = globalThis.__E2E_STACK__;
  globalThis.__E2E_STACK__ = undefined;
  await stack?.stop();
}
