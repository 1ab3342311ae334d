import { type Db, MongoClient } from 'mongodb';

import { snmpSampleContract, snmpTrapContract } from '@circuitcare/collectors/contracts';
import { buildTopologyIndex, type TopologyIndex } from '@circuitcare/topology';

import { generateDemoNetwork } from '../src/network/demo-network.generator';
import { seedInventory } from '../src/seed/seed-inventory';
import { consumerGroupAtEnd, eventually, PipelineStack, repoRoot } from './support/pipeline-stack';

/**
 * Fault location on faults injected into the device simulator, seen through the whole
 * product: simulator → traps and polls → collectors → Kafka → ingestion → FerretDB →
 * GET /circuits/{id}/fault-location and GET /faults. One fault at a time, lifted (and
 * the network seen healthy again) before the next: a PE, a core link, an access ring
 * node, a single CPE. The located element or link must be the injected one, for the
 * circuits it carries and as their common cause.
 */
const DB = 'cc_fault_location_it';
const PASSWORD = 'Faults#2026';
const PORTS = { snmp: 26161, simulatorControl: 26181, trap: 26162, api: 26100 };
const API = `http://127.0.0.1:${PORTS.api}/api/v1`;
const CONTROL = `http://127.0.0.1:${PORTS.simulatorControl}`;
/** Poll interval of the elements the faults touch: silence shows after 3 of them. */
const FAST_POLL_SEC = 5;

type Injected = { kind: 'element-down'; elementId: string } | { kind: 'link-down'; linkId: string };

interface Case {
  what: string;
  fault: Injected;
  suspect: { kind: 'element' | 'link'; id: string; segment: string };
}

const CASES: Case[] = [
  {
    what: 'a PE',
    fault: { kind: 'element-down', elementId: 'YC-PE-01' },
    suspect: { kind: 'element', id: 'YC-PE-01', segment: 'pe' },
  },
  {
    what: 'a core link',
    fault: { kind: 'link-down', linkId: 'LNK-WH-CORE-01-YC-CORE-01' },
    suspect: { kind: 'link', id: 'LNK-WH-CORE-01-YC-CORE-01', segment: 'core' },
  },
  {
    what: 'an access ring node',
    fault: { kind: 'element-down', elementId: 'WH-ACC-03' },
    suspect: { kind: 'element', id: 'WH-ACC-03', segment: 'access' },
  },
  {
    what: 'a single CPE',
    fault: { kind: 'element-down', elementId: 'bank-a-CPE-0044' },
    suspect: { kind: 'element', id: 'bank-a-CPE-0044', segment: 'customer-side' },
  },
];

interface Cause {
  id: string;
  severity: string;
  suspect: { kind: string; id: string; segment: string };
  circuitCount: number;
  circuits: { id: string; customerId: string }[];
  evidence: { kind: string; alarmId: string | null; reason: string }[];
}
interface Located {
  verdict: 'fault' | 'no-fault';
  fault: { suspect: { kind: string; id: string }; segment: string; confidence: number } | null;
}

