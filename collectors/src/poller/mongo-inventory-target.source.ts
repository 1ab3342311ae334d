import type { Db } from 'mongodb';

import type { NetworkElement } from '@circuitcare/topology';

import type { PollTarget, TargetSource } from './poll-target.model';

/** Name of the inventory collection (the API's COLLECTIONS.elements). */
export const ELEMENTS_COLLECTION = 'elements';
/** Key-period assurance overrides written by the API (its COLLECTIONS.assuranceOverrides). */
export const ASSURANCE_OVERRIDES_COLLECTION = 'assuranceOverrides';

/** The part of an override the poller reads: poll the device every `pollIntervalSec` in [from, until). */
interface OverrideFields {
  deviceId: string;
  pollIntervalSec: number;
  from: Date;
  until: Date;
}

/** Per device, the shortest interval of the overrides in force at `now`. */
export function assuredIntervals(
  overrides: readonly OverrideFields[],
  now: Date,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const o of overrides) {
    if (!(o.from <= now && now < o.until) || !(o.pollIntervalSec >= 1)) continue;
    out.set(o.deviceId, Math.min(out.get(o.deviceId) ?? Infinity, Math.floor(o.pollIntervalSec)));
  }
  return out;
}

type ElementFields = Pick<NetworkElement, '_id' | 'name' | 'mgmtIp' | 'pollIntervalSec'>;

/**
 * Reads the targets straight from the inventory's `elements` collection: the poller
 * needs four fields and no business logic, so going through the API would only add
 * a dependency that can be down.
 */
export class MongoInventoryTargetSource implements TargetSource {
  constructor(
    private readonly db: Db,
    private readonly defaultIntervalSec: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(): Promise<PollTarget[]> {
    const docs = await this.db
      .collection<ElementFields>(ELEMENTS_COLLECTION)
      .find({}, { projection: { _id: 1, name: 1, mgmtIp: 1, pollIntervalSec: 1 } })
      .toArray();
    // During an approved key-period assurance window the circuits' end devices are polled
    // faster; the scheduler reschedules a target whose interval changed on the next refresh.
    const now = this.now();
    const overrides = await this.db
      .collection<OverrideFields>(ASSURANCE_OVERRIDES_COLLECTION)
      .find(
        { until: { $gt: now } },
        { projection: { _id: 0, deviceId: 1, pollIntervalSec: 1, from: 1, until: 1 } },
      )
      .toArray();
    const assured = assuredIntervals(overrides, now);
    return docs
      .filter((d) => typeof d.mgmtIp === 'string' && d.mgmtIp.length > 0)
      .map((d) => ({
        deviceId: String(d._id),
        name: typeof d.name === 'string' ? d.name : String(d._id),
        mgmtIp: d.mgmtIp,
        intervalSec: Math.min(
          assured.get(String(d._id)) ?? Infinity,
          typeof d.pollIntervalSec === 'number' && d.pollIntervalSec >= 1
            ? Math.floor(d.pollIntervalSec)
            : this.defaultIntervalSec,
        ),
      }));
  }
}
