export interface DependencyStatus {
  status: 'up' | 'down';
  latencyMs: number;
  error?: string;
}

/** Runs one probe with a deadline, measuring its latency; never throws. */
export async function timedCheck(
  probe: () => Promise<unknown>,
  timeoutMs: number,
): Promise<DependencyStatus> {
  const started = process.hrtime.bigint();
  const elapsed = (): number => Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { status: 'up', latencyMs: elapsed() };
  } catch (error) {
    return {
      status: 'down',
      latencyMs: elapsed(),
      error: error instanceof Error ? error.message : String(error),
    };
  } finally {
    clearTimeout(timer);
  }
}
