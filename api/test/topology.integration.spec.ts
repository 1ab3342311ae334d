import type { Link, NetworkInventory } from '@circuitcare/topology';
import { interfaceId } from '@circuitcare/topology';

import { COLLECTIONS } from '../src/database/collections';
import type { CounterStateDocument } from '../src/database/documents';
import type { TicketDocument } from '../src/tickets/ticket.document';
import { type ApiHarness, problemOf, startApi } from './support/api-harness';
import { insertAlarm, insertUser } from './support/factories';
import { ticketDocument } from './support/ticket-fixtures';
import { miniNetwork } from '@circuitcare/topology/testing';

/**
 * Topology, fault location and impact over the real application and FerretDB, on the
 * two-bank network (the topology library's miniNetwork fixture) with P1 (a PE carrying X-MPLS-1, X-INET-1 of bank-x and Y-MPLS-1 of
 * bank-y) dead: its neighbours report linkDown on the ports facing it and it has not
 * been polled for ten minutes. A degradation on A1's port towards Y-CPE-1 concerns
 * bank-y only.
 */
const DB = 'cc_topology_it';

interface Cy {
  data: Record<string, unknown> & { id: string; parent?: string; source?: string; target?: string };
  classes: string;
}

describe('topology API', () => {
  let api: ApiHarness;
  let net: NetworkInventory;
  const tokens: Record<string, string> = {};
  const P1_ALARMS: string[] = [];
  const Y_ONLY_ALARM = 'alm-y-errors';

  const get = async <T>(path: string, user: string): Promise<{ status: number; body: T }> => {
    const res = await api.get(path, tokens[user]);
    return { status: res.status, body: (await res.json()) as T };
  };

  /** The end of `link` on `deviceId`. */
  const endOn = (linkId: string, deviceId: string): { deviceId: string; ifIndex: number } => {
    const link = net.links.find((l: Link) => l._id === linkId)!;
    return link.a.deviceId === deviceId ? link.a : link.z;
  };

  beforeAll(async () => {
    api = await startApi(DB);
    net = miniNetwork();
    const db = api.db;
    await db.collection(COLLECTIONS.customers).insertMany(net.customers as never[]);
    await db.collection(COLLECTIONS.orgUnits).insertMany(net.orgUnits as never[]);
    await db.collection(COLLECTIONS.sites).insertMany(net.sites as never[]);
    await db.collection(COLLECTIONS.elements).insertMany(net.elements as never[]);
    await db.collection(COLLECTIONS.interfaces).insertMany(net.interfaces as never[]);
    await db.collection(COLLECTIONS.links).insertMany(net.links as never[]);
    await db.collection(COLLECTIONS.circuits).insertMany(net.circuits as never[]);

    // P1 is dead: its three neighbours say linkDown on the port facing it.
    const facing = [endOn('L-P1-C1', 'C1'), endOn('L-P1-C2', 'C2'), endOn('L-P1-A1', 'A1')];
    for (const [i, end] of facing.entries()) {
      const id = `alm-p1-${i}`;
      P1_ALARMS.push(id);
      const carried = net.circuits.filter((c) =>
        c.route.some(
          (h) => h.deviceId === end.deviceId && [h.inIfIndex, h.outIfIndex].includes(end.ifIndex),
        ),
      );
      await insertAlarm(
        db,
        id,
        [...new Set(carried.map((c) => c.customerId))],
        carried.map((c) => c._id),
        {
          reductionKey: `linkDown|${interfaceId(end.deviceId, end.ifIndex)}`,
          alarmedObject: {
            id: interfaceId(end.deviceId, end.ifIndex),
            type: 'interface',
            deviceId: end.deviceId,
            ifIndex: end.ifIndex,
            name: `${end.deviceId} GE0/0/${end.ifIndex}`,
          },
          serviceImpact: 'down',
        },
      );
    }
    const yPort = endOn('L-Y-CPE-1-A1', 'A1');
    await insertAlarm(db, Y_ONLY_ALARM, ['bank-y'], ['Y-MPLS-1'], {
      reductionKey: `highErrorRate|${interfaceId(yPort.deviceId, yPort.ifIndex)}`,
      alarmedObject: {
        id: interfaceId(yPort.deviceId, yPort.ifIndex),
        type: 'interface',
        deviceId: yPort.deviceId,
        ifIndex: yPort.ifIndex,
        name: 'A1 towards Y-CPE-1',
      },
      probableCause: 'highErrorRate',
      perceivedSeverity: 'minor',
      serviceImpact: 'degraded',
    });
    await insertAlarm(db, 'alm-cleared', ['bank-x'], ['X-MPLS-2'], {
      state: 'cleared',
      reductionKey: 'linkDown|X-CPE-2:1',
    });

    // Every interface polled just now, except P1's (ten minutes ago: silent).
    const now = Date.now();
    const facingIds = new Set(facing.map((e) => interfaceId(e.deviceId, e.ifIndex)));
    const counters: CounterStateDocument[] = net.interfaces.map((f) => ({
      _id: f._id,
      deviceId: f.deviceId,
      ifIndex: f.ifIndex,
      polledAt: new Date(f.deviceId === 'P1' ? now - 600_000 : now - 5_000),
      sysUpTime: 1000,
      inOctets: '0',
      outOctets: '0',
      inErrors: 0,
      outErrors: 0,
      inDiscards: 0,
      outDiscards: 0,
      operStatus: facingIds.has(f._id) ? 2 : 1,
    }));
    await db.collection<CounterStateDocument>(COLLECTIONS.counterStates).insertMany(counters);

    await insertUser(db, 'x.admin', 'customer-admin', { customerId: 'bank-x', orgUnitId: 'X-HO' });
    await insertUser(db, 'x.wh', 'customer-engineer', { customerId: 'bank-x', orgUnitId: 'X-WH' });
    await insertUser(db, 'x.001', 'customer-viewer', {
      customerId: 'bank-x',
      orgUnitId: 'X-WH-001',
    });
    await insertUser(db, 'y.admin', 'customer-admin', { customerId: 'bank-y', orgUnitId: 'Y-HO' });
    await insertUser(db, 'noc', 'noc-operator');
    await insertUser(db, 'admin', 'platform-admin');
    await insertUser(db, 'am.x', 'account-manager', { assignedCustomerIds: ['bank-x'] });
    await insertUser(db, 'am.xy', 'account-manager', {
      assignedCustomerIds: ['bank-x', 'bank-y'],
    });
    await insertUser(db, 'field', 'field-engineer');
    for (const u of [
      'x.admin',
      'x.wh',
      'x.001',
      'y.admin',
      'noc',
      'admin',
      'am.x',
      'am.xy',
      'field',
    ])
      tokens[u] = await api.login(u);
  }, 60_000);

  afterAll(async () => {
    await api?.close();
  });

  interface TopologyBody {
    customerId: string;
    rootOrgUnitId: string;
    summary: { circuits: Record<string, number>; faults: number };
    live: { pollingAlive: boolean };
    structure?: {
      orgUnits: { id: string }[];
      sites: { id: string; inScope: boolean }[];
      circuits: { id: string; status: string; storedState: string; alarmIds: string[] }[];
      elements: {
        id: string;
        shared: boolean;
        status: string;
        silent: boolean;
        circuitIds: string[];
        alarmIds: string[];
      }[];
      links: { id: string; circuitIds: string[] }[];
    };
    cytoscape?: { nodes: Cy[]; edges: Cy[] };
    circuitRows?: { items: { circuitId: string; name: string; status: string }[]; total: number };
    siteRows?: { items: { siteId: string }[]; total: number };
  }

  describe('GET /topology', () => {
    it("gives a customer admin its whole customer, with shared elements but nothing of another bank's", async () => {
      const { status, body } = await get<TopologyBody>('/topology', 'x.admin');
      expect(status).toBe(200);
      expect(body.customerId).toBe('bank-x');
      expect(body.rootOrgUnitId).toBe('X-HO');
      const s = body.structure!;
      expect(s.circuits.map((c) => c.id).sort()).toEqual([
        'X-INET-1',
        'X-MPLS-1',
        'X-MPLS-2',
        'X-MPLS-3',
      ]);
      expect(s.orgUnits.map((u) => u.id)).toEqual(['X-HO', 'X-PV', 'X-WH', 'X-WH-001', 'X-WH-002']);
      // P1 is dead: down and silent; the circuits crossing it are down, the others up.
      const p1 = s.elements.find((e) => e.id === 'P1')!;
      expect(p1).toMatchObject({ shared: true, status: 'down', silent: true });
      const byId = new Map(s.circuits.map((c) => [c.id, c]));
      expect(byId.get('X-MPLS-1')!.status).toBe('down');
      expect(byId.get('X-INET-1')!.status).toBe('down');
      expect(byId.get('X-MPLS-2')!.status).toBe('up');
      expect(body.summary.circuits).toEqual({ up: 2, degraded: 0, down: 2, unknown: 0 });
      expect(body.summary.faults).toBe(1);
      expect(body.live.pollingAlive).toBe(true);
      // A1 is shared with bank-y: it lists only bank-x circuits and never Y's alarm.
      const a1 = s.elements.find((e) => e.id === 'A1')!;
      expect(a1.circuitIds.every((id) => id.startsWith('X-'))).toBe(true);
      const text = JSON.stringify(body);
      expect(text).not.toContain('Y-');
      expect(text).not.toContain('bank-y');
      expect(text).not.toContain(Y_ONLY_ALARM);
      expect(text).not.toContain('alm-cleared');
    });

    it('limits an org-subtree user to its subtree, and 404s anything outside it', async () => {
      const { status, body } = await get<TopologyBody>('/topology', 'x.001');
      expect(status).toBe(200);
      expect(body.rootOrgUnitId).toBe('X-WH-001');
      expect(body.structure!.circuits.map((c) => c.id)).toEqual(['X-MPLS-1']);
      expect(body.structure!.orgUnits.map((u) => u.id)).toEqual(['X-WH-001']);
      // The far end (the hub in X-PV) is shown as an out-of-scope end, not as a unit's site.
      expect(body.structure!.sites.filter((x) => x.inScope).map((x) => x.id)).toEqual(['X-S-001']);
      expect(JSON.stringify(body)).not.toMatch(/X-MPLS-2|X-MPLS-3|X-INET-1|X-WH-002/);

      const wh = await get<TopologyBody>('/topology?orgUnitId=X-WH-001', 'x.wh');
      expect(wh.status).toBe(200);
      expect(wh.body.structure!.circuits.map((c) => c.id)).toEqual(['X-MPLS-1']);

      for (const path of [
        '/topology?orgUnitId=X-WH',
        '/topology?orgUnitId=X-WH-002',
        '/topology?customerId=bank-y',
        '/topology?orgUnitId=Y-HO',
      ]) {
        const res = await api.get(path, tokens['x.001']);
        expect([path, res.status]).toEqual([path, 404]);
        expect((await problemOf(res)).detail).not.toMatch(/bank-y|Y-HO|X-WH/);
      }
    });

    it('answers 404 for another tenant, 400 without a customer for multi-customer scopes', async () => {
      expect((await get('/topology?customerId=bank-x', 'y.admin')).status).toBe(404);
      const y = await get<TopologyBody>('/topology', 'y.admin');
      expect(y.body.structure!.circuits.map((c) => c.id)).toEqual(['Y-MPLS-1']);
      expect(JSON.stringify(y.body)).not.toMatch(/X-CPE|X-MPLS|X-INET|bank-x/);

      const noc = await api.get('/topology', tokens.noc);
      expect(noc.status).toBe(400);
      expect((await problemOf(noc)).errors).toEqual([
        expect.objectContaining({ path: 'customerId' }),
      ]);
      expect((await get('/topology?customerId=bank-y', 'noc')).status).toBe(200);
      expect((await get('/topology?customerId=bank-z', 'noc')).status).toBe(404);

      expect((await get<TopologyBody>('/topology', 'am.x')).body.customerId).toBe('bank-x');
      expect((await get('/topology?customerId=bank-y', 'am.x')).status).toBe(404);
      expect((await get('/topology', 'am.xy')).status).toBe(400);
      expect((await get('/topology?customerId=bank-y', 'am.xy')).status).toBe(200);
      expect((await get('/topology?customerId=bank-x', 'field')).status).toBe(404);

      const bad = await api.get('/topology?format=svg&customerId=bank-x', tokens.noc);
      expect(bad.status).toBe(400);
      expect((await problemOf(bad)).errors?.map((e) => e.path)).toEqual(['format']);
    });

    it('renders Cytoscape elements: compound org units, sites and the operator group; the dead PE marked', async () => {
      const { status, body } = await get<TopologyBody>('/topology?format=cytoscape', 'x.admin');
      expect(status).toBe(200);
      expect(body.structure).toBeUndefined();
      const { nodes, edges } = body.cytoscape!;
      const ids = new Set(nodes.map((n) => n.data.id));
      expect(ids.size).toBe(nodes.length);
      for (const n of nodes) {
        expect(typeof n.data.label).toBe('string');
        expect(typeof n.classes).toBe('string');
        if (n.data.parent !== undefined) expect(ids.has(n.data.parent)).toBe(true);
      }
      for (const e of edges) {
        expect(ids.has(e.data.source!)).toBe(true);
        expect(ids.has(e.data.target!)).toBe(true);
      }
      expect(ids).toContain('org:X-WH-001');
      expect(ids).toContain('site:X-S-001');
      const p1 = nodes.find((n) => n.data.id === 'P1')!;
      expect(p1.data.parent).toBe('group:operator');
      expect(p1.classes.split(' ')).toEqual(
        expect.arrayContaining([
          'element',
          'role-pe',
          'state-down',
          'shared',
          'silent',
          'fault-suspect',
        ]),
      );
      expect(nodes.find((n) => n.data.id === 'X-CPE-1')!.data.parent).toBe('site:X-S-001');
      expect(JSON.stringify(body)).not.toContain('Y-');
    });

    it('pages and sorts table rows', async () => {
      const first = await get<TopologyBody>('/topology?format=circuit-rows&pageSize=3', 'x.admin');
      expect(first.body.circuitRows!.total).toBe(4);
      // Default: worst status first.
      expect(first.body.circuitRows!.items.map((r) => r.status)).toEqual(['down', 'down', 'up']);
      const byName = await get<TopologyBody>(
        '/topology?format=circuit-rows&sort=-name&page=2&pageSize=2',
        'x.admin',
      );
      expect(byName.body.circuitRows!.items.map((r) => r.circuitId)).toEqual([
        'X-MPLS-1',
        'X-INET-1',
      ]);
      const sites = await get<TopologyBody>('/topology?format=site-rows&sort=name', 'x.001');
      expect(sites.body.siteRows!.items.map((r) => r.siteId)).toEqual(['X-S-001', 'X-S-PV']);
      const wrong = await api.get(
        '/topology?format=site-rows&sort=bandwidthBps',
        tokens['x.admin'],
      );
      expect(wrong.status).toBe(400);
      expect((await problemOf(wrong)).errors?.[0]?.path).toBe('sort');
    });
  });

  interface LocatedBody {
    severity: string;
    causeId: string;
    suspect: { kind: string; id: string; name: string };
    segment: string;
    confidence: number;
    evidence: { kind: string; alarmId: string | null; deviceId: string; reason: string }[];
    otherSupportingFacts: number;
  }

  describe('GET /circuits/{id}/topology and /fault-location', () => {
    it('gives the route in order with live state, the located fault and Cytoscape elements', async () => {
      const { status, body } = await get<{
        hops: { deviceId: string; segment: string; status: string }[];
        links: { linkId: string; fromIndex: number; status: string }[];
        fault: LocatedBody | null;
        storedState: string;
        cytoscape: { nodes: Cy[]; edges: Cy[] };
      }>('/circuits/X-MPLS-1/topology', 'x.001');
      expect(status).toBe(200);
      expect(body.hops.map((h) => h.deviceId)).toEqual([
        'X-CPE-1',
        'A1',
        'P1',
        'C1',
        'P2',
        'A3',
        'X-HUB',
      ]);
      expect(body.hops.map((h) => h.segment)).toEqual([
        'customer-side',
        'access',
        'pe',
        'core',
        'pe',
        'access',
        'customer-side',
      ]);
      expect(body.hops[2]!.status).toBe('down');
      expect(body.links.map((l) => l.fromIndex)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(body.fault).toMatchObject({
        suspect: { kind: 'element', id: 'P1' },
        segment: 'pe',
        severity: 'down',
      });
      expect(body.storedState).toBe('up'); // as stored; ingestion did not run in this test
      const suspect = body.cytoscape.nodes.filter((n) =>
        n.classes.split(' ').includes('fault-suspect'),
      );
      expect(suspect.map((n) => n.data.id)).toEqual(['P1']);
      expect(body.cytoscape.edges).toHaveLength(6);
    });

    it('locates the fault with evidence from the circuit’s own route only', async () => {
      const { body } = await get<{ verdict: string; fault: LocatedBody }>(
        '/circuits/X-MPLS-1/fault-location',
        'x.001',
      );
      expect(body.verdict).toBe('fault');
      expect(body.fault.suspect.id).toBe('P1');
      expect(body.fault.confidence).toBeGreaterThan(0.5);
      const alarmIds = body.fault.evidence.flatMap((e) => (e.alarmId ? [e.alarmId] : []));
      // X-MPLS-1 crosses A1→P1 and P1→C1, not P1→C2: that alarm is only counted.
      expect(alarmIds.sort()).toEqual([P1_ALARMS[0], P1_ALARMS[2]].sort());
      expect(body.fault.evidence.some((e) => e.kind === 'silent' && e.deviceId === 'P1')).toBe(
        true,
      );
      expect(body.fault.otherSupportingFacts).toBeGreaterThanOrEqual(1);
      for (const e of body.fault.evidence) expect(e.reason.length).toBeGreaterThan(10);
    });

    it('answers no-fault for a healthy circuit', async () => {
      const { status, body } = await get<{ verdict: string; fault: null; status: string }>(
        '/circuits/X-MPLS-2/fault-location',
        'x.admin',
      );
      expect(status).toBe(200);
      expect(body).toMatchObject({ verdict: 'no-fault', fault: null, status: 'up' });
    });

    it('answers 404 outside the scope, exactly as for an unknown circuit', async () => {
      for (const [path, user] of [
        ['/circuits/X-MPLS-1/topology', 'y.admin'],
        ['/circuits/X-MPLS-1/fault-location', 'y.admin'],
        ['/circuits/X-MPLS-2/topology', 'x.001'],
        ['/circuits/X-MPLS-2/fault-location', 'x.001'],
        ['/circuits/Y-MPLS-1/topology', 'am.x'],
        ['/circuits/NOPE/topology', 'noc'],
      ] as const) {
        const res = await api.get(path, tokens[user]);
        expect([path, user, res.status]).toEqual([path, user, 404]);
        await problemOf(res);
      }
      expect((await get('/circuits/Y-MPLS-1/topology', 'noc')).status).toBe(200);
    });
  });

  describe('a field engineer: the route and located fault of the circuits of its dispatched tickets', () => {
    const dispatchedTo = (userId: string, status: TicketDocument['status'] = 'inProgress') => ({
      status,
      fieldEngineerIds: [userId],
      assignment: {
        teamId: null,
        engineerUserId: userId,
        engineerName: userId,
        dispatchedAt: new Date(),
        dispatchedBy: 'noc',
      },
    });

    beforeAll(async () => {
      const now = new Date();
      await api.db.collection<TicketDocument>(COLLECTIONS.tickets).insertMany([
        // Open and dispatched to `field`: its circuit's route and fault are readable.
        ticketDocument(
          {
            _id: 'TT-FIELD-OPEN',
            customerId: 'bank-x',
            orgUnitIds: ['X-HO', 'X-PV', 'X-WH', 'X-WH-001'],
            circuitIds: ['X-MPLS-1'],
            name: 'X-MPLS-1 down',
            ...dispatchedTo('user-field'),
          },
          now,
        ),
        // Closed: no longer the engineer's job.
        ticketDocument(
          {
            _id: 'TT-FIELD-CLOSED',
            customerId: 'bank-x',
            orgUnitIds: ['X-HO'],
            circuitIds: ['X-INET-1'],
            name: 'X-INET-1 down',
            ...dispatchedTo('user-field', 'closed'),
          },
          now,
        ),
        // Another engineer's job.
        ticketDocument(
          {
            _id: 'TT-OTHER-ENGINEER',
            customerId: 'bank-y',
            orgUnitIds: ['Y-HO'],
            circuitIds: ['Y-MPLS-1'],
            name: 'Y-MPLS-1 degraded',
            ...dispatchedTo('user-someone-else'),
          },
          now,
        ),
      ]);
    });

    it('reads the route hop by hop with states and the located fault of a dispatched circuit', async () => {
      const route = await get<{
        hops: { deviceId: string; status: string }[];
        fault: LocatedBody | null;
      }>('/circuits/X-MPLS-1/topology', 'field');
      expect(route.status).toBe(200);
      expect(route.body.hops.map((h) => h.deviceId)).toEqual([
        'X-CPE-1',
        'A1',
        'P1',
        'C1',
        'P2',
        'A3',
        'X-HUB',
      ]);
      expect(route.body.hops[2]!.status).toBe('down');
      expect(route.body.fault).toMatchObject({ suspect: { kind: 'element', id: 'P1' } });
      const located = await get<{ verdict: string; fault: LocatedBody }>(
        '/circuits/X-MPLS-1/fault-location',
        'field',
      );
      expect(located.status).toBe(200);
      expect(located.body).toMatchObject({ verdict: 'fault', fault: { suspect: { id: 'P1' } } });
    });

    it('404 for any other circuit, closed jobs and other engineers included, and nothing else of the customer', async () => {
      for (const path of [
        '/circuits/X-INET-1/topology',
        '/circuits/X-INET-1/fault-location',
        '/circuits/Y-MPLS-1/topology',
        '/circuits/Y-MPLS-1/fault-location',
        '/circuits/X-MPLS-2/topology',
        // The dispatched circuit itself through the customer's reads: still nothing.
        '/circuits/X-MPLS-1',
        '/topology?customerId=bank-x',
      ]) {
        const res = await api.get(path, tokens.field);
        expect([path, res.status]).toEqual([path, 404]);
        await problemOf(res);
      }
      const circuits = await get<{ total: number }>('/circuits', 'field');
      expect(circuits.body.total).toBe(0);
      expect((await get<{ total: number }>('/faults', 'field')).body.total).toBe(0);
    });

    it('loses the circuit when the ticket is reassigned', async () => {
      const tickets = api.db.collection<TicketDocument>(COLLECTIONS.tickets);
      await tickets.updateOne(
        { _id: 'TT-FIELD-OPEN' },
        { $set: { fieldEngineerIds: ['user-someone-else'] } },
      );
      try {
        expect((await get('/circuits/X-MPLS-1/topology', 'field')).status).toBe(404);
      } finally {
        await tickets.updateOne(
          { _id: 'TT-FIELD-OPEN' },
          { $set: { fieldEngineerIds: ['user-field'] } },
        );
      }
      expect((await get('/circuits/X-MPLS-1/topology', 'field')).status).toBe(200);
    });
  });

  interface FaultsBody {
    items: {
      id: string;
      suspect: { id: string };
      severity: string;
      circuitCount: number;
      circuits: { id: string; customerId: string }[];
      customers: { customerId: string; circuitCount: number }[];
      evidence: { alarmId: string | null }[];
      otherSupportingFacts: number;
    }[];
    total: number;
  }

  describe('GET /faults', () => {
    it('gives the NOC one common cause for the dead PE across both banks, and the degradation', async () => {
      const { body } = await get<FaultsBody>('/faults', 'noc');
      expect(body.total).toBe(2);
      const [pe, degraded] = body.items;
      expect(pe).toMatchObject({ id: 'down|element|P1', circuitCount: 3, severity: 'down' });
      expect(pe!.circuits.map((c) => c.id).sort()).toEqual(['X-INET-1', 'X-MPLS-1', 'Y-MPLS-1']);
      expect(pe!.customers.map((c) => [c.customerId, c.circuitCount])).toEqual([
        ['bank-x', 2],
        ['bank-y', 1],
      ]);
      expect(pe!.evidence.flatMap((e) => (e.alarmId ? [e.alarmId] : [])).sort()).toEqual(
        [...P1_ALARMS].sort(),
      );
      expect(pe!.otherSupportingFacts).toBe(0);
      expect(degraded!.severity).toBe('degraded');
      expect(degraded!.circuits.map((c) => c.id)).toEqual(['Y-MPLS-1']);

      const onlyDegraded = await get<FaultsBody>('/faults?severity=degraded', 'noc');
      expect(onlyDegraded.body.items.map((c) => c.severity)).toEqual(['degraded']);
      const forX = await get<FaultsBody>('/faults?customerId=bank-x', 'noc');
      expect(forX.body.items.map((c) => c.id)).toEqual(['down|element|P1']);
      expect(forX.body.items[0]!.circuitCount).toBe(2);
    });

    it('shows a customer the cause with its own circuits and evidence only', async () => {
      const { body } = await get<FaultsBody>('/faults', 'x.admin');
      expect(body.items.map((c) => c.id)).toEqual(['down|element|P1']);
      const [pe] = body.items;
      expect(pe!.circuits.map((c) => c.id).sort()).toEqual(['X-INET-1', 'X-MPLS-1']);
      expect(pe!.customers.map((c) => c.customerId)).toEqual(['bank-x']);
      // The alarm on C2's port facing P1 is on no bank-x route: counted, not shown.
      const shown = pe!.evidence.flatMap((e) => (e.alarmId ? [e.alarmId] : []));
      expect(shown).not.toContain(P1_ALARMS[1]);
      expect(pe!.otherSupportingFacts).toBeGreaterThanOrEqual(1);
      expect(JSON.stringify(body)).not.toMatch(/Y-|bank-y/);

      const sub = await get<FaultsBody>('/faults', 'x.001');
      expect(sub.body.items[0]!.circuits.map((c) => c.id)).toEqual(['X-MPLS-1']);
      const y = await get<FaultsBody>('/faults', 'y.admin');
      expect(y.body.items.map((c) => c.severity).sort()).toEqual(['degraded', 'down']);
      for (const cause of y.body.items)
        expect(cause.circuits.map((c) => c.id)).toEqual(['Y-MPLS-1']);
      expect(JSON.stringify(y.body)).not.toMatch(/X-MPLS|X-INET|bank-x/);
      expect((await get<FaultsBody>('/faults?customerId=bank-y', 'x.admin')).body.total).toBe(0);
      expect((await get<FaultsBody>('/faults', 'field')).body.total).toBe(0);
    });

    it('pages and sorts', async () => {
      const page2 = await get<FaultsBody>('/faults?pageSize=1&page=2', 'noc');
      expect(page2.body.total).toBe(2);
      expect(page2.body.items.map((c) => c.severity)).toEqual(['degraded']);
      const byCount = await get<FaultsBody>('/faults?sort=circuits', 'noc');
      expect(byCount.body.items.map((c) => c.circuitCount)).toEqual([1, 3]);
      expect((await get('/faults?sort=passwordHash', 'noc')).status).toBe(400);
    });
  });

  interface ImpactBody {
    target: { type: string; id: string; name: string; segment: string };
    circuitCount: number;
    customerCount: number;
    customers: { customerId: string; circuitCount: number }[];
    circuits: { items: { id: string; customerId: string }[]; total: number };
  }

  describe('impact (operator staff)', () => {
    it('lists every circuit and customer an element, link or interface carries', async () => {
      const el = await get<ImpactBody>('/elements/A1/impact', 'noc');
      expect(el.status).toBe(200);
      expect(el.body.target).toMatchObject({ type: 'element', id: 'A1', segment: 'access' });
      expect(el.body.circuits.items.map((c) => c.id).sort()).toEqual([
        'X-INET-1',
        'X-MPLS-1',
        'X-MPLS-2',
        'Y-MPLS-1',
      ]);
      expect(el.body.customers).toEqual([
        expect.objectContaining({ customerId: 'bank-x', circuitCount: 3 }),
        expect.objectContaining({ customerId: 'bank-y', circuitCount: 1 }),
      ]);
      const paged = await get<ImpactBody>('/elements/A1/impact?pageSize=1&sort=-id', 'admin');
      expect(paged.body.circuits).toMatchObject({ total: 4, items: [{ id: 'Y-MPLS-1' }] });

      const link = await get<ImpactBody>('/links/L-C1-C2/impact', 'noc');
      expect(link.body.target).toMatchObject({ type: 'link', segment: 'core', name: 'C1 ⇄ C2' });
      expect(link.body.circuits.items.map((c) => c.id)).toEqual(['Y-MPLS-1']);

      const port = endOn('L-P1-A1', 'A1');
      const iface = await get<ImpactBody>(`/elements/A1/interfaces/${port.ifIndex}/impact`, 'noc');
      expect(iface.body.target.id).toBe(`A1:${port.ifIndex}`);
      expect(iface.body.circuits.items.map((c) => c.id).sort()).toEqual([
        'X-INET-1',
        'X-MPLS-1',
        'Y-MPLS-1',
      ]);
    });

    it('is 403 for everyone else and 404 for an unknown target', async () => {
      for (const user of ['x.admin', 'x.001', 'y.admin', 'am.x', 'field']) {
        for (const path of [
          '/elements/A1/impact',
          '/links/L-C1-C2/impact',
          '/elements/A1/interfaces/1/impact',
        ]) {
          const res = await api.get(path, tokens[user]);
          expect([user, path, res.status]).toEqual([user, path, 403]);
        }
      }
      expect((await get('/elements/NOPE/impact', 'noc')).status).toBe(404);
      expect((await get('/links/NOPE/impact', 'noc')).status).toBe(404);
      expect((await get('/elements/A1/interfaces/999/impact', 'noc')).status).toBe(404);
      const bad = await api.get('/elements/A1/interfaces/x/impact', tokens.noc);
      expect(bad.status).toBe(400);
      expect((await problemOf(bad)).errors?.[0]?.path).toBe('ifIndex');
    });
  });
});
