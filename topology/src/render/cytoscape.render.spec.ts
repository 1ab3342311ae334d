import { customerTopology } from '../customer/customer.topology';
import { locateFaults } from '../fault/fault-location.algorithm';
import { predictedEvidence } from '../fault/predicted-evidence';
import { buildTopologyIndex } from '../graph/inventory.index';
import { circuitRouteTopology } from '../route/circuit-route.topology';
import { miniNetwork } from '../test/mini-network.fixture';
import type { CytoscapeGraph } from './cytoscape.render';
import { OPERATOR_GROUP_ID, orgUnitNodeId, siteNodeId, toCytoscape } from './cytoscape.render';

function expectConsistent(graph: CytoscapeGraph): void {
  const ids = new Set(graph.elements.nodes.map((n) => n.data.id));
  expect(ids.size).toBe(graph.elements.nodes.length);
  for (const node of graph.elements.nodes)
    if (node.data.parent !== undefined) expect(ids.has(node.data.parent)).toBe(true);
  for (const edge of graph.elements.edges) {
    expect(ids.has(edge.data.source)).toBe(true);
    expect(ids.has(edge.data.target)).toBe(true);
  }
}

describe('toCytoscape', () => {
  const index = buildTopologyIndex(miniNetwork());
  const live = predictedEvidence(index, [{ kind: 'element-down', deviceId: 'P1' }]);
  const faults = locateFaults(index, live);

  it('draws a route: hops as nodes, CPEs in their sites, links as edges, suspects marked', () => {
    const route = circuitRouteTopology(index, 'X-MPLS-1', live);
    if (!route) throw new Error('no route');
    const graph = toCytoscape(route, { faults });
    expectConsistent(graph);
    const byId = new Map(graph.elements.nodes.map((n) => [n.data.id, n]));
    expect(byId.get('P1')?.classes.split(' ')).toEqual(
      expect.arrayContaining([
        'element',
        'role-pe',
        'segment-pe',
        'state-down',
        'shared',
        'fault-suspect',
      ]),
    );
    expect(byId.get('X-CPE-1')?.data.parent).toBe(siteNodeId('X-S-001'));
    expect(byId.get('X-CPE-1')?.classes).toContain('a-end');
    expect(byId.get(siteNodeId('X-S-001'))?.classes).toBe('site segment-customer-side');
    expect(byId.get('A1')?.classes).not.toContain('fault-suspect');
    expect(graph.elements.edges.map((e) => e.data.id)).toEqual(route.links.map((l) => l.linkId));
    const down = graph.elements.edges.find((e) => e.data.id === 'L-P1-A1');
    expect(down?.classes).toBe('link kind-aggregation segment-access state-down');
    expect(down?.data.label).toMatch(/^GE0\/0\/\d+ → GE0\/0\/\d+$/);
  });

  it('marks a suspected link on its edge', () => {
    const linkLive = predictedEvidence(index, [{ kind: 'link-down', linkId: 'L-C1-C2' }]);
    const route = circuitRouteTopology(index, 'Y-MPLS-1', linkLive);
    if (!route) throw new Error('no route');
    const graph = toCytoscape(route, { faults: locateFaults(index, linkLive) });
    expect(graph.elements.edges.find((e) => e.data.id === 'L-C1-C2')?.classes).toContain(
      'fault-suspect',
    );
    expect(graph.elements.nodes.some((n) => n.classes.includes('fault-suspect'))).toBe(false);
  });

  it('draws a customer: org units nested, sites in units, CPEs in sites, shared in the operator group', () => {
    const topo = customerTopology(index, { customerId: 'bank-x', orgUnitId: 'X-WH' }, live);
    if (!topo) throw new Error('no topology');
    const graph = toCytoscape(topo, { faults });
    expectConsistent(graph);
    const byId = new Map(graph.elements.nodes.map((n) => [n.data.id, n]));
    expect(byId.get(orgUnitNodeId('X-WH'))?.data.parent).toBeUndefined();
    expect(byId.get(orgUnitNodeId('X-WH-001'))?.data.parent).toBe(orgUnitNodeId('X-WH'));
    expect(byId.get(orgUnitNodeId('X-WH'))?.classes).toBe('org-unit level-city state-down');
    expect(byId.get(siteNodeId('X-S-001'))?.data.parent).toBe(orgUnitNodeId('X-WH-001'));
    expect(byId.get(siteNodeId('X-S-PV'))?.classes).toContain('out-of-scope');
    expect(byId.get(siteNodeId('X-S-PV'))?.data.parent).toBeUndefined();
    expect(byId.get('X-CPE-1')?.data.parent).toBe(siteNodeId('X-S-001'));
    expect(byId.get('P1')?.data.parent).toBe(OPERATOR_GROUP_ID);
    expect(byId.get('P1')?.classes).toContain('fault-suspect');
    expect(graph.elements.edges).toHaveLength(topo.links.length);
  });

  it('can leave sites ungrouped', () => {
    const topo = customerTopology(index, { customerId: 'bank-y' }, live);
    if (!topo) throw new Error('no topology');
    const graph = toCytoscape(topo, { groupByOrgUnit: false });
    expectConsistent(graph);
    expect(graph.elements.nodes.some((n) => n.classes.startsWith('org-unit'))).toBe(false);
    expect(graph.elements.nodes.some((n) => n.classes.includes('fault-suspect'))).toBe(false);
  });
});
