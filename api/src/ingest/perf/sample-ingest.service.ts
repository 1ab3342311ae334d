import type { AlarmIngestService } from '../alarms/alarm-ingest.service';
import type { IngestStats } from '../ingest-stats';
import type { AssuranceOverridesReader } from '../inventory/assurance-overrides.reader';
import type { IngestInventoryRepository } from '../inventory/ingest-inventory.repository';
import { DEFAULT_POLL_INTERVAL_SEC } from '../inventory/ingest-inventory.repository';
import { interfaceKey } from './perf-buckets';
import type { PerfRepository } from './perf.repository';
import { type SampleMessage, planSamples } from './sample-plan';

/**
 * Samples → rates, buckets and poll-derived alarms for one chunk of one partition.
 * Loads what the plan needs, then writes wave by wave (see sample-plan.ts).
 */
export class SampleIngestService {
  constructor(
    private readonly perf: PerfRepository,
    private readonly inventory: IngestInventoryRepository,
    private readonly alarms: AlarmIngestService,
    private readonly stats: IngestStats,
    private readonly assurance?: AssuranceOverridesReader,
  ) {}

  async ingest(messages: readonly SampleMessage[], heartbeat: () => Promise<void>): Promise<void> {
    if (messages.length === 0) return;
    const keys: string[] = [];
    const deviceIds = new Set<string>();
    for (const { sample } of messages) {
      deviceIds.add(sample.deviceId);
      for (const itf of sample.interfaces) keys.push(interfaceKey(sample.deviceId, itf.ifIndex));
    }
    const [states, facts, intervals, assured] = await Promise.all([
      this.perf.loadStates(keys),
      this.inventory.interfaceFacts(keys),
      this.inventory.pollIntervals([...deviceIds]),
      this.assurance?.load(),
    ]);
    const plan = planSamples(messages, {
      states,
      interfaceFacts: (key) => facts.get(key),
      // Under key-period assurance the device is polled faster, but the gap tolerance
      // stays that of its usual interval: a missed fast poll must not void the rate.
      expectedIntervalSec: (deviceId) => intervals.get(deviceId) ?? DEFAULT_POLL_INTERVAL_SEC,
      thresholdsFor: (key, at) => {
        const split = key.lastIndexOf(':');
        return assured?.thresholds(key.slice(0, split), Number(key.slice(split + 1)), at);
      },
    });

    const effects = this.alarms.newEffects();
    for (const wave of plan.waves) {
      this.stats.duplicateWrites += await this.perf.writePoints(wave.points);
      // Alarm events in sample order; they are rare (transitions only).
      for (const event of wave.alarmEvents) {
        const outcome = await this.alarms.apply(event, effects);
        this.stats.alarmOutcomes[outcome] = (this.stats.alarmOutcomes[outcome] ?? 0) + 1;
      }
      this.stats.duplicateWrites += await this.perf.writeStates(wave.states);
      if (plan.waves.length > 1) await heartbeat();
    }
    await this.alarms.settle(effects);

    this.stats.sampleMessages += messages.length;
    this.stats.interfaceSamples += plan.stats.interfaceSamples;
    this.stats.ratePoints += plan.stats.rates;
    this.stats.staleSamples += plan.stats.stale;
    this.stats.baselines += Object.values(plan.stats.baselines).reduce((a, b) => a + b, 0);
  }
}
