import type { NetworkElement } from '@circuitcare/topology';
import type { Db } from 'mongodb';

import type { PollTarget, TargetSource } from './poll-target.model';

/** Name of the inventory collection (the API's COLLECTIONS.elements). */
export const ELEMENTS_COLLECTION = 'elements';

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
  ) {}

  async list(): Promise<PollTarget[]> {
    const docs = await this.db
      .collection<ElementFields>(ELEMENTS_COLLECTION)
      .find({}, { projection: { _id: 1, name: 1, mgmtIp: 1, pollIntervalSec: 1 } })
      .toArray();
    return docs
      .filter((d) => typeof d.mgmtIp === 'string' && d.mgmtIp.length > 0)
      .map((d) => ({
        deviceId: String(d._id),
        name: typeof d.name === 'string' ? d.name : String(d._id),
        mgmtIp: d.mgmtIp,
        intervalSec:
          typeof d.pollIntervalSec === 'number' && d.pollIntervalSec >= 1 ? Math.floor(d.pollIntervalSec) : this.defaultIntervalSec,
      }));
  }
}
