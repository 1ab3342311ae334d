import fc from 'fast-check';

import { buildTopologyIndex } from '../graph/inventory.index';
import type { NetworkInventory } from '../model/demo-network.model';
import { randomNetwork } from '../test/random-network.arbitrary';
import { locateFaults } from './fault-location.algorithm';
import { predictedEvidence } from './predicted-evidence';
import type { InjectedFault } from './predicted-evidence';

/** A random single failure of the network: an element, a link, or one end of a link. */
interface Failure {
  fault: InjectedFault;
  /** What locateFaults must name: the element, or the link (also for one end shut). */
  target: string;
}

function failureOf(inv: NetworkInventory): fc.Arbitrary<Failure> {
  const elements = inv.elements.map((e) => e._id);
  const links = inv.links;
  return fc.oneof(
    fc.constantFrom(...elements).map((deviceId): Failure => ({
      fault: { kind: 'element-down', deviceId },
      target: deviceId,
    })),
    fc.constantFrom(...links).map((l): Failure => ({
      fault: { kind: 'link-down', linkId: l._id },
      target: l._id,
    })),
    fc.tuple(fc.constantFrom(...links), fc.boolean()).map(([l, aEnd]): Failure => {
      const end = aEnd ? l.a : l.z;
      return {
        fault: {
          kind: 'interface-down',
          deviceId: end.deviceId,
          ifIndex: end.ifIndex,
        },
        target: l._id,
      };
    }),
  );
}

function circuitsThrough(inv: NetworkInventory, target: string): string[] {
  return inv.circuits
    .filter((c) => c.routeDeviceIds.includes(target) || c.routeLinkIds.includes(target))
    .map((c) => c._id);
}

const scenario = randomNetwork.chain((inv) =>
  fc.record({
    inv: fc.constant(inv),
    failure: failureOf(inv),
    silence: fc.boolean(),
    traps: fc.boolean(),
    answers: fc.boolean(),
  }),
);

describe('locateFaults on random networks with one injected failure', () => {
  it('names the injected element or link for every affected circuit, as one cause', () => {
    fc.assert(
      fc.property(scenario, ({ inv, failure, silence, traps, answers }) => {
        const index = buildTopologyIndex(inv);
        // Without traps the polls still see live elements' ports down.
        const live = predictedEvidence(index, [failure.fault], {
          silence,
          traps,
          polls: !traps,
          answers,
        });
        const result = locateFaults(index, live);
        expect(result.causes).toHaveLength(1);
        expect(result.causes[0]?.suspect.id).toBe(failure.target);
        const affected = circuitsThrough(inv, failure.target);
        expect(result.circuits.map((c) => c.circuitId).sort()).toEqual([...affected].sort());
        for (const c of result.circuits) {
          expect(c.suspect.id).toBe(failure.target);
          expect(c.confidence).toBeGreaterThan(0);
          expect(c.confidence).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('names a congested or erroring link or port, as a degradation', () => {
    const degraded = randomNetwork.chain((inv) =>
      fc.record({
        inv: fc.constant(inv),
        link: fc.constantFrom(...inv.links),
        kind: fc.constantFrom('congestion' as const, 'errors' as const),
        whole: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(degraded, ({ inv, link, kind, whole }) => {
        const index = buildTopologyIndex(inv);
        const fault: InjectedFault = whole
          ? { kind, linkId: link._id }
          : { kind, deviceId: link.a.deviceId, ifIndex: link.a.ifIndex };
        const result = locateFaults(index, predictedEvidence(index, [fault]));
        const expected = whole ? link._id : `${link.a.deviceId}:${link.a.ifIndex}`;
        expect(result.causes.map((c) => [c.severity, c.suspect.id])).toEqual([
          ['degraded', expected],
        ]);
        expect(result.circuits.every((c) => c.severity === 'degraded')).toBe(true);
        expect(result.circuits.map((c) => c.circuitId).sort()).toEqual(
          circuitsThrough(inv, link._id).sort(),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('never shows a circuit evidence from off its route', () => {
    fc.assert(
      fc.property(scenario, ({ inv, failure, silence }) => {
        const index = buildTopologyIndex(inv);
        const result = locateFaults(index, predictedEvidence(index, [failure.fault], { silence }));
        for (const c of result.circuits) {
          const circuit = inv.circuits.find((x) => x._id === c.circuitId);
          const onRoute = new Set<string>();
          for (const hop of circuit?.route ?? []) {
            onRoute.add(hop.deviceId);
            if (hop.inIfIndex !== null) onRoute.add(`${hop.deviceId}:${hop.inIfIndex}`);
            if (hop.outIfIndex !== null) onRoute.add(`${hop.deviceId}:${hop.outIfIndex}`);
          }
          for (const e of c.evidence) expect(onRoute.has(e.interfaceId ?? e.deviceId)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('separates two independent failures and gives each circuit one on its route', () => {
    const footprint = (inv: NetworkInventory, f: Failure): Set<string> => {
      const link = inv.links.find((l) => l._id === f.target);
      if (link) return new Set([link.a.deviceId, link.z.deviceId]);
      const near = inv.links.flatMap((l) =>
        l.a.deviceId === f.target
          ? [l.z.deviceId]
          : l.z.deviceId === f.target
            ? [l.a.deviceId]
            : [],
      );
      return new Set([f.target, ...near]);
    };
    const two = randomNetwork.chain((inv) =>
      fc.record({
        inv: fc.constant(inv),
        first: failureOf(inv),
        second: failureOf(inv),
        silence: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(two, ({ inv, first, second, silence }) => {
        const a = footprint(inv, first);
        fc.pre([...footprint(inv, second)].every((id) => !a.has(id)));
        const index = buildTopologyIndex(inv);
        const live = predictedEvidence(index, [first.fault, second.fault], { silence });
        const result = locateFaults(index, live);
        expect(result.causes.map((c) => c.suspect.id).sort()).toEqual(
          [first.target, second.target].sort(),
        );
        const affected = new Set([
          ...circuitsThrough(inv, first.target),
          ...circuitsThrough(inv, second.target),
        ]);
        expect(result.circuits.map((c) => c.circuitId).sort()).toEqual([...affected].sort());
        for (const c of result.circuits) {
          const onRoute = [first.target, second.target].filter((t) =>
            circuitsThrough(inv, t).includes(c.circuitId),
          );
          expect(onRoute).toContain(c.suspect.id);
          expect(c.otherCauseIds).toHaveLength(onRoute.length - 1);
        }
      }),
      { numRuns: 200 },
    );
  });
});
