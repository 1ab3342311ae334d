import fc from 'fast-check';

import { customerTopology } from './customer/customer.topology';
import { locateFaults } from './fault/fault-location.algorithm';
import { predictedEvidence } from './fault/predicted-evidence';
import { buildTopologyIndex } from './graph/inventory.index';
import { impactOf } from './impact/impact.analysis';
import type { ImpactTarget } from './impact/impact.analysis';
import type { NetworkInventory } from './model/demo-network.model';
import { toCytoscape } from './render/cytoscape.render';
import type { CytoscapeGraph } from './render/cytoscape.render';
import { circuitRouteTopology } from './route/circuit-route.topology';
import { randomNetwork } from './test/random-network.arbitrary';

function targetOf(inv: NetworkInventory): fc.Arbitrary<ImpactTarget> {
  return fc.oneof(
    fc
      .constantFrom(...inv.elements)
      .map((e): ImpactTarget => ({ type: 'element', deviceId: e._id })),
    fc.constantFrom(...inv.links).map((l): ImpactTarget => ({ type: 'link', linkId: l._id })),
    fc
      .constantFrom(...inv.interfaces)
      .map((i): ImpactTarget => ({ type: 'interface', deviceId: i.deviceId, ifIndex: i.ifIndex })),
  );
}

/** Brute force: the circuits whose route contains the target. */
function bruteForce(inv: NetworkInventory, target: ImpactTarget): string[] {
  return inv.circuits
    .filter((c) =>
      c.route.some((hop) => {
        switch (target.type) {
          case 'element':
            return hop.deviceId === target.deviceId;
          case 'link':
            return hop.linkId === target.linkId;
          case 'interface':
            return (
              hop.deviceId === target.deviceId &&
              (hop.inIfIndex === target.ifIndex || hop.outIfIndex === target.ifIndex)
            );
        }
      }),
    )
    .map((c) => c._id);
}

function consistent(graph: CytoscapeGraph): boolean {
  const ids = new Set(graph.elements.nodes.map((n) => n.data.id));
  return (
    ids.size === graph.elements.nodes.length &&
    graph.elements.nodes.every((n) => n.data.parent === undefined || ids.has(n.data.parent)) &&
    graph.elements.edges.every((e) => ids.has(e.data.source) && ids.has(e.data.target))
  );
}

describe('topology properties on random networks', () => {
  it('impactOf(x) is exactly the circuits whose route contains x', () => {
    fc.assert(
      fc.property(
        randomNetwork.chain((inv) => fc.tuple(fc.constant(inv), targetOf(inv))),
        ([inv, target]) => {
          const impact = impactOf(buildTopologyIndex(inv), target);
          expect(impact.circuitIds).toEqual(bruteForce(inv, target));
          const perCustomer = impact.customers.flatMap((c) => c.circuitIds);
          expect(perCustomer.sort()).toEqual([...impact.circuitIds].sort());
          const total = Object.values(impact.byProduct).reduce((a, b) => a + b, 0);
          expect(total).toBe(impact.circuitIds.length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('route topology hops follow circuit.route, links join consecutive hops', () => {
    fc.assert(
      fc.property(randomNetwork, (inv) => {
        const index = buildTopologyIndex(inv);
        for (const circuit of inv.circuits) {
          const route = circuitRouteTopology(index, circuit._id, { alarms: [] });
          expect(route?.hops.map((h) => h.deviceId)).toEqual(circuit.route.map((h) => h.deviceId));
          expect(route?.links.map((l) => l.linkId)).toEqual(circuit.routeLinkIds);
          route?.links.forEach((l, i) => {
            expect(l.fromIndex).toBe(i);
            expect(l.fromDeviceId).toBe(route.hops[i]?.deviceId);
            expect(l.toDeviceId).toBe(route.hops[i + 1]?.deviceId);
          });
          if (route) expect(consistent(toCytoscape(route))).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("a customer topology never holds another customer's circuit, site, CPE or alarm", () => {
    const scenario = randomNetwork.chain((inv) =>
      fc.record({
        inv: fc.constant(inv),
        customer: fc.constantFrom('cust-0', 'cust-1'),
        subtree: fc.boolean(),
        dead: fc.constantFrom(...inv.elements.map((e) => e._id)),
      }),
    );
    fc.assert(
      fc.property(scenario, ({ inv, customer, subtree, dead }) => {
        const index = buildTopologyIndex(inv);
        const live = predictedEvidence(index, [{ kind: 'element-down', deviceId: dead }]);
        const topo = customerTopology(
          index,
          { customerId: customer, ...(subtree ? { orgUnitId: `${customer}-OUT` } : {}) },
          live,
        );
        if (!topo) throw new Error('no topology');
        const circuits = new Map(inv.circuits.map((c) => [c._id, c]));
        const own = (id: string) => circuits.get(id)?.customerId === customer;
        expect(topo.circuits.every((c) => own(c.id))).toBe(true);
        if (subtree)
          expect(
            topo.circuits.every((c) => circuits.get(c.id)?.orgPath.includes(`${customer}-OUT`)),
          ).toBe(true);
        const sites = new Map(inv.sites.map((s) => [s._id, s]));
        expect(topo.sites.every((s) => sites.get(s.id)?.customerId === customer)).toBe(true);
        const elements = new Map(inv.elements.map((e) => [e._id, e]));
        for (const e of topo.elements) {
          const owner = elements.get(e.id)?.customerId;
          expect(owner === null || owner === customer).toBe(true);
          expect(e.circuitIds.every(own)).toBe(true);
        }
        for (const l of topo.links) expect(l.circuitIds.every(own)).toBe(true);
        // Every alarm shown is on this customer's CPE, on an element as a whole, or on a
        // port one of its circuits crosses.
        const shownAlarms = new Set(topo.elements.flatMap((e) => e.alarmIds));
        for (const alarm of live.alarms) {
          if (!shownAlarms.has(alarm._id)) continue;
          const { deviceId, ifIndex } = alarm.alarmedObject;
          const onOwnRoute = (index.circuitsByInterface.get(`${deviceId}:${ifIndex}`) ?? []).some(
            own,
          );
          expect(elements.get(deviceId)?.customerId === customer || onOwnRoute).toBe(true);
        }
        expect(consistent(toCytoscape(topo, { faults: locateFaults(index, live) }))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