async function login(username: string): Promise<Record<string, string>> {
  const res = await fetch(`${API}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  const { accessToken } = (await res.json()) as { accessToken: string };
  return { authorization: `Bearer ${accessToken}` };
}

async function getJson<T>(path: string, headers: Record<string, string>): Promise<T> {
  const res = await fetch(`${API}${path}`, { headers });
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

function circuitsOf(index: TopologyIndex, suspect: Case['suspect']): string[] {
  return [
    ...((suspect.kind === 'element'
      ? index.circuitsByElement.get(suspect.id)
      : index.circuitsByLink.get(suspect.id)) ?? []),
  ].sort();
}

/** The elements a fault touches: the failed ones and their neighbours, which report it. */
function touchedElements(index: TopologyIndex, fault: Injected): string[] {
  if (fault.kind === 'link-down') {
    const link = index.links.get(fault.linkId);
    if (!link) throw new Error(`no link ${fault.linkId} in the demo network`);
    return [link.a.deviceId, link.z.deviceId];
  }
  if (!index.elements.has(fault.elementId))
    throw new Error(`no element ${fault.elementId} in the demo network`);
  return [
    fault.elementId,
    ...(index.adjacency.get(fault.elementId) ?? []).map((a) => a.peerDeviceId),
  ];
}

describe('fault location on faults injected into the simulated network', () => {
  let mongo: MongoClient;
  let db: Db;
  let stack: PipelineStack;
  let index: TopologyIndex;
  let noc: Record<string, string>;
  let bankA: Record<string, string>;
  const fast = new Set<string>();

  /** Down causes touching these circuits, as the NOC sees them. */
  const downCausesOn = async (circuitIds: readonly string[]): Promise<Cause[]> => {
    const page = await getJson<{ items: Cause[] }>('/faults?severity=down&pageSize=500', noc);
    const wanted = new Set(circuitIds);
    return page.items.filter((c) => c.circuits.some((x) => wanted.has(x.id)));
  };

  beforeAll(async () => {
    const inventory = generateDemoNetwork({ seed: 2026 });
    index = buildTopologyIndex(inventory);
    for (const c of CASES) for (const id of touchedElements(index, c.fault)) fast.add(id);
    mongo = await MongoClient.connect('mongodb://127.0.0.1:27017/');
    db = mongo.db(DB);
    await db.dropDatabase();
    await seedInventory(db, inventory);
    // The whole inventory stays (topology needs it); only the touched elements are
    // polled often, the rest so rarely that none falls silent during the test.
    await db.collection('elements').updateMany({}, { $set: { pollIntervalSec: 3600 } });
    await db
      .collection('elements')
      .updateMany(
        { _id: { $in: [...fast] } as never },
        { $set: { pollIntervalSec: FAST_POLL_SEC } },
      );

    stack = new PipelineStack(DB, PORTS, PASSWORD, { PATH: process.env.PATH ?? '/usr/bin:/bin' });
    await consumerGroupAtEnd(stack.env.KAFKA_INGEST_GROUP!, [snmpSampleContract, snmpTrapContract]);
    await stack.provisionUsers(`${repoRoot}/api/fixtures/demo-users.json`);
    stack.start();
    await eventually(
      'API healthy',
      async () => ((await fetch(`${API}/health`)).ok ? true : undefined),
      90_000,
    );
    noc = await login('noc.li');
    bankA = await login('bank-a.admin');
    // Every touched element polled at least once: only then can its silence mean anything.
    await eventually(
      'touched elements polled',
      async () => {
        const rows = await db
          .collection<{ deviceId: string }>('counterStates')
          .find({}, { projection: { _id: 0, deviceId: 1 } })
          .toArray();
        const polled = new Set(rows.map((r) => r.deviceId));
        return [...fast].every((id) => polled.has(id)) ? true : undefined;
      },
      90_000,
    );
  }, 240_000);

  afterAll(async () => {
    await stack?.stop();
    await db?.dropDatabase();
    await mongo?.close();
  });

  it.each(CASES)(
    'locates $what ($fault.kind) as the failed $suspect.kind, for its circuits and as their common cause',
    async ({ fault, suspect }) => {
      const expected = circuitsOf(index, suspect);
      expect(expected.length).toBeGreaterThan(0);
      await eventually(
        'no outage on these circuits before the fault',
        async () => ((await downCausesOn(expected)).length === 0 ? true : undefined),
        60_000,
      );

      const injected = await fetch(`${CONTROL}/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(fault),
      });
      expect(injected.status).toBe(201);
      const { id: faultId } = (await injected.json()) as { id: string };
      const startedAt = Date.now();

      let last: unknown;
      const cause = await eventually(
        `the common cause is ${suspect.id}`,
        async () => {
          const causes = await downCausesOn(expected);
          last = causes.map((c) => `${c.id} (${c.circuitCount})`);
          const top = causes[0];
          return causes.length === 1 && top?.suspect.id === suspect.id ? top : undefined;
        },
        60_000,
      ).catch((e: Error) => {
        throw new Error(`${e.message}; causes on its circuits: ${JSON.stringify(last)}`);
      });
      const locatedMs = Date.now() - startedAt;
      expect(cause.suspect).toMatchObject(suspect);
      expect(cause.severity).toBe('down');
      // One fault, every circuit it carries: a PE under many circuits is one cause.
      expect(cause.circuits.map((c) => c.id).sort()).toEqual(expected);
      expect(cause.evidence.length).toBeGreaterThan(0);

      // Each affected circuit, one by one, names the same suspect.
      for (const circuitId of expected) {
        const located = await getJson<Located>(`/circuits/${circuitId}/fault-location`, noc);
        expect([circuitId, located.verdict, located.fault?.suspect]).toEqual([
          circuitId,
          'fault',
          { ...located.fault?.suspect, kind: suspect.kind, id: suspect.id },
        ]);
        expect(located.fault!.segment).toBe(suspect.segment);
      }
      // The bank sees the same cause with its own circuits only.
      const ofBankA = expected.filter((id) => index.circuits.get(id)?.customerId === 'bank-a');
      const mine = await getJson<{ items: Cause[] }>('/faults?severity=down&pageSize=500', bankA);
      const seen = mine.items.find((c) => c.suspect.id === suspect.id);
      expect(seen?.circuits.map((c) => c.id).sort()).toEqual(ofBankA);
      expect(mine.items.flatMap((c) => c.circuits).every((c) => c.customerId === 'bank-a')).toBe(
        true,
      );

      // Lifted: the network is healthy again before the next case.
      const lifted = await fetch(`${CONTROL}/faults/${faultId}`, { method: 'DELETE' });
      expect(lifted.status).toBe(200);
      let remaining: unknown;
      await eventually(
        'outage cleared',
        async () => {
          const causes = await downCausesOn(expected);
          remaining = causes.map((c) => ({ suspect: c.suspect, evidence: c.evidence }));
          return causes.length === 0 ? true : undefined;
        },
        90_000,
      ).catch((e: Error) => {
        throw new Error(`${e.message}; still down: ${JSON.stringify(remaining)}`);
      });
      // Degraded leftovers (a neighbour's report still open) clear too, by polling.
      let located: unknown;
      await eventually(
        'no fault located on its first circuit',
        async () => {
          const healthy = await getJson<Located>(`/circuits/${expected[0]}/fault-location`, noc);
          located = healthy;
          return healthy.verdict === 'no-fault' ? true : undefined;
        },
        60_000,
      ).catch((e: Error) => {
        throw new Error(`${e.message}; located: ${JSON.stringify(located)}`);
      });
      expect(stack.exits).toEqual([]);
      process.stdout.write(`fault location: ${suspect.id} located in ${locatedMs} ms\n`);
    },
    240_000,
  );
});
