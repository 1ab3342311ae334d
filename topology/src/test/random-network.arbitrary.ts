/**
 * fast-check arbitrary of small random operator networks with two customers: cores in
 * a mesh, PEs on one or two cores, access nodes on PEs or on other access nodes (rings
 * and chains), CPEs on access nodes (some with two access links), and circuits along a
 * shortest path between two CPEs of the same customer or from a CPE to the gateway,
 * never through another CPE or the gateway.
 */
import fc from 'fast-check';

import type { NetworkInventory } from '../model/demo-network.model';
import { NetworkFixtureBuilder } from './network-fixture.builder';

interface Shape {
  cores: number;
  pes: { cores: number[] }[];
  access: { uplinks: number[] }[];
  cpes: { customer: number; access: number[] }[];
  circuits: { a: number; z: number; internet: boolean }[];
}

const shape: fc.Arbitrary<Shape> = fc
  .record({
    cores: fc.integer({ min: 1, max: 3 }),
    pes: fc.integer({ min: 1, max: 4 }),
    access: fc.integer({ min: 1, max: 6 }),
    cpes: fc.integer({ min: 2, max: 8 }),
  })
  .chain(({ cores, pes, access, cpes }) =>
    fc.record({
      cores: fc.constant(cores),
      pes: fc.array(
        fc.record({ cores: fc.uniqueArray(fc.nat(cores - 1), { minLength: 1, maxLength: 2 }) }),
        { minLength: pes, maxLength: pes },
      ),
      // Uplinks index PEs (< pes) or earlier access nodes (pes + j): always connected.
      access: fc.tuple(
        ...Array.from({ length: access }, (_, i) =>
          fc.record({
            uplinks: fc.uniqueArray(fc.nat(pes + i - 1), { minLength: 1, maxLength: 2 }),
          }),
        ),
      ),
      cpes: fc.array(
        fc.record({
          customer: fc.nat(1),
          access: fc.uniqueArray(fc.nat(access - 1), { minLength: 1, maxLength: 2 }),
        }),
        { minLength: cpes, maxLength: cpes },
      ),
      circuits: fc.array(
        fc.record({ a: fc.nat(cpes - 1), z: fc.nat(cpes - 1), internet: fc.boolean() }),
        { minLength: 1, maxLength: 12 },
      ),
    }),
  );

function shortestPath(
  adjacency: ReadonlyMap<string, string[]>,
  from: string,
  to: string,
  forbidden: (id: string) => boolean,
): string[] | null {
  const previous = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i += 1) {
    const here = queue[i] ?? '';
    if (here === to) break;
    for (const next of adjacency.get(here) ?? []) {
      if (previous.has(next) || (next !== to && forbidden(next))) continue;
      previous.set(next, here);
      queue.push(next);
    }
  }
  if (!previous.has(to)) return null;
  const path: string[] = [];
  for (let at: string | null = to; at !== null; at = previous.get(at) ?? null) path.unshift(at);
  return path;
}

function build(s: Shape): NetworkInventory {
  const b = new NetworkFixtureBuilder();
  const adjacency = new Map<string, string[]>();
  const link = (a: string, z: string, kind: 'backbone' | 'aggregation' | 'access', id: string) => {
    b.link(a, z, kind, id);
    adjacency.set(a, [...(adjacency.get(a) ?? []), z]);
    adjacency.set(z, [...(adjacency.get(z) ?? []), a]);
  };
  b.site('POP', null, null, 'pop');
  const cores = Array.from({ length: s.cores }, (_, i) => `CORE-${i}`);
  for (const id of cores) b.element(id, 'core', 'POP');
  cores.forEach((a, i) => cores.slice(i + 1).forEach((z) => link(a, z, 'backbone', `L-${a}-${z}`)));
  b.element('IGW', 'pe', 'POP');
  link('IGW', 'CORE-0', 'backbone', 'L-IGW-CORE-0');
  const pes = s.pes.map((_, i) => `PE-${i}`);
  s.pes.forEach((pe, i) => {
    b.element(`PE-${i}`, 'pe', 'POP');
    for (const c of pe.cores) link(`PE-${i}`, `CORE-${c}`, 'backbone', `L-PE-${i}-CORE-${c}`);
  });
  const access = s.access.map((_, i) => `ACC-${i}`);
  s.access.forEach((node, i) => {
    b.element(`ACC-${i}`, 'access', 'POP');
    for (const u of node.uplinks) {
      const up = u < pes.length ? pes[u] : access[u - pes.length];
      if (up !== undefined) link(`ACC-${i}`, up, 'aggregation', `L-ACC-${i}-${up}`);
    }
  });
  for (const c of [0, 1]) {
    b.customer(`cust-${c}`, `cust-${c}-HO`)
      .orgUnit(`cust-${c}-HO`, `cust-${c}`, null, 'head-office')
      .orgUnit(`cust-${c}-OUT`, `cust-${c}`, `cust-${c}-HO`, 'outlet');
  }
  const cpes = s.cpes.map((cpe, i) => {
    const id = `CPE-${i}`;
    const unit = i % 2 === 0 ? `cust-${cpe.customer}-HO` : `cust-${cpe.customer}-OUT`;
    b.site(`SITE-${i}`, `cust-${cpe.customer}`, unit, 'outlet');
    b.element(id, 'cpe', `SITE-${i}`, `cust-${cpe.customer}`);
    for (const a of cpe.access) link(id, `ACC-${a}`, 'access', `L-${id}-ACC-${a}`);
    return { id, customer: cpe.customer, unit };
  });
  const isCpe = (id: string) => id.startsWith('CPE-') || id === 'IGW';
  s.circuits.forEach((c, i) => {
    const a = cpes[c.a];
    const z = c.internet ? undefined : cpes[c.z];
    if (!a || (z !== undefined && (z.id === a.id || z.customer !== a.customer))) return;
    const path = shortestPath(adjacency, a.id, z?.id ?? 'IGW', isCpe);
    if (!path || path.length < 2) return;
    b.circuit({
      id: `CIR-${i}`,
      customerId: `cust-${a.customer}`,
      orgUnitId: a.unit,
      product: c.internet ? 'internet' : 'mpls-vpn',
      slaClass: (['platinum', 'gold', 'silver', 'bronze'] as const)[i % 4],
      path,
      zOutPort: c.internet,
    });
  });
  return b.build();
}

export const randomNetwork: fc.Arbitrary<NetworkInventory> = shape.map(build);
