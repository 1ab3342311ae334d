import type { Db } from 'mongodb';

import { hashPassword } from '../../src/auth/password-hasher';
import { COLLECTIONS } from '../../src/database/collections';
import type {
  AlarmDocument,
  CircuitDocument,
  CustomerDocument,
  ElementDocument,
  OrgUnitDocument,
  PerfBucketDocument,
  PerfRawDocument,
  Role,
  SiteDocument,
  UserDocument,
} from '../../src/database/documents';
import { binKey, binOf } from '../../src/ingest/perf-histogram';
import { TEST_PASSWORD } from './api-harness';

/** Small data factories: each test inserts exactly the documents it reasons about. */

let passwordHash: Promise<string> | null = null;

export async function insertUser(
  db: Db,
  username: string,
  role: Role,
  extra: Partial<
    Pick<UserDocument, 'customerId' | 'orgUnitId' | 'assignedCustomerIds' | 'disabled'>
  > = {},
): Promise<UserDocument> {
  // One scrypt hash per test run is enough: every test user shares the password.
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const user: UserDocument = {
    _id: `user-${username}`,
    username,
    displayName: username,
    role,
    customerId: extra.customerId ?? null,
    orgUnitId: extra.orgUnitId ?? null,
    assignedCustomerIds: extra.assignedCustomerIds ?? [],
    passwordHash: await passwordHash,
    disabled: extra.disabled ?? false,
    createdAt: new Date(),
  };
  await db.collection<UserDocument>(COLLECTIONS.users).insertOne(user);
  return user;
}

/** A customer with a root unit and the given child units (`{ id: parentId }`). */
export async function insertCustomer(
  db: Db,
  id: string,
  units: Record<string, string> = {},
): Promise<CustomerDocument> {
  const root = `${id}-root`;
  const customer: CustomerDocument = { _id: id, name: id, nameEn: id, rootOrgUnitId: root };
  await db.collection<CustomerDocument>(COLLECTIONS.customers).insertOne(customer);
  const parents: Record<string, string | null> = { [root]: null, ...units };
  const pathOf = (unit: string): string[] => {
    const parent = parents[unit];
    return parent ? [...pathOf(parent), unit] : [unit];
  };
  const docs: OrgUnitDocument[] = Object.keys(parents).map((unit) => ({
    _id: unit,
    customerId: id,
    parentId: parents[unit] ?? null,
    path: pathOf(unit),
    level: parents[unit] ? 'city' : 'head-office',
    name: unit,
    nameEn: unit,
  }));
  await db.collection<OrgUnitDocument>(COLLECTIONS.orgUnits).insertMany(docs);
  return customer;
}

export async function insertCircuit(
  db: Db,
  id: string,
  customerId: string,
  orgPath: string[],
  extra: Partial<CircuitDocument> = {},
): Promise<CircuitDocument> {
  const cpe = `cpe-${id}`;
  const pe = 'pe-shared-1';
  const circuit: CircuitDocument = {
    _id: id,
    customerId,
    orgUnitId: orgPath[orgPath.length - 1] ?? `${customerId}-root`,
    orgPath,
    product: 'mpls-vpn',
    name: `Circuit ${id}`,
    bandwidthBps: 10_000_000,
    slaClass: 'gold',
    aEnd: { siteId: `site-${id}-a`, deviceId: cpe, mgmtIp: '127.20.0.10', ifIndex: 2 },
    zEnd: { siteId: 'site-idc-1', deviceId: pe, mgmtIp: '127.20.1.1', ifIndex: 7 },
    route: [
      { deviceId: cpe, inIfIndex: null, outIfIndex: 2, linkId: `link-${id}` },
      { deviceId: pe, inIfIndex: 7, outIfIndex: null, linkId: null },
    ],
    routeDeviceIds: [cpe, pe],
    routeLinkIds: [`link-${id}`],
    state: 'up',
    stateSince: new Date('2026-11-01T00:00:00Z'),
    activeAlarmIds: [],
    ...extra,
  };
  await db.collection<CircuitDocument>(COLLECTIONS.circuits).insertOne(circuit);
  const sites: SiteDocument[] = [
    {
      _id: circuit.aEnd.siteId,
      owner: 'customer',
      customerId,
      orgUnitId: circuit.orgUnitId,
      kind: 'outlet',
      name: `Site of ${id}`,
      nameEn: `Site of ${id}`,
      city: 'Guangzhou',
      address: '-',
      lat: 23.1,
      lon: 113.3,
    },
  ];
  await db.collection<SiteDocument>(COLLECTIONS.sites).insertMany(sites);
  const element: ElementDocument = {
    _id: cpe,
    name: `CPE-${id}`,
    role: 'cpe',
    vendor: 'Huawei',
    model: 'AR6120',
    mgmtIp: circuit.aEnd.mgmtIp,
    siteId: circuit.aEnd.siteId,
    customerId,
    pollIntervalSec: 60,
  };
  await db.collection<ElementDocument>(COLLECTIONS.elements).insertOne(element);
  return circuit;
}

