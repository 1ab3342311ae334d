import { randomUUID } from 'node:crypto';

import { loadPollerConfig } from '../src/config/collectors-config';
import { snmpSampleContract, type SnmpSample } from '../src/contracts';
import { DevicePoller, newDeviceState } from '../src/poller/device-poller';
import { createPollerApp, type PollerApp } from '../src/poller/poller.factory';
import { OID } from '../src/snmp/if-mib.oids';
import { SnmpNativeSession } from '../src/snmp/snmp-native-session.adapter';
import { freeUdpPort } from './support/free-udp-port.helper';
import { createInventory, element, type InventoryFixture, TEST_MONGO_URL } from './support/inventory.fixture';
import { counterOf, type SnmpdFixture, startSnmpd } from './support/snmpd.fixture';
import { testLogger } from './support/test-logger.helper';
import { readTopic, TEST_BROKERS, type TopicReader } from './support/topic-reader.fixture';

/** Polling Debian's real snmpd: real IF-MIB, real Counter64 values, through Kafka. */
describe('SNMP poller against Debian snmpd', () => {
  let snmpd: SnmpdFixture;
  let session: SnmpNativeSession;

  beforeAll(async () => {
    snmpd = await startSnmpd(await freeUdpPort());
    session = new SnmpNativeSession({ timeoutMs: 1000, retries: 1 });
  });

  afterAll(async () => {
    session?.close();
    await snmpd?.stop();
  });

  it('discovers the interfaces snmpwalk sees and reads exact Counter64 values', async () => {
    const poller = new DevicePoller(session, {
      pollerId: 'it',
      community: 'public',
      port: snmpd.port,
      varbindsPerPdu: 48,
      rediscoverEvery: 10,
      discoveryTimeoutMs: 10000,
    });
    const state = newDeviceState();
    const target = { deviceId: 'snmpd', name: 'snmpd', mgmtIp: '127.0.0.1', intervalSec: 60 };

    const walked = snmpd.snmpwalk(OID.ifIndex).map((l) => Number(/INTEGER:\s*(\d+)/.exec(l)?.[1]));
    // ifHCInOctets of every interface, before and after our poll: counters only grow.
    const hcOids = walked.map((i) => `${OID.ifHCInOctets}.${i}`);
    const before = snmpd.snmpget(...hcOids).map(counterOf);
    const result = await poller.poll(target, state);
    const after = snmpd.snmpget(...hcOids).map(counterOf);

    expect(result.discovered).toBe(true);
    expect(state.interfaces?.map((i) => i.ifIndex)).toEqual(walked);
    expect(result.sample.interfaces.map((i) => i.ifIndex)).toEqual(walked);
    walked.forEach((ifIndex, k) => {
      const polled = BigInt(result.sample.interfaces.find((i) => i.ifIndex === ifIndex)!.inOctets);
      expect(polled).toBeGreaterThanOrEqual(before[k]!);
      expect(polled).toBeLessThanOrEqual(after[k]!);
    });
    // One GET carried sysUpTime and all 8 columns of every interface (≤ 48 varbinds).
    expect(result.varbinds).toBe(1 + 8 * walked.length);

    const second = await poller.poll(target, state);
    expect(second.discovered).toBe(false);
    expect(second.pdus).toBe(Math.ceil((1 + 8 * walked.length) / 48));
    expect(second.sample.sysUpTime).toBeGreaterThanOrEqual(result.sample.sysUpTime);
  });

  it('fails a silent device after its timeouts without blocking', async () => {
    const deadPort = await freeUdpPort();
    const poller = new DevicePoller(session, { pollerId: 'it', community: 'public', port: deadPort, varbindsPerPdu: 48, rediscoverEvery: 10, discoveryTimeoutMs: 5000 });
    await expect(poller.poll({ deviceId: 'dead', name: 'dead', mgmtIp: '127.0.0.1', intervalSec: 60 }, newDeviceState())).rejects.toThrow(/Timeout/);
  });

  describe('poller process composition (inventory on FerretDB → snmpd → Kafka)', () => {
    let inventory: InventoryFixture;
    let reader: TopicReader<SnmpSample>;
    const apps: PollerApp[] = [];
    const group = `circuitcare-pollers-it-${randomUUID()}`;
    const config = (instance: string) =>
      loadPollerConfig({
        KAFKA_BROKERS: TEST_BROKERS.join(','),
        MONGO_URL: TEST_MONGO_URL,
        MONGO_DB: inventory.dbName,
        POLLER_GROUP: group,
        COLLECTOR_INSTANCE_ID: instance,
        SNMP_PORT: String(snmpd.port),
        SNMP_TIMEOUT_MS: '300',
        SNMP_RETRIES: '0',
        POLLER_TARGET_REFRESH_SEC: '5',
        POLLER_METRICS_LOG_SEC: '0',
      });

    beforeAll(async () => {
      inventory = await createInventory();
      reader = await readTopic(snmpSampleContract);
    });

    afterAll(async () => {
      for (const app of apps) await app.stop();
      await reader?.stop();
      await inventory?.drop();
    });

    it('publishes one contract-valid SnmpSample per device poll, keyed by deviceId', async () => {
      const deviceId = `it-snmpd-${randomUUID()}`;
      await inventory.insertElements([element(deviceId, '127.0.0.1', 2)]);
      const app = createPollerApp(config('poller-solo'), testLogger('poller-it'), (e) => {
        throw e;
      });
      apps.push(app);
      await app.start();

      const found = await reader.waitFor('a sample of the snmpd device', (values) => values.find((m) => m.value.deviceId === deviceId));
      expect(found.key).toBe(deviceId);
      expect(found.value).toMatchObject({ v: 1, mgmtIp: '127.0.0.1', pollerId: 'poller-solo', sampleId: `${deviceId}@${found.value.polledAt}` });
      expect(found.value.interfaces.length).toBeGreaterThan(0);
      for (const i of found.value.interfaces) expect(i.inOctets).toMatch(/^\d+$/);
      expect(reader.violations.filter((v) => v.key === deviceId)).toEqual([]);
      await app.stop();
      apps.pop();
    });
  });
});
