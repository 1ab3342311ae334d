import type { Db } from 'mongodb';

import { AttachmentsRepository } from '../../../src/attachments/attachments.repository';
import { hashPassword } from '../../../src/auth/password-hasher';
import { COLLECTIONS } from '../../../src/database/collections';
import type {
  AlarmDocument,
  CircuitDocument,
  CounterStateDocument,
  CustomerDocument,
  ElementDocument,
  InterfaceDocument,
  LinkDocument,
  MaintenanceWindowDocument,
  OrgUnitDocument,
  PerfBucketDocument,
  PerfRawDocument,
  SiteDocument,
  UserDocument,
} from '../../../src/database/documents';
import { binKey, binOf } from '../../../src/ingest/perf-histogram';
import type { NotificationLogDocument } from '../../../src/notifications/notification.document';
import type { PushSubscriptionDocument } from '../../../src/notifications/push/push-subscription.document';
import { pushSubscriptionId } from '../../../src/notifications/push/push-subscriptions.repository';
import type { TicketDocument } from '../../../src/tickets/ticket.document';
import { TEST_PASSWORD } from '../api-harness';
import { ticketDocument } from '../ticket-fixtures';
import { type ReportsFixtureKind, seedReportsMatrix } from './matrix-reports-fixture';
import {
  type Compartment,
  CUSTOMER_A,
  CUSTOMER_B,
  MATRIX_USERS,
  type MatrixUser,
  inScope,
} from './matrix-scope';

/**
 * Two banks with org hierarchies on a small shared operator network, and a little data in
 * every collection, each document named with the marker of its compartment
 * (matrix-scope.ts). Shared operator elements (access node, PE) carry no marker: customers
 * may see the elements their circuits cross, never what else crosses them.
 *
 *   A: root ─ hb ─ mxawh (Wuhan: engineer, viewer) ─ mxawo (outlet)
 *           └ mxagd (Guangdong) ─ mxagd-sz
 *   B: root ─ mxbcd (Chengdu: engineer, viewer)
 *   CPE ─ acc-mx1 (A's circuits and B's Chengdu) ─┐
 *   CPE ─ acc-mx2 (B's head office) ──────────────┴ pe-mx1 ─ p-mxop-1 (core, crossed by nothing)
 */

/** A fixture object that a path or query parameter can name, with what it belongs to. */
export interface FixtureRef {
  id: string;
  compartments: readonly Compartment[];
  /** Values of companion path parameters (openapi-walker COMPANION_PARAMS) for this object. */
  params?: Record<string, string>;
  /**
   * A field engineer who sees the compartment reaches this object only through these
   * routes (`METHOD /path`): the circuit of a ticket dispatched to it, whose route and
   * located fault it may read and nothing else. Its content may appear in what it reads
   * (the compartment is its); by id and as a filter, every other route is a 404.
   */
  dispatchedVia?: readonly string[];
}

/** Routes through which a field engineer reads the circuits of its dispatched tickets. */
export const DISPATCHED_CIRCUIT_ROUTES: readonly string[] = [
  'GET /api/v1/circuits/{id}/topology',
  'GET /api/v1/circuits/{id}/fault-location',
];

/** Whether `caller` may reach `ref` by id (or name it in a filter) on the route `opKey`. */
export function reachable(caller: MatrixUser, ref: FixtureRef, opKey: string): boolean {
  if (!inScope(caller, ref.compartments)) return false;
  if (caller.role !== 'field-engineer' || !ref.dispatchedVia) return true;
  return ref.dispatchedVia.includes(opKey);
}

export type FixtureKind =
  | ReportsFixtureKind
  | 'circuits'
  | 'alarms'
  | 'maintenanceWindows'
  | 'users'
  | 'customers'
  | 'orgUnits'
  | 'sites'
  | 'elements'
  | 'links'
  | 'tickets'
  | 'attachments'
  | 'pushSubscriptions';

export interface MatrixFixture {
  refs: Record<FixtureKind, FixtureRef[]>;
  /** An id of the same shape that exists nowhere: what an out-of-scope id must look like. */
  missing: Record<FixtureKind, string>;
  users: readonly MatrixUser[];
}

interface CircuitSpec {
  marker: Compartment;
  customerId: string;
  orgPath: string[];
  access: 'acc-mx1' | 'acc-mx2';
  accessIfIndex: number;
  product: CircuitDocument['product'];
}

