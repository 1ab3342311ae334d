import { predictedEvidence } from '../fault/predicted-evidence';
import { buildTopologyIndex } from '../graph/inventory.index';
import type { LiveState } from '../live/live-state.model';
import { miniNetwork } from '../test/mini-network.fixture';
import { customerTopology } from './customer.topology';

describe('customerTopology', () => {
  const index = buildTopologyIndex(miniNetwork());
  const quiet: LiveState = { alarms: [] };

  it('returns null for an unknown customer or an org unit of another customer', () => {
    expect(customerTopology(index, { customerId: 'nope' }, quiet)).toBeNull();
    expect(customerTopology(index, { customerId: 'bank-x', orgUnitId: 'Y-PV' }, quiet)).toBeNull();
    expect(customerTopology(index, { customerId: 'bank-x', orgUnitId: 'nope' }, quiet)).toBeNull();
  });

  it("groups the whole customer's sites and circuits by its hierarchy", () => {
    const topo = customerTopology(index, { customerId: 'bank-x' }, quiet);
    expect(topo?.rootOrgUnitId).toBe('X-HO');
    expect(topo?.orgUnits.map((u) => [u.id, u.parentId])).toEqual([
      ['X-HO', null],
      ['X-PV', 'X-HO'],
      ['X-WH', 'X-PV'],
      ['X-WH-001', 'X-WH'],
      ['X-WH-002', 'X-WH'],
    ]);
    expect(topo?.orgUnits.find((u) => u.id === 'X-WH')).toMatchObject({
      siteIds: ['X-S-WH'],
      circuitIds: ['X-MPLS-3', 'X-INET-1'],
      subtreeStatus: { up: 4, degraded: 0, down: 0, unknown: 0 },
    });
    expect(topo?.circuits.map((c) => c.id)).toEqual([
      'X-MPLS-1',
      'X-MPLS-2',
      'X-MPLS-3',
      'X-INET-1',
    ]);
    expect(topo?.sites.map((s) => s.id)).toEqual([
      'X-S-HO',
      'X-S-PV',
      'X-S-WH',
      'X-S-001',
      'X-S-002',
    ]);
    expect(topo?.sites.every((s) => s.inScope)).toBe(true);
    expect(topo?.sites.find((s) => s.id === 'X-S-PV')?.circuitIds).toHaveLength(3);
    expect(topo?.summary).toEqual({
      circuits: { up: 4, degraded: 0, down: 0, unknown: 0 },
      sites: 5,
      sharedElements: 7,
      customerElements: 4,
    });
  });

  it("shows shared elements with the customer's circuits only, never another's", () => {
    const topo = customerTopology(index, { customerId: 'bank-x' }, quiet);
    const ids = topo?.elements.map((e) => e.id) ?? [];
    expect(ids).not.toContain('Y-CPE-1');
    expect(ids).not.toContain('Y-HUB');
    // C2 is crossed only by bank-y's circuit.
    expect(ids).not.toContain('C2');
    const a1 = topo?.elements.find((e) => e.id === 'A1');
    expect(a1).toMatchObject({ shared: true, segment: 'access' });
    expect(a1?.circuitIds).toEqual(['X-MPLS-1', 'X-MPLS-2', 'X-INET-1']);
    expect(topo?.links.map((l) => l.id)).not.toContain('L-Y-CPE-1-A1');
    expect(topo?.links.find((l) => l.id === 'L-P1-A1')?.circuitIds).toEqual([
      'X-MPLS-1',
      'X-INET-1',
    ]);
  });

  it("keeps another customer's alarms on a shared element out", () => {
    // Y-CPE-1 down: A1 reports its port facing Y-CPE-1 — bank-y's business.
    const live = predictedEvidence(index, [{ kind: 'element-down', deviceId: 'Y-CPE-1' }]);
    const x = customerTopology(index, { customerId: 'bank-x' }, live);
    expect(x?.elements.find((e) => e.id === 'A1')?.alarmIds).toEqual([]);
    expect(x?.circuits.every((c) => c.status === 'up')).toBe(true);
    const y = customerTopology(index, { customerId: 'bank-y' }, live);
    expect(y?.elements.find((e) => e.id === 'A1')?.alarmIds).toHaveLength(1);
    expect(y?.circuits[0]).toMatchObject({ status: 'down' });
    expect(y?.circuits[0]?.alarmIds).toHaveLength(1);
    expect(y?.elements.find((e) => e.id === 'Y-CPE-1')).toMatchObject({
      status: 'down',
      silent: true,
    });
  });

  it('overlays live status on circuits, sites, units, elements and links', () => {
    const live = predictedEvidence(index, [{ kind: 'element-down', deviceId: 'A2' }]);
    const topo = customerTopology(index, { customerId: 'bank-x' }, live);
    const status = Object.fromEntries(topo?.circuits.map((c) => [c.id, c.status]) ?? []);
    expect(status).toEqual({
      'X-MPLS-1': 'up',
      'X-MPLS-2': 'down',
      'X-MPLS-3': 'down',
      'X-INET-1': 'down',
    });
    expect(topo?.sites.find((s) => s.id === 'X-S-WH')?.status).toBe('down');
    expect(topo?.orgUnits[0]?.subtreeStatus).toEqual({ up: 1, degraded: 0, down: 3, unknown: 0 });
    expect(topo?.links.find((l) => l.id === 'L-A1-A2')?.status).toBe('down');
    expect(topo?.elements.find((e) => e.id === 'A2')?.status).toBe('down');
  });

  it('limits to an org subtree, showing far ends outside it as out of scope', () => {
    const topo = customerTopology(index, { customerId: 'bank-x', orgUnitId: 'X-WH' }, quiet);
    expect(topo?.rootOrgUnitId).toBe('X-WH');
    expect(topo?.orgUnits.map((u) => u.id)).toEqual(['X-WH', 'X-WH-001', 'X-WH-002']);
    expect(topo?.orgUnits[0]?.parentId).toBeNull();
    expect(topo?.circuits.map((c) => c.id)).toEqual([
      'X-MPLS-1',
      'X-MPLS-2',
      'X-MPLS-3',
      'X-INET-1',
    ]);
    const hub = topo?.sites.find((s) => s.id === 'X-S-PV');
    expect(hub).toMatchObject({ inScope: false, orgUnitId: null });
    expect(topo?.sites.map((s) => s.id)).not.toContain('X-S-HO');
    const outlet = customerTopology(index, { customerId: 'bank-x', orgUnitId: 'X-WH-001' }, quiet);
    expect(outlet?.circuits.map((c) => c.id)).toEqual(['X-MPLS-1']);
  });

  it('limits to the visible circuits', () => {
    const topo = customerTopology(
      index,
      { customerId: 'bank-x', visibleCircuitIds: new Set(['X-MPLS-2']) },
      quiet,
    );
    expect(topo?.circuits.map((c) => c.id)).toEqual(['X-MPLS-2']);
    expect(topo?.elements.find((e) => e.id === 'A1')?.circuitIds).toEqual(['X-MPLS-2']);
    expect(topo?.elements.map((e) => e.id)).not.toContain('P1');
  });

  it('is unknown without live state', () => {
    const topo = customerTopology(index, { customerId: 'bank-y' });
    expect(topo?.circuits[0]?.status).toBe('unknown');
    expect(topo?.summary.circuits.unknown).toBe(1);
  });
});
