import { type Db, MongoClient } from 'mongodb';

import { snmpSampleContract, snmpTrapContract } from '@circuitcare/collectors/contracts';
import type { Circuit } from '@circuitcare/topology';

import { generateDemoNetwork } from '../src/network/demo-network.generator';
import { seedInventory } from '../src/seed/seed-inventory';
import { consumerGroupAtEnd, eventually, PipelineStack, repoRoot } from './support/pipeline-stack';

/**
 * The whole spine, as separate processes on the real engines: the device simulator's
 * fault → linkDown trap from the device's own address → trap receiver → Kafka → the
 * API's ingestion → FerretDB → GET /alarms and GET /circuits/{id} as the bank sees
 * them; and SNMP polling → samples → rates → GET /circuits/{id}/performance.
 */
const DB = 'cc_pipeline_it';
const PASSWORD = 'Pipeline#2026';
const API = 'http://127.0.0.1:25000/api/v1';

interface Page<T> {
  items: T[];
  total: number;
}
interface AlarmDto {
  id: string;
  state: string;
  perceivedSeverity: string;
  probableCause: string;
  alarmedObject: { id: string };
  affectedCircuits: string[];
}

async function login(username: string): Promise<Record<string, string>> {
  const res = await fetch(`${API}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (res.status !== 200 && res.status !== 201) throw new Error(`login ${username}: ${res.status}`);
  const { accessToken } = (await res.json()) as { accessToken: string };
  return { authorization: `Bearer ${accessToken}` };
}

async function getJson<T>(
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${API}${path}`, { headers });
  return { status: res.status, body: (await res.json()) as T };
}

describe('pipeline: simulator → collectors → Kafka → API → MongoDB → API', () => {
  let mongo: MongoClient;
  let db: Db;
  let stack: PipelineStack;
  let circuit: Circuit;
  let bankA: Record<string, string>;
  let bankB: Record<string, string>;

  beforeAll(async () => {
    const inventory = generateDemoNetwork({ seed: 2026 });
    mongo = await MongoClient.connect('mongodb://127.0.0.1:27017/');
    db = mongo.db(DB);
    await db.dropDatabase();
    await seedInventory(db, inventory);
    // One bank-a MPLS circuit; the poller gets only the elements of its route, every 5 s.
    circuit = inventory.circuits.find(
      (c) => c.customerId === 'bank-a' && c.product === 'mpls-vpn',
    )!;
    await db.collection('elements').deleteMany({ _id: { $nin: circuit.routeDeviceIds } as never });
    await db.collection('elements').updateMany({}, { $set: { pollIntervalSec: 5 } });

    stack = new PipelineStack(
      DB,
      { snmp: 25161, simulatorControl: 25181, trap: 25162, api: 25000 },
      PASSWORD,
      {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
      },
    );
    await consumerGroupAtEnd(stack.env.KAFKA_INGEST_GROUP!, [snmpSampleContract, snmpTrapContract]);
    await stack.provisionUsers(`${repoRoot}/api/fixtures/demo-users.json`);
    stack.start();
    await eventually(
      'API healthy',
      async () => ((await fetch(`${API}/health`)).ok ? true : undefined),
      90_000,
    );
    bankA = await login('bank-a.admin');
    bankB = await login('bank-b.admin');
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
    await db?.dropDatabase();
    await mongo?.close();
  });

  it('turns polled counters into performance points of the circuit', async () => {
    const from = new Date(Date.now() - 10 * 60_000).toISOString();
    const points = await eventually(
      'two polls of the A-end turned into a rate',
      async () => {
        const to = new Date(Date.now() + 60_000).toISOString();
        const { status, body } = await getJson<{
          points: { inBps: number; outBps: number }[];
          granularity: string;
        }>(`/circuits/${circuit._id}/performance?from=${from}&to=${to}`, bankA);
        return status === 200 && body.points.length > 0 ? body : undefined;
      },
      90_000,
    );
    expect(points.granularity).toBe('raw');
    expect(points.points[0]!.inBps + points.points[0]!.outBps).toBeGreaterThan(0);
    expect(stack.exits).toEqual([]);
  }, 120_000);

  it('shows a fault injected on the circuit’s access link to its bank, and only to its bank', async () => {
    const firstHop = circuit.route[0]!;
    const res = await fetch(`http://127.0.0.1:25181/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'link-down', linkId: firstHop.linkId }),
    });
    expect(res.status).toBe(201);
    const fault = (await res.json()) as { id: string };

    const raised = await eventually('linkDown alarm visible to bank-a', async () => {
      const { body } = await getJson<Page<AlarmDto>>(
        `/alarms?state=raised&circuitId=${circuit._id}`,
        bankA,
      );
      return body.items.find((a) => a.probableCause === 'linkDown');
    });
    expect(raised.alarmedObject.id).toMatch(
      new RegExp(`^(${circuit.route[0]!.deviceId}|${circuit.route[1]!.deviceId}):`),
    );
    expect(raised.affectedCircuits).toContain(circuit._id);

    const detail = await eventually('circuit down', async () => {
      const { body } = await getJson<{ state: string; stateSince: string }>(
        `/circuits/${circuit._id}`,
        bankA,
      );
      return body.state === 'down' ? body : undefined;
    });
    expect(Date.parse(detail.stateSince)).toBeGreaterThan(Date.now() - 120_000);

    // bank-b: the circuit does not exist for it, and no alarm of it leaks into its lists.
    expect((await getJson(`/circuits/${circuit._id}`, bankB)).status).toBe(404);
    const bAlarms = await getJson<Page<AlarmDto>>(`/alarms?state=raised&pageSize=500`, bankB);
    expect(
      bAlarms.body.items.some(
        (a) => a.affectedCircuits.includes(circuit._id) || a.id === raised.id,
      ),
    ).toBe(false);

    // Lifting the fault sends linkUp: the alarm clears and the circuit comes back up.
    expect(
      (await fetch(`http://127.0.0.1:25181/faults/${fault.id}`, { method: 'DELETE' })).ok,
    ).toBe(true);
    await eventually('alarm cleared', async () => {
      const { body } = await getJson<Page<AlarmDto>>(
        `/alarms?state=cleared&circuitId=${circuit._id}`,
        bankA,
      );
      return body.items.find((a) => a.id === raised.id);
    });
    let seen: unknown;
    await eventually('circuit up', async () => {
      const { body } = await getJson<{ state: string }>(`/circuits/${circuit._id}`, bankA);
      seen = body;
      return body.state === 'up' ? true : undefined;
    }).catch(async (e: Error) => {
      const open = await getJson<Page<AlarmDto>>(
        `/alarms?state=raised&circuitId=${circuit._id}`,
        bankA,
      );
      throw new Error(
        `${e.message}; circuit ${JSON.stringify(seen)}; raised ${JSON.stringify(open.body.items)}`,
      );
    });
    expect(stack.exits).toEqual([]);
  }, 180_000);
});