const A_ROOT = 'ou-tnqa-root';
const A_HB = 'ou-tnqa-hb';
const A_WH = 'ou-tnqa-mxawh';
const A_WO = 'ou-tnqa-mxawo';
const A_GD = 'ou-tnqa-mxagd';
const A_SZ = 'ou-tnqa-mxagd-sz';
const B_ROOT = 'ou-tnqb-root';
const B_CD = 'ou-tnqb-mxbcd';
const CUSTOMER_FE = 'cust-mxfe';
const FE_ROOT = 'ou-mxfe-root';

const CIRCUITS: readonly CircuitSpec[] = [
  circuit('mxahq', CUSTOMER_A, [A_ROOT], 'acc-mx1', 1, 'mpls-vpn'),
  circuit('mxahb', CUSTOMER_A, [A_ROOT, A_HB], 'acc-mx1', 2, 'leased-line'),
  circuit('mxagd', CUSTOMER_A, [A_ROOT, A_GD, A_SZ], 'acc-mx1', 3, 'mpls-vpn'),
  circuit('mxawh', CUSTOMER_A, [A_ROOT, A_HB, A_WH], 'acc-mx1', 4, 'mpls-vpn'),
  circuit('mxawo', CUSTOMER_A, [A_ROOT, A_HB, A_WH, A_WO], 'acc-mx1', 5, 'internet'),
  circuit('mxbcd', CUSTOMER_B, [B_ROOT, B_CD], 'acc-mx1', 6, 'mpls-vpn'),
  circuit('mxbhq', CUSTOMER_B, [B_ROOT], 'acc-mx2', 1, 'leased-line'),
  // The third customer's circuit, named by the ticket dispatched to the field engineer.
  circuit('mxfe', CUSTOMER_FE, [FE_ROOT], 'acc-mx2', 2, 'leased-line'),
];

function circuit(
  marker: Compartment,
  customerId: string,
  orgPath: string[],
  access: CircuitSpec['access'],
  accessIfIndex: number,
  product: CircuitDocument['product'],
): CircuitSpec {
  return { marker, customerId, orgPath, access, accessIfIndex, product };
}

const cktId = (m: Compartment): string => `ckt-${m}-1`;
const cpeId = (m: Compartment): string => `cpe-${m}-1`;
const siteId = (m: Compartment): string => `site-${m}-1`;
const cpeLinkId = (m: Compartment): string => `lk-${m}-1`;
const ACC_PE_LINK = { 'acc-mx1': 'lk-acc1-pe', 'acc-mx2': 'lk-acc2-pe' } as const;
const PE_PORT = { 'acc-mx1': 11, 'acc-mx2': 12 } as const;
const PE = 'pe-mx1';
/** A small valid PNG signature and body: what a stored photo looks like. */
const PNG_BYTES = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 0),
]);
const CORE = 'p-mxop-1';

