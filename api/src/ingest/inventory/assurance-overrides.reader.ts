import type { Collection, Db } from 'mongodb';

import type { AssuranceOverrideDocument } from '../../assurance/assurance-window.document';
import { COLLECTIONS } from '../../database/collections';
import type { ConditionThresholds } from '../alarms/sample-conditions';

/**
 * The assurance overrides in force (api/src/assurance): per device a shorter poll
 * interval and, for the circuits' end interfaces, tighter thresholds. The collection
 * holds a few documents per approved window; the ingestion reads all that have not
 * ended once per `ttlMs` and decides per sample by its poll time.
 */
export class AssuranceOverridesReader {
  private cache: { loadedAt: number; docs: AssuranceOverrideDocument[] } | null = null;
  private readonly overrides: Collection<AssuranceOverrideDocument>;

  constructor(
    db: Db,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.overrides = db.collection(COLLECTIONS.assuranceOverrides);
  }

  async load(): Promise<ActiveOverrides> {
    const t = this.now();
    if (!this.cache || t - this.cache.loadedAt >= this.ttlMs) {
      const docs = await this.overrides.find({ until: { $gt: new Date(t) } }).toArray();
      this.cache = { loadedAt: t, docs };
    }
    return new ActiveOverrides(this.cache.docs);
  }
}

export class ActiveOverrides {
  private readonly byDevice = new Map<string, AssuranceOverrideDocument[]>();

  constructor(docs: readonly AssuranceOverrideDocument[]) {
    for (const d of docs)
      this.byDevice.set(d.deviceId, [...(this.byDevice.get(d.deviceId) ?? []), d]);
  }

  private running(deviceId: string, at: Date): AssuranceOverrideDocument[] {
    return (this.byDevice.get(deviceId) ?? []).filter(
      (d) => new Date(d.from) <= at && at < new Date(d.until),
    );
  }

  /** The shortest assured poll interval of the device at `at`, if any. */
  pollIntervalSec(deviceId: string, at: Date): number | undefined {
    const list = this.running(deviceId, at);
    return list.length > 0 ? Math.min(...list.map((d) => d.pollIntervalSec)) : undefined;
  }

  /** The tightest thresholds for the interface at `at`, if it is assured. */
  thresholds(
    deviceId: string,
    ifIndex: number,
    at: Date,
  ): Partial<ConditionThresholds> | undefined {
    const list = this.running(deviceId, at).filter((d) => d.ifIndexes.includes(ifIndex));
    if (list.length === 0) return undefined;
    return {
      congestionRaise: Math.min(...list.map((d) => d.thresholds.congestionRaise)),
      congestionClear: Math.min(...list.map((d) => d.thresholds.congestionClear)),
      errorsPerSecRaise: Math.min(...list.map((d) => d.thresholds.errorsPerSecRaise)),
      errorRatioRaise: Math.min(...list.map((d) => d.thresholds.errorRatioRaise)),
    };
  }
}
