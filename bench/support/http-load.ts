import autocannon from 'autocannon';

export interface LoadResult {
  label: string;
  path: string;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  ok: number;
  /** Anything but 2xx (429 would mean the rate limits were not raised), errors and timeouts. */
  failed: number;
  statuses: string;
  /** Filled by the caller when it can see the server's CPU time. */
  apiCpuMsPerRequest?: number;
}

/** `connections` keep-alive clients hammering one GET for `seconds`, autocannon's figures. */
export async function loadGet(
  label: string,
  url: string,
  token: string,
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  const r = await autocannon({
    url,
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${token}` },
    timeout: 30,
  });
  return {
    label,
    path: new URL(url).pathname,
    requestsPerSec: r.requests.average,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    ok: r['2xx'],
    failed: r.non2xx + r.errors + r.timeouts,
    statuses: Object.entries(r.statusCodeStats)
      .map(([code, s]) => `${code}×${s.count}`)
      .join(' '),
  };
}
