import { randomUUID } from 'node:crypto';

import { loadPollerConfig } from '../src/config/collectors-config';
import type { PartitionOwnership } from '../src/kafka/group-membership.port';
import { createPollerApp, type PollerApp } from '../src/poller/poller.factory';
import { freeUdpPort } from './support/free-udp-port.helper';
import { createInventory, element, type InventoryFixture, TEST_MONGO_URL } from './support/inventory.fixture';
import { testLogger } from './support/test-logger.helper';
import { TEST_BROKERS } from './support/topic-reader.fixture';
import { waitFor } from './support/wait-for.helper';

interface Observed {
  app: PollerApp;
  ownership: PartitionOwnership | null;
  targets: string[];
}

/**
 * Two pollers in one consumer group on the real broker split the inventory: their
 * target sets are disjoint and together cover every target; when one leaves, the
 * other adopts everything.
 */
describe('pollers share the targets through a Kafka consumer group', () => {
  let inventory: InventoryFixture;
  const group = `circuitcare-pollers-it-${randomUUID()}`;
  const ids = Array.from({ length: 60 }, (_, i) => `it-share-${i}`);
  const pollers: Observed[] = [];
  let silentPort: number;

  beforeAll(async () => {
    inventory = await createInventory();
    // Hour-long intervals on a port where nobody answers: this test is about who owns what, not polling.
    silentPort = await freeUdpPort();
    await inventory.insertElements(ids.map((id) => element(id, '127.0.0.1', 3600)));
  });

  afterAll(async () => {
    for (const p of pollers) await p.app.stop();
    await inventory?.drop();
  });

  async function startPoller(instance: string): Promise<Observed> {
    const config = loadPollerConfig({
      KAFKA_BROKERS: TEST_BROKERS.join(','),
      MONGO_URL: TEST_MONGO_URL,
      MONGO_DB: inventory.dbName,
      POLLER_GROUP: group,
      COLLECTOR_INSTANCE_ID: instance,
      SNMP_PORT: String(silentPort),
      POLLER_METRICS_LOG_SEC: '0',
    });
    const observed: Observed = { app: createPollerApp(config, testLogger(instance), () => undefined), ownership: null, targets: [] };
    observed.app.service.onOwnershipChange((ownership, targets) => {
      observed.ownership = ownership;
      observed.targets = targets;
    });
    pollers.push(observed);
    await observed.app.start();
    return observed;
  }

  const settledSplit = (a: Observed, b: Observed) =>
    a.ownership !== null &&
    b.ownership !== null &&
    a.ownership.partitions.length > 0 &&
    b.ownership.partitions.length > 0 &&
    a.ownership.partitions.length + b.ownership.partitions.length === a.ownership.partitionCount;

  it('splits disjointly, covers everything, and hands over on leave', async () => {
    const a = await startPoller('poller-a');
    await waitFor('poller A to own every partition', () => a.ownership !== null && a.ownership.partitions.length === a.ownership.partitionCount);
    expect(a.targets).toEqual([...ids].sort());

    const b = await startPoller('poller-b');
    await waitFor('the group to split between A and B', () => settledSplit(a, b), 90000);

    const partitionsA = new Set(a.ownership!.partitions);
    expect(b.ownership!.partitions.filter((p) => partitionsA.has(p))).toEqual([]);
    const targetsA = new Set(a.targets);
    expect(b.targets.filter((t) => targetsA.has(t))).toEqual([]);
    expect([...a.targets, ...b.targets].sort()).toEqual([...ids].sort());
    expect(a.targets.length).toBeGreaterThan(0);
    expect(b.targets.length).toBeGreaterThan(0);

    // B leaves the group (graceful stop): A adopts B's targets.
    await b.app.stop();
    pollers.splice(pollers.indexOf(b), 1);
    await waitFor('poller A to adopt everything again', () => a.targets.length === ids.length, 90000);
    expect(a.targets).toEqual([...ids].sort());
  });
});