export async function seedMatrix(db: Db, now: Date): Promise<MatrixFixture> {
  const col = <T extends { _id: string }>(name: string) => db.collection<T>(name);
  const ago = (ms: number): Date => new Date(now.getTime() - ms);
  const MIN = 60_000;
  const HOUR = 60 * MIN;
  const DAY = 24 * HOUR;

  const customers: CustomerDocument[] = [
    { _id: CUSTOMER_A, name: '银行 tnqa', nameEn: 'Bank tnqa', rootOrgUnitId: A_ROOT },
    { _id: CUSTOMER_B, name: '银行 tnqb', nameEn: 'Bank tnqb', rootOrgUnitId: B_ROOT },
  ];
  const orgUnits: OrgUnitDocument[] = [
    org(A_ROOT, CUSTOMER_A, [A_ROOT], 'head-office'),
    org(A_HB, CUSTOMER_A, [A_ROOT, A_HB], 'province'),
    org(A_WH, CUSTOMER_A, [A_ROOT, A_HB, A_WH], 'city'),
    org(A_WO, CUSTOMER_A, [A_ROOT, A_HB, A_WH, A_WO], 'outlet'),
    org(A_GD, CUSTOMER_A, [A_ROOT, A_GD], 'province'),
    org(A_SZ, CUSTOMER_A, [A_ROOT, A_GD, A_SZ], 'city'),
    org(B_ROOT, CUSTOMER_B, [B_ROOT], 'head-office'),
    org(B_CD, CUSTOMER_B, [B_ROOT, B_CD], 'city'),
  ];

  const sites: SiteDocument[] = [
    operatorSite('pop-mx1', 'POP MX1'),
    operatorSite('pop-mxop-1', 'Core POP mxop'),
    ...CIRCUITS.map((c): SiteDocument => ({
      _id: siteId(c.marker),
      owner: 'customer',
      customerId: c.customerId,
      orgUnitId: c.orgPath[c.orgPath.length - 1]!,
      kind: 'outlet',
      name: `网点 ${c.marker}`,
      nameEn: `Outlet ${c.marker}`,
      city: 'Wuhan',
      address: `${c.marker} road 1`,
      lat: 30.5,
      lon: 114.3,
    })),
  ];

  const elements: ElementDocument[] = [
    element('acc-mx1', 'access', 'pop-mx1', null, '127.28.1.1'),
    element('acc-mx2', 'access', 'pop-mx1', null, '127.28.1.2'),
    element(PE, 'pe', 'pop-mx1', null, '127.28.2.1'),
    element(CORE, 'core', 'pop-mxop-1', null, '127.28.3.1'),
    ...CIRCUITS.map((c, i) =>
      element(cpeId(c.marker), 'cpe', siteId(c.marker), c.customerId, `127.28.10.${i + 1}`),
    ),
  ];

  const circuitsOn = (access: CircuitSpec['access']): string[] =>
    CIRCUITS.filter((c) => c.access === access).map((c) => cktId(c.marker));
  const interfaces: InterfaceDocument[] = [
    ...CIRCUITS.flatMap((c) => [
      iface(cpeId(c.marker), 1, 'wan', cpeLinkId(c.marker), [cktId(c.marker)]),
      iface(cpeId(c.marker), 2, 'lan', null, [cktId(c.marker)]),
      iface(c.access, c.accessIfIndex, 'downlink', cpeLinkId(c.marker), [cktId(c.marker)]),
    ]),
    iface('acc-mx1', 100, 'uplink', ACC_PE_LINK['acc-mx1'], circuitsOn('acc-mx1')),
    iface('acc-mx2', 100, 'uplink', ACC_PE_LINK['acc-mx2'], circuitsOn('acc-mx2')),
    iface(PE, PE_PORT['acc-mx1'], 'downlink', ACC_PE_LINK['acc-mx1'], circuitsOn('acc-mx1')),
    iface(PE, PE_PORT['acc-mx2'], 'downlink', ACC_PE_LINK['acc-mx2'], circuitsOn('acc-mx2')),
    iface(PE, 50, 'core', 'lk-mxop-core', []),
    iface(CORE, 1, 'core', 'lk-mxop-core', []),
  ];
  const links: LinkDocument[] = [
    ...CIRCUITS.map((c): LinkDocument => ({
      _id: cpeLinkId(c.marker),
      kind: 'access',
      a: { deviceId: cpeId(c.marker), ifIndex: 1 },
      z: { deviceId: c.access, ifIndex: c.accessIfIndex },
      capacityBps: 100_000_000,
    })),
    link('lk-acc1-pe', 'aggregation', 'acc-mx1', 100, PE, PE_PORT['acc-mx1']),
    link('lk-acc2-pe', 'aggregation', 'acc-mx2', 100, PE, PE_PORT['acc-mx2']),
    link('lk-mxop-core', 'backbone', PE, 50, CORE, 1),
  ];

  // Alarms: one per compartment, one on the access uplink shared by both banks, one on
  // the core that affects no customer. Raised an hour ago, so availability has downtime.
  const sharedAcc = circuitsOn('acc-mx1');
  const alarms: AlarmDocument[] = [
    alarm('al-mxawh-1', [CUSTOMER_A], [cktId('mxawh')], cpeId('mxawh'), 1, 'raised', 'down'),
    alarm('al-mxagd-1', [CUSTOMER_A], [cktId('mxagd')], cpeId('mxagd'), null, 'raised', 'degraded'),
    alarm('al-mxahq-1', [CUSTOMER_A], [cktId('mxahq')], cpeId('mxahq'), 1, 'cleared', 'down'),
    alarm('al-mxbcd-1', [CUSTOMER_B], [cktId('mxbcd')], cpeId('mxbcd'), 1, 'raised', 'down'),
    alarm('al-mxbhq-1', [CUSTOMER_B], [cktId('mxbhq')], 'acc-mx2', 1, 'cleared', 'down'),
    alarm(
      'al-shared-acc',
      [CUSTOMER_A, CUSTOMER_B],
      sharedAcc,
      'acc-mx1',
      100,
      'raised',
      'degraded',
    ),
    alarm('al-mxop-1', [], [], CORE, 1, 'raised', 'none'),
  ];
  function alarm(
    id: string,
    customerIds: string[],
    affectedCircuitIds: string[],
    deviceId: string,
    ifIndex: number | null,
    state: AlarmDocument['state'],
    serviceImpact: NonNullable<AlarmDocument['serviceImpact']>,
  ): AlarmDocument {
    const reductionKey = `${ifIndex === null ? 'nodeDown' : 'linkDown'}|${deviceId}:${ifIndex ?? ''}`;
    const raised = ago(HOUR);
    return {
      _id: id,
      reductionKey,
      activeKey: state === 'raised' ? reductionKey : `${reductionKey}#cleared#${id}`,
      customerIds,
      alarmedObject: {
        id: ifIndex === null ? deviceId : `${deviceId}:${ifIndex}`,
        type: ifIndex === null ? 'element' : 'interface',
        deviceId,
        ifIndex,
        name:
          ifIndex === null ? deviceId.toUpperCase() : `${deviceId.toUpperCase()} Gi0/0/${ifIndex}`,
      },
      alarmType: 'communicationsAlarm',
      perceivedSeverity: serviceImpact === 'down' ? 'critical' : 'major',
      probableCause: ifIndex === null ? 'lossOfSignal' : 'linkDown',
      specificProblem: ifIndex === null ? 'device unreachable' : 'ifOperStatus down',
      state,
      ackState: 'unacknowledged',
      alarmRaisedTime: raised,
      alarmChangedTime: raised,
      alarmClearedTime: state === 'cleared' ? ago(30 * MIN) : null,
      affectedCircuitIds,
      orgUnitIds: [
        ...new Set(
          CIRCUITS.filter((c) => affectedCircuitIds.includes(cktId(c.marker))).flatMap(
            (c) => c.orgPath,
          ),
        ),
      ].sort(),
      serviceAffecting: serviceImpact !== 'none',
      serviceImpact,
      occurrences: 1,
      sourceSystemId: 'trap',
      lastEvent: { topic: 'cc.snmp.traps.v1', partition: 0, offset: '1' },
    };
  }
  // The shared uplink alarm is the root cause of a CPE alarm in each bank: a caller of one
  // bank must not learn of the other's through the correlation links. Operator notes on an
  // alarm name the branch they concern.
  const byId = new Map(alarms.map((a) => [a._id, a]));
  byId.get('al-shared-acc')!.isRootCause = true;
  byId.get('al-shared-acc')!.correlatedAlarmIds = ['al-mxawh-1', 'al-mxbcd-1'];
  byId.get('al-mxawh-1')!.rootCauseAlarmIds = ['al-shared-acc'];
  byId.get('al-mxbcd-1')!.rootCauseAlarmIds = ['al-shared-acc'];
  byId.get('al-mxbcd-1')!.comments = [
    {
      comment: 'Field team sent to mxbcd',
      userId: 'user-noc.ops',
      systemId: 'circuitcare',
      time: ago(30 * MIN),
    },
  ];
  const raisedOn = (ckt: string): AlarmDocument[] =>
    alarms.filter((a) => a.state === 'raised' && a.affectedCircuitIds.includes(ckt));

  const circuits: CircuitDocument[] = CIRCUITS.map((c, i) => {
    const active = raisedOn(cktId(c.marker));
    const down = active.filter((a) => a.serviceImpact === 'down');
    return {
      _id: cktId(c.marker),
      customerId: c.customerId,
      orgUnitId: c.orgPath[c.orgPath.length - 1]!,
      orgPath: c.orgPath,
      product: c.product,
      name: `专线 ${c.marker}`,
      bandwidthBps: 10_000_000 * (i + 1),
      slaClass: 'gold',
      aEnd: {
        siteId: siteId(c.marker),
        deviceId: cpeId(c.marker),
        mgmtIp: `127.28.10.${i + 1}`,
        ifIndex: 1,
      },
      zEnd: { siteId: 'pop-mx1', deviceId: PE, mgmtIp: '127.28.2.1', ifIndex: PE_PORT[c.access] },
      route: [
        { deviceId: cpeId(c.marker), inIfIndex: 2, outIfIndex: 1, linkId: cpeLinkId(c.marker) },
        {
          deviceId: c.access,
          inIfIndex: c.accessIfIndex,
          outIfIndex: 100,
          linkId: ACC_PE_LINK[c.access],
        },
        { deviceId: PE, inIfIndex: PE_PORT[c.access], outIfIndex: null, linkId: null },
      ],
      routeDeviceIds: [cpeId(c.marker), c.access, PE],
      routeLinkIds: [cpeLinkId(c.marker), ACC_PE_LINK[c.access]],
      state: down.length > 0 ? 'down' : active.length > 0 ? 'degraded' : 'up',
      stateSince: ago(HOUR),
      activeAlarmIds: active.map((a) => a._id),
      activeDownAlarmIds: down.map((a) => a._id),
    };
  });

  // Performance: raw points of the last minutes and 5 min / 1 h / 1 d buckets of the last day.
  const perfRaw: PerfRawDocument[] = [];
  const perfBuckets: PerfBucketDocument[] = [];
  const counterStates: CounterStateDocument[] = [];
  for (const c of circuits) {
    const { deviceId, ifIndex } = c.aEnd;
    const operStatus = c.state === 'down' ? 2 : 1;
    for (const t of [ago(3 * MIN), ago(2 * MIN), ago(MIN)]) {
      perfRaw.push({
        _id: `${deviceId}:${ifIndex}|${t.toISOString()}`,
        deviceId,
        ifIndex,
        t,
        intervalSec: 60,
        inBps: 2e6,
        outBps: 1e6,
        inUtil: 0.2,
        outUtil: 0.1,
        inErrorsPerSec: 0,
        outErrorsPerSec: 0,
        inDiscardsPerSec: 0,
        outDiscardsPerSec: 0,
        operStatus,
        speedBps: 1e8,
      });
    }
    const floor = (ms: number): Date => new Date(Math.floor(ago(ms).getTime() / ms) * ms);
    for (const [granularity, length] of [
      ['5m', 5 * MIN],
      ['1h', HOUR],
      ['1d', DAY],
    ] as const) {
      for (const start of [floor(length), new Date(floor(length).getTime() - length)]) {
        perfBuckets.push(bucket(deviceId, ifIndex, granularity, start, length / 1000));
      }
    }
    counterStates.push({
      _id: `${deviceId}:${ifIndex}`,
      deviceId,
      ifIndex,
      polledAt: ago(MIN),
      sysUpTime: 100_000,
      inOctets: '1000000',
      outOctets: '2000000',
      inErrors: 0,
      outErrors: 0,
      inDiscards: 0,
      outDiscards: 0,
      operStatus,
    });
  }

  const window = (
    id: string,
    title: string,
    elementIds: string[],
    linkIds: string[],
    circuitIds: string[],
    status: MaintenanceWindowDocument['status'],
    start: Date,
  ): MaintenanceWindowDocument => {
    const affected = circuits.filter((c) => circuitIds.includes(c._id));
    return {
      _id: id,
      title,
      description: `${title}: planned work`,
      elementIds,
      linkIds,
      start,
      end: new Date(start.getTime() + 2 * HOUR),
      status,
      circuitIds,
      customerIds: [...new Set(affected.map((c) => c.customerId))],
      orgUnitIds: [...new Set(affected.flatMap((c) => c.orgPath))],
      // A planner who is none of the callers, so that every operator may approve.
      createdBy: 'user-planner.ops',
      createdAt: ago(DAY),
      approvedBy: status === 'approved' ? 'user-planner2.ops' : null,
      approvedAt: status === 'approved' ? ago(DAY) : null,
      cancelledBy: null,
      cancelledAt: null,
    };
  };
  const maintenanceWindows: MaintenanceWindowDocument[] = [
    window(
      'mw-mxawh-1',
      'CPE mxawh swap',
      [cpeId('mxawh')],
      [],
      [cktId('mxawh')],
      'approved',
      ago(3 * HOUR),
    ),
    window(
      'mw-mxagd-1',
      'CPE mxagd upgrade',
      [cpeId('mxagd')],
      [],
      [cktId('mxagd')],
      'planned',
      new Date(now.getTime() + DAY),
    ),
    window(
      'mw-mxbcd-1',
      'CPE mxbcd swap',
      [cpeId('mxbcd')],
      [],
      [cktId('mxbcd')],
      'approved',
      ago(3 * HOUR),
    ),
    window(
      'mw-shared-acc',
      'ACC-MX1 software upgrade',
      ['acc-mx1'],
      [],
      sharedAcc,
      'planned',
      new Date(now.getTime() + 2 * DAY),
    ),
    window(
      'mw-mxop-1',
      'Core link mxop fibre work',
      [],
      ['lk-mxop-core'],
      [],
      'planned',
      new Date(now.getTime() + 3 * DAY),
    ),
  ];

  // Users of every role, plus "victims" that the user-management routes may change freely.
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const victims: MatrixUser[] = [
    { ...MATRIX_USERS[2]!, username: 'vic.tnqa.mxawh', sees: [] },
    { ...MATRIX_USERS[1]!, username: 'vic.tnqa.mxagd', orgUnitId: A_SZ, sees: [] },
    { ...MATRIX_USERS[6]!, username: 'vic.tnqb.mxbcd', sees: [] },
  ];
  const users: UserDocument[] = [...MATRIX_USERS, ...victims].map((u) => ({
    _id: `user-${u.username}`,
    username: u.username,
    displayName: `User ${u.username}`,
    role: u.role,
    customerId: u.customerId,
    orgUnitId: u.orgUnitId,
    assignedCustomerIds: u.assignedCustomerIds,
    passwordHash,
    disabled: false,
    createdAt: ago(DAY),
  }));

  await col<CustomerDocument>(COLLECTIONS.customers).insertMany(customers);
  await col<OrgUnitDocument>(COLLECTIONS.orgUnits).insertMany(orgUnits);
  await col<SiteDocument>(COLLECTIONS.sites).insertMany(sites);
  await col<ElementDocument>(COLLECTIONS.elements).insertMany(elements);
  await col<InterfaceDocument>(COLLECTIONS.interfaces).insertMany(interfaces);
  await col<LinkDocument>(COLLECTIONS.links).insertMany(links);
  await col<CircuitDocument>(COLLECTIONS.circuits).insertMany(circuits);
  await col<AlarmDocument>(COLLECTIONS.alarms).insertMany(alarms);
  await col<PerfRawDocument>(COLLECTIONS.perfRaw).insertMany(perfRaw);
  await col<PerfBucketDocument>(COLLECTIONS.perfBuckets).insertMany(perfBuckets);
  await col<CounterStateDocument>(COLLECTIONS.counterStates).insertMany(counterStates);
  await col<MaintenanceWindowDocument>(COLLECTIONS.maintenanceWindows).insertMany(
    maintenanceWindows,
  );
  await col<UserDocument>(COLLECTIONS.users).insertMany(users);

  // Tickets: one per branch of each bank, and one of a third customer (mxfe) dispatched
  // to the field engineer, each with a public attachment and a delivered notification.
  const ticketOf = (
    marker: Compartment,
    reporter: string | null,
    extra: Partial<TicketDocument> = {},
  ): TicketDocument => {
    const spec = CIRCUITS.find((c) => c.marker === marker);
    return ticketDocument(
      {
        _id: `tt-${marker}-1`,
        customerId: spec?.customerId ?? CUSTOMER_FE,
        orgUnitIds: spec?.orgPath ?? [FE_ROOT],
        circuitIds: spec ? [cktId(marker)] : [],
        name: `工单 ${marker}`,
        relatedParty: reporter
          ? [
              {
                id: `user-${reporter}`,
                userId: `user-${reporter}`,
                role: 'reporter',
                name: reporter,
                email: `${reporter}@example.test`,
                phone: '13800000000',
              },
            ]
          : [],
        attachment: [
          {
            id: `att-${marker}-1`,
            name: `photo-${marker}.png`,
            mimeType: 'image/png',
            size: PNG_BYTES.length,
            sha256: '0'.repeat(64),
            visibility: 'public',
            uploadedBy: 'system',
            uploaderKind: 'system',
            createdAt: ago(HOUR),
          },
        ],
        ...extra,
      },
      ago(HOUR),
    );
  };
  const tickets: TicketDocument[] = [
    ticketOf('mxawh', 'eng.tnqa.mxawh'),
    ticketOf('mxagd', 'adm.tnqa'),
    ticketOf('mxbcd', 'eng.tnqb.mxbcd'),
    ticketOf('mxbhq', 'adm.tnqb'),
    ticketOf('mxfe', null, {
      fieldEngineerIds: ['user-fe.ops'],
      assignment: {
        teamId: null,
        engineerUserId: 'user-fe.ops',
        engineerName: 'User fe.ops',
        dispatchedAt: ago(HOUR),
        dispatchedBy: 'noc.ops',
      },
    }),
  ];
  await col<CustomerDocument>(COLLECTIONS.customers).insertOne({
    _id: CUSTOMER_FE,
    name: '客户 mxfe',
    nameEn: 'Customer mxfe',
    rootOrgUnitId: FE_ROOT,
  });
  await col<OrgUnitDocument>(COLLECTIONS.orgUnits).insertOne(
    org(FE_ROOT, CUSTOMER_FE, [FE_ROOT], 'head-office'),
  );
  await col<TicketDocument>(COLLECTIONS.tickets).insertMany(tickets);
  const files = new AttachmentsRepository(db);
  for (const t of tickets) {
    const a = t.attachment[0]!;
    await files.store(a.id, PNG_BYTES, {
      ticketId: t._id,
      customerId: t.customerId,
      mimeType: a.mimeType,
      sha256: a.sha256,
    });
  }
  const delivered = (userId: string, t: TicketDocument): NotificationLogDocument => ({
    _id: `${t._id}:1:${userId}:email`,
    ticketId: t._id,
    customerId: t.customerId,
    recipientUserId: userId,
    channel: 'email',
    kind: 'ticket-change',
    subject: `[CircuitCare] ${t._id}: ${t.name}`,
    status: 'sent',
    attempts: 1,
    lastError: null,
    createdAt: ago(HOUR),
    sentAt: ago(HOUR),
  });
  await col<NotificationLogDocument>(COLLECTIONS.notificationLog).insertMany([
    delivered('user-eng.tnqa.mxawh', tickets[0]!),
    delivered('user-adm.tnqa', tickets[1]!),
    delivered('user-eng.tnqb.mxbcd', tickets[2]!),
    delivered('user-adm.tnqb', tickets[3]!),
    delivered('user-fe.ops', tickets[4]!),
  ]);

  // Web push subscriptions of a user in each bank and of the field engineer: each user
  // manages its own only, so out of its compartment one is a 404 like a missing id.
  const pushOwners: [string, Compartment][] = [
    ['user-eng.tnqa.mxawh', 'mxawh'],
    ['user-eng.tnqb.mxbcd', 'mxbcd'],
    ['user-fe.ops', 'mxfe'],
  ];
  const pushSubscriptions: PushSubscriptionDocument[] = pushOwners.map(([userId, m]) => ({
    _id: pushSubscriptionId(userId, `https://push.example.test/${m}`),
    userId,
    endpoint: `https://push.example.test/${m}`,
    keys: { p256dh: `p256dh-${m}`, auth: `auth-${m}` },
    expirationTime: null,
    createdAt: ago(HOUR),
    updatedAt: ago(HOUR),
    lastSuccessAt: null,
  }));
  await col<PushSubscriptionDocument>(COLLECTIONS.pushSubscriptions).insertMany(pushSubscriptions);

  // Where each object belongs, for the id-parameter walk.
  const byMarker = (m: Compartment): Compartment[] => [m];
  // The field engineer's customer: its circuit through the dispatched routes only, the
  // sites, CPE and links of that circuit through none by id (they are part of the route).
  const fieldOnly = (m: Compartment, via: readonly string[]): Pick<FixtureRef, 'dispatchedVia'> =>
    m === 'mxfe' ? { dispatchedVia: via } : {};
  const circuitComps = (ids: string[]): Compartment[] =>
    CIRCUITS.filter((c) => ids.includes(cktId(c.marker))).map((c) => c.marker);
  const orgComp: Record<string, Compartment[]> = {
    [A_ROOT]: ['tnqa'],
    [A_HB]: ['tnqa'],
    [A_WH]: ['mxawh'],
    [A_WO]: ['mxawo'],
    [A_GD]: ['mxagd'],
    [A_SZ]: ['mxagd'],
    [B_ROOT]: ['tnqb'],
    [B_CD]: ['mxbcd'],
  };
  const issue7 = await seedReportsMatrix(db, now);
  return {
    users: MATRIX_USERS,
    refs: {
      ...issue7.refs,
      circuits: CIRCUITS.map((c) => ({
        id: cktId(c.marker),
        compartments: byMarker(c.marker),
        // …and as a filter of its own tickets, which name that circuit.
        ...fieldOnly(c.marker, [...DISPATCHED_CIRCUIT_ROUTES, 'GET /api/v1/tickets']),
      })),
      alarms: alarms.map((a) => ({
        id: a._id,
        compartments: a.customerIds.length === 0 ? ['mxop'] : circuitComps(a.affectedCircuitIds),
      })),
      maintenanceWindows: maintenanceWindows.map((w) => ({
        id: w._id,
        compartments: w.circuitIds.length === 0 ? ['mxop'] : circuitComps(w.circuitIds),
      })),
      users: [
        { id: 'user-vic.tnqa.mxawh', compartments: ['mxawh'] },
        { id: 'user-vic.tnqa.mxagd', compartments: ['mxagd'] },
        { id: 'user-vic.tnqb.mxbcd', compartments: ['mxbcd'] },
      ],
      customers: [
        { id: CUSTOMER_A, compartments: ['tnqa'] },
        { id: CUSTOMER_B, compartments: ['tnqb'] },
      ],
      orgUnits: orgUnits.map((o) => ({ id: o._id, compartments: orgComp[o._id]! })),
      sites: [
        ...CIRCUITS.map((c) => ({
          id: siteId(c.marker),
          compartments: byMarker(c.marker),
          ...fieldOnly(c.marker, []),
        })),
        { id: 'pop-mxop-1', compartments: ['mxop'] },
      ],
      elements: [
        ...CIRCUITS.map((c) => ({
          id: cpeId(c.marker),
          compartments: byMarker(c.marker),
          params: { ifIndex: '1' },
          ...fieldOnly(c.marker, []),
        })),
        { id: CORE, compartments: ['mxop'], params: { ifIndex: '1' } },
      ],
      links: [
        ...CIRCUITS.map((c) => ({
          id: cpeLinkId(c.marker),
          compartments: byMarker(c.marker),
          ...fieldOnly(c.marker, []),
        })),
        { id: 'lk-mxop-core', compartments: ['mxop'] },
      ],
      tickets: tickets.map((t) => ({
        id: t._id,
        compartments: [t._id.split('-')[1] as Compartment],
      })),
      attachments: tickets.map((t) => ({
        id: t.attachment[0]!.id,
        compartments: [t._id.split('-')[1] as Compartment],
      })),
      pushSubscriptions: pushSubscriptions.map((p, i) => ({
        id: p._id,
        compartments: [pushOwners[i]![1]],
      })),
    },
    missing: {
      ...issue7.missing,
      circuits: 'ckt-none-1',
      alarms: 'al-none-1',
      maintenanceWindows: 'mw-none-1',
      users: 'user-none.ops',
      customers: 'cust-none',
      orgUnits: 'ou-none',
      sites: 'site-none-1',
      elements: 'cpe-none-1',
      links: 'lk-none-1',
      tickets: 'tt-none-1',
      attachments: 'att-none-1',
      pushSubscriptions: 'ps-00000000000000000000000000000000',
    },
  };
}

