/** Stops the mobile web server and the stack the global setup started. */
export default async function globalTeardown(): Promise<void> {
  const running = globalThis.__MOBILE_E2E__;
  globalThis.__MOBILE_E2E__ = undefined;
  if (!running) return;
  if (running.mobile.exitCode === null) {
    const exited = new Promise<void>((r) => running.mobile.once('exit', () => r()));
    running.mobile.kill('SIGTERM');
    await exited;
  }
  await running.stack.stop();
}