export async function insertAlarm(
  db: Db,
  id: string,
  customerIds: string[],
  affectedCircuitIds: string[],
  extra: Partial<AlarmDocument> = {},
): Promise<AlarmDocument> {
  const raisedAt = new Date('2026-11-20T08:00:00Z');
  const state = extra.state ?? 'raised';
  const reductionKey = extra.reductionKey ?? `linkDown|${id}`;
  // As ingestion stamps it: the union of the affected circuits' orgPath.
  const circuits = await db
    .collection<CircuitDocument>(COLLECTIONS.circuits)
    .find({ _id: { $in: affectedCircuitIds } }, { projection: { orgPath: 1 } })
    .toArray();
  const orgUnitIds = [...new Set(circuits.flatMap((c) => c.orgPath))].sort();
  const alarm: AlarmDocument = {
    _id: id,
    reductionKey,
    activeKey: state === 'raised' ? reductionKey : `${reductionKey}#cleared#${id}`,
    customerIds,
    alarmedObject: {
      id: `pe-shared-1:${id}`,
      type: 'interface',
      deviceId: 'pe-shared-1',
      ifIndex: 7,
      name: 'PE-1 Gi0/0/7',
    },
    alarmType: 'communicationsAlarm',
    perceivedSeverity: 'major',
    probableCause: 'linkDown',
    specificProblem: 'ifOperStatus down',
    state,
    ackState: 'unacknowledged',
    alarmRaisedTime: raisedAt,
    alarmChangedTime: raisedAt,
    alarmClearedTime: state === 'cleared' ? new Date('2026-11-20T09:00:00Z') : null,
    affectedCircuitIds,
    serviceAffecting: true,
    occurrences: 1,
    sourceSystemId: 'trap',
    lastEvent: { topic: 'cc.snmp.traps.v1', partition: 0, offset: '1' },
    orgUnitIds,
    ...extra,
  };
  await db.collection<AlarmDocument>(COLLECTIONS.alarms).insertOne(alarm);
  return alarm;
}

export async function insertRawPoints(
  db: Db,
  circuit: CircuitDocument,
  times: Date[],
  inBps: number,
  outBps: number,
): Promise<void> {
  const { deviceId, ifIndex } = circuit.aEnd;
  const docs: PerfRawDocument[] = times.map((t) => ({
    _id: `${deviceId}:${ifIndex}|${t.toISOString()}`,
    deviceId,
    ifIndex,
    t,
    intervalSec: 60,
    inBps,
    outBps,
    inUtil: inBps / 1e9,
    outUtil: outBps / 1e9,
    inErrorsPerSec: 0.5,
    outErrorsPerSec: 0.25,
    inDiscardsPerSec: 0,
    outDiscardsPerSec: 1,
    operStatus: 1,
    speedBps: 1e9,
  }));
  await db.collection<PerfRawDocument>(COLLECTIONS.perfRaw).insertMany(docs);
}

/** A full bucket folding `samples` (bps values, one per minute) of both directions. */
export async function insertBucket(
  db: Db,
  circuit: CircuitDocument,
  granularity: PerfBucketDocument['granularity'],
  start: Date,
  lengthSec: number,
  samples: number[],
): Promise<PerfBucketDocument> {
  const { deviceId, ifIndex } = circuit.aEnd;
  const hist: Record<string, number> = {};
  for (const s of samples) hist[binKey(binOf(s))] = (hist[binKey(binOf(s))] ?? 0) + 1;
  const stats = { sumBps: samples.reduce((a, b) => a + b, 0), maxBps: Math.max(...samples), hist };
  const doc: PerfBucketDocument = {
    _id: `${deviceId}:${ifIndex}|${granularity}|${start.toISOString()}`,
    deviceId,
    ifIndex,
    granularity,
    start,
    count: samples.length,
    in: stats,
    out: { ...stats, hist: { ...hist } },
    errorsSum: lengthSec * 2,
    discardsSum: 0,
    downSamples: 0,
    speedBps: 1e9,
    lastSampleAt: new Date(start.getTime() + lengthSec * 1000),
  };
  await db.collection<PerfBucketDocument>(COLLECTIONS.perfBuckets).insertOne(doc);
  return doc;
}
