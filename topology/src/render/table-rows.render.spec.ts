import { customerTopology } from '../customer/customer.topology';
import { locateFaults } from '../fault/fault-location.algorithm';
import { predictedEvidence } from '../fault/predicted-evidence';
import { buildTopologyIndex } from '../graph/inventory.index';
import { impactOf } from '../impact/impact.analysis';
import { circuitRouteTopology } from '../route/circuit-route.topology';
import { miniNetwork } from '../test/mini-network.fixture';
import {
  causeRows,
  customerCircuitRows,
  customerSiteRows,
  faultRows,
  impactRows,
  routeHopRows,
} from './table-rows.render';

describe('table rows', () => {
  const index = buildTopologyIndex(miniNetwork());
  const live = predictedEvidence(index, [{ kind: 'element-down', deviceId: 'A1' }]);

  it('flattens a route, one row per hop with its link to the next', () => {
    const route = circuitRouteTopology(index, 'X-MPLS-1', live);
    if (!route) throw new Error('no route');
    const rows = routeHopRows(route);
    expect(rows.map((r) => r.name)).toEqual(['X-CPE-1', 'A1', 'P1', 'C1', 'P2', 'A3', 'X-HUB']);
    expect(rows[0]).toMatchObject({
      segment: 'customer-side',
      inInterface: null,
      outInterface: 'GE0/0/1',
      linkId: 'L-X-CPE-1-A1',
      linkStatus: 'down',
      alarmCount: 1,
    });
    expect(rows[1]).toMatchObject({ status: 'down', alarmCount: 0 });
    expect(rows.at(-1)).toMatchObject({ linkId: null, linkStatus: null, outInterface: null });
  });

  it('flattens a customer topology into circuit and site rows', () => {
    const topo = customerTopology(index, { customerId: 'bank-x' }, live);
    if (!topo) throw new Error('no topology');
    const circuits = customerCircuitRows(topo);
    expect(circuits[0]).toEqual({
      circuitId: 'X-MPLS-1',
      name: 'X-MPLS-1',
      product: 'mpls-vpn',
      slaClass: 'silver',
      bandwidthBps: 1e7,
      orgUnitId: 'X-WH-001',
      orgUnitName: 'X-WH-001 名',
      aSiteName: 'X-S-001 站',
      zSiteName: 'X-S-PV 站',
      status: 'down',
      alarmCount: 2,
    });
    // The internet circuit ends on the operator's gateway site.
    expect(circuits.find((c) => c.circuitId === 'X-INET-1')?.zSiteName).toBe('IDC-WH 站');
    const sites = customerSiteRows(topo);
    expect(sites.find((s) => s.siteId === 'X-S-HO')).toEqual({
      siteId: 'X-S-HO',
      name: 'X-S-HO 站',
      kind: 'head-office',
      city: 'Wuhan',
      orgUnitName: 'X-HO 名',
      circuitCount: 0,
      status: 'up',
    });
  });

  it('flattens impact per customer', () => {
    const rows = impactRows(impactOf(index, { type: 'element', deviceId: 'P1' }));
    expect(rows).toEqual([
      {
        customerId: 'bank-x',
        customerName: 'bank-x 银行',
        circuits: 2,
        leasedLine: 0,
        mplsVpn: 1,
        internet: 1,
        vpdn: 0,
        platinum: 0,
        gold: 0,
        silver: 1,
        bronze: 1,
      },
      {
        customerId: 'bank-y',
        customerName: 'bank-y 银行',
        circuits: 1,
        leasedLine: 0,
        mplsVpn: 1,
        internet: 0,
        vpdn: 0,
        platinum: 1,
        gold: 0,
        silver: 0,
        bronze: 0,
      },
    ]);
  });

  it('flattens fault locations and causes', () => {
    const result = locateFaults(index, live);
    const rows = faultRows(result);
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.suspectName === 'A1' && r.segment === 'access')).toBe(true);
    expect(causeRows(result)).toEqual([
      {
        causeId: 'down|element|A1',
        severity: 'down',
        suspectKind: 'element',
        suspectName: 'A1',
        segment: 'access',
        confidence: result.causes[0]?.confidence,
        circuits: 4,
        customers: 2,
        evidenceCount: result.causes[0]?.evidence.length,
      },
    ]);
  });
});
