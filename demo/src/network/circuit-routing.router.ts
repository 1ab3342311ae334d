import { type NetworkInterface, type RouteHop } from '@circuitcare/topology';

import { type Adjacency, type InventoryBuilder } from './inventory-builder.context';
import { type SeededRandom } from './seeded-random.prng';

/** How a route ends: on a CPE port reached over its link, or on a port of the last element itself. */
export type RouteEnd =
  | { kind: 'linked'; iface: NetworkInterface }
  | { kind: 'terminal'; deviceId: string; ifIndex: number };

interface Step {
  deviceId: string;
  /** The link towards the next element; absent on the last one. */
  via: Adjacency | null;
}

/**
 * Routes a circuit from its A-end port through the given waypoints (the first one is the
 * element behind the A-end link) to its Z-end. Between waypoints it takes a shortest path,
 * breaking ties with the PRNG so that circuits spread over parallel PEs and cores the way
 * real provisioning does. A route never visits an element twice, never crosses a CPE and
 * never crosses a service gateway (LNS, LAC, internet gateway) unless it is a waypoint.
 */
export function routeCircuit(
  b: InventoryBuilder,
  rng: SeededRandom,
  noTransit: ReadonlySet<string>,
  aIf: NetworkInterface,
  waypoints: readonly string[],
  zEnd: RouteEnd,
): RouteHop[] {
  const first = b.peerOf(aIf);
  if (first.peerId !== waypoints[0])
    throw new Error(`A-end ${aIf._id} does not land on ${waypoints[0]}`);
  const steps: Step[] = [{ deviceId: aIf.deviceId, via: first }];
  const visited = new Set<string>([aIf.deviceId]);
  let current = first.peerId;

  const targets = [...waypoints.slice(1)];
  let zAdj: Adjacency | null = null;
  if (zEnd.kind === 'linked') {
    const towardsZ = b.peerOf(zEnd.iface);
    targets.push(towardsZ.peerId);
    zAdj = {
      peerId: zEnd.iface.deviceId,
      linkId: towardsZ.linkId,
      localIfIndex: towardsZ.peerIfIndex,
      peerIfIndex: zEnd.iface.ifIndex,
    };
  } else if (targets[targets.length - 1] !== zEnd.deviceId) {
    targets.push(zEnd.deviceId);
  }

  for (const target of targets) {
    for (const adj of shortestPath(b, rng, noTransit, visited, current, target)) {
      steps.push({ deviceId: current, via: adj });
      visited.add(current);
      current = adj.peerId;
    }
  }
  if (zAdj) {
    steps.push({ deviceId: current, via: zAdj });
    visited.add(current);
    current = zAdj.peerId;
  }
  steps.push({ deviceId: current, via: null });

  return steps.map((step, i): RouteHop => {
    const before = i > 0 ? (steps[i - 1]?.via ?? null) : null;
    const inIfIndex = before ? before.peerIfIndex : null;
    let outIfIndex = step.via ? step.via.localIfIndex : null;
    if (!step.via && zEnd.kind === 'terminal') outIfIndex = zEnd.ifIndex;
    return { deviceId: step.deviceId, inIfIndex, outIfIndex, linkId: step.via?.linkId ?? null };
  });
}

/** The adjacencies to follow from `from` to `to` (empty when they are the same element). */
function shortestPath(
  b: InventoryBuilder,
  rng: SeededRandom,
  noTransit: ReadonlySet<string>,
  blocked: ReadonlySet<string>,
  from: string,
  to: string,
): Adjacency[] {
  if (from === to) return [];
  const canCross = (id: string) =>
    !blocked.has(id) && !noTransit.has(id) && b.element(id).role !== 'cpe';
  // Distances to `to`, computed backwards so that the walk forward can pick any shortest step.
  const dist = new Map<string, number>([[to, 0]]);
  const queue = [to];
  for (let head = 0; head < queue.length && !dist.has(from); head++) {
    const u = queue[head] as string;
    const du = dist.get(u) as number;
    for (const adj of b.neighbours(u)) {
      if (dist.has(adj.peerId)) continue;
      if (adj.peerId !== from && !canCross(adj.peerId)) continue;
      dist.set(adj.peerId, du + 1);
      if (adj.peerId !== from) queue.push(adj.peerId);
    }
  }
  const total = dist.get(from);
  if (total === undefined) throw new Error(`no route from ${from} to ${to}`);
  const path: Adjacency[] = [];
  let at = from;
  for (let d = total; d > 0; d--) {
    const options = b
      .neighbours(at)
      .filter(
        (adj) => dist.get(adj.peerId) === d - 1 && (adj.peerId === to || canCross(adj.peerId)),
      );
    const step = rng.pick(options);
    path.push(step);
    at = step.peerId;
  }
  return path;
}