function org(
  id: string,
  customerId: string,
  path: string[],
  level: OrgUnitDocument['level'],
): OrgUnitDocument {
  return {
    _id: id,
    customerId,
    parentId: path.length > 1 ? path[path.length - 2]! : null,
    path,
    level,
    name: `机构 ${id}`,
    nameEn: `Unit ${id}`,
  };
}

function operatorSite(id: string, name: string): SiteDocument {
  return {
    _id: id,
    owner: 'operator',
    customerId: null,
    orgUnitId: null,
    kind: 'pop',
    name,
    nameEn: name,
    city: 'Wuhan',
    address: '-',
    lat: 30.6,
    lon: 114.2,
  };
}

function element(
  id: string,
  role: ElementDocument['role'],
  siteId: string,
  customerId: string | null,
  mgmtIp: string,
): ElementDocument {
  return {
    _id: id,
    name: id.toUpperCase(),
    role,
    vendor: 'Huawei',
    model: role === 'cpe' ? 'AR6120' : 'NE40E',
    mgmtIp,
    siteId,
    customerId,
    pollIntervalSec: 60,
  };
}

function iface(
  deviceId: string,
  ifIndex: number,
  role: InterfaceDocument['role'],
  linkId: string | null,
  circuitIds: string[],
): InterfaceDocument {
  return {
    _id: `${deviceId}:${ifIndex}`,
    deviceId,
    ifIndex,
    ifName: `Gi0/0/${ifIndex}`,
    ifDescr: `GigabitEthernet0/0/${ifIndex}`,
    ifAlias: `${deviceId} port ${ifIndex}`,
    speedBps: 1e8,
    role,
    linkId,
    circuitIds,
  };
}

