/** Counters of one poller process, logged periodically and served on /metrics. */
export class PollerMetrics {
  pollsOk = 0;
  pollsFailed = 0;
  publishFailed = 0;
  varbinds = 0;
  pdus = 0;
  discoveries = 0;
  incompleteInterfaces = 0;
  malformedResponses = 0;
  publishLatencyMsSum = 0;
  publishLatencyMsMax = 0;
  publishCount = 0;
  pollDurationMsSum = 0;
  pollDurationMsMax = 0;

  recordPoll(durationMs: number): void {
    this.pollDurationMsSum += durationMs;
    this.pollDurationMsMax = Math.max(this.pollDurationMsMax, durationMs);
  }

  recordPublish(latencyMs: number): void {
    this.publishCount += 1;
    this.publishLatencyMsSum += latencyMs;
    this.publishLatencyMsMax = Math.max(this.publishLatencyMsMax, latencyMs);
  }

  snapshot(): Record<string, number> {
    const polls = this.pollsOk + this.pollsFailed;
    return {
      pollsOk: this.pollsOk,
      pollsFailed: this.pollsFailed,
      publishFailed: this.publishFailed,
      varbinds: this.varbinds,
      pdus: this.pdus,
      discoveries: this.discoveries,
      incompleteInterfaces: this.incompleteInterfaces,
      malformedResponses: this.malformedResponses,
      pollMsAvg: polls ? Math.round(this.pollDurationMsSum / polls) : 0,
      pollMsMax: Math.round(this.pollDurationMsMax),
      publishMsAvg: this.publishCount ? Math.round(this.publishLatencyMsSum / this.publishCount) : 0,
      publishMsMax: Math.round(this.publishLatencyMsMax),
    };
  }

  /** Prometheus text exposition (counters are cumulative since start). */
  toPrometheus(extra: Record<string, number>): string {
    const all = { ...this.snapshot(), ...extra };
    return Object.entries(all)
      .map(([k, v]) => `cc_poller_${k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)} ${v}`)
      .join('\n')
      .concat('\n');
  }
}
