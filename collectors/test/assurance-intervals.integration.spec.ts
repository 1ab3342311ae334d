import {
  ASSURANCE_OVERRIDES_COLLECTION,
  MongoInventoryTargetSource,
} from '../src/poller/mongo-inventory-target.source';
import { createInventory, element, type InventoryFixture } from './support/inventory.fixture';

/**
 * The poller's side of key-period assurance, on FerretDB: an override the API wrote for a
 * running window shortens the device's interval; one not yet started or ended does not.
 */
describe('poll targets under key-period assurance', () => {
  let inventory: InventoryFixture;

  beforeAll(async () => {
    inventory = await createInventory();
    await inventory.insertElements([
      element('cpe-a', '127.29.0.1', 60),
      element('cpe-b', '127.29.0.2', 300),
      element('cpe-c', '127.29.0.3', 60),
    ]);
    const now = Date.now();
    await inventory.db.collection(ASSURANCE_OVERRIDES_COLLECTION).insertMany([
      {
        _id: 'as-1|cpe-a',
        windowId: 'as-1',
        deviceId: 'cpe-a',
        ifIndexes: [2],
        pollIntervalSec: 10,
        from: new Date(now - 60_000),
        until: new Date(now + 3600_000),
      },
      {
        _id: 'as-2|cpe-b',
        windowId: 'as-2',
        deviceId: 'cpe-b',
        ifIndexes: [2],
        pollIntervalSec: 10,
        from: new Date(now + 3600_000),
        until: new Date(now + 7200_000),
      },
      {
        _id: 'as-3|cpe-c',
        windowId: 'as-3',
        deviceId: 'cpe-c',
        ifIndexes: [2],
        pollIntervalSec: 10,
        from: new Date(now - 7200_000),
        until: new Date(now - 3600_000),
      },
    ] as never[]);
  });

  afterAll(async () => {
    await inventory?.drop();
  });

  it('polls only the devices of running windows faster', async () => {
    const targets = await new MongoInventoryTargetSource(inventory.db, 60).list();
    const interval = Object.fromEntries(targets.map((t) => [t.deviceId, t.intervalSec]));
    expect(interval).toEqual({ 'cpe-a': 10, 'cpe-b': 300, 'cpe-c': 60 });
  });
});