function link(
  id: string,
  kind: LinkDocument['kind'],
  aDevice: string,
  aIf: number,
  zDevice: string,
  zIf: number,
): LinkDocument {
  return {
    _id: id,
    kind,
    a: { deviceId: aDevice, ifIndex: aIf },
    z: { deviceId: zDevice, ifIndex: zIf },
    capacityBps: 1e9,
  };
}

function bucket(
  deviceId: string,
  ifIndex: number,
  granularity: PerfBucketDocument['granularity'],
  start: Date,
  lengthSec: number,
): PerfBucketDocument {
  const samples = [2e6, 3e6, 4e6];
  const hist: Record<string, number> = {};
  for (const s of samples) hist[binKey(binOf(s))] = (hist[binKey(binOf(s))] ?? 0) + 1;
  const stats = { sumBps: samples.reduce((a, b) => a + b, 0), maxBps: Math.max(...samples), hist };
  return {
    _id: `${deviceId}:${ifIndex}|${granularity}|${start.toISOString()}`,
    deviceId,
    ifIndex,
    granularity,
    start,
    count: samples.length,
    in: stats,
    out: { ...stats, hist: { ...hist } },
    errorsSum: 0,
    discardsSum: 0,
    downSamples: 0,
    speedBps: 1e8,
    lastSampleAt: new Date(start.getTime() + lengthSec * 1000),
  };
}
