/**
 * A hand-built network small enough to reason about in a test:
 *
 *            C1 ──── C2            cores (G1 internet gateway on C1 and C2)
 *           /  \    /  \
 *         P1    \  /    P2         PEs, each on both cores
 *          │     \/     │  \
 *         A1 ── A2 ─────┘   A3     access ring P1-A1-A2-P2, A3 on P2
 *        / | \    |  \        |  \
 *  X-CPE-1 X-CPE-2 Y-CPE-1  X-CPE-3 (two access links)   X-HUB  Y-HUB
 *
 * Customer bank-x: X-HO → X-PV (hub X-HUB) → X-WH (city, X-CPE-3) → X-WH-001 (X-CPE-1),
 * X-WH-002 (X-CPE-2). Customer bank-y: Y-HO → Y-PV (Y-HUB) → Y-WH-001 (Y-CPE-1).
 */
import type { NetworkInventory } from '../model/demo-network.model';
import { NetworkFixtureBuilder } from './network-fixture.builder';

export function miniNetwork(): NetworkInventory {
  const b = new NetworkFixtureBuilder();
  b.site('POP-WH', null, null, 'pop').site('IDC-WH', null, null, 'idc');
  for (const id of ['C1', 'C2']) b.element(id, 'core', 'POP-WH');
  for (const id of ['P1', 'P2', 'G1']) b.element(id, 'pe', id === 'G1' ? 'IDC-WH' : 'POP-WH');
  for (const id of ['A1', 'A2', 'A3']) b.element(id, 'access', 'POP-WH');

  b.customer('bank-x', 'X-HO')
    .orgUnit('X-HO', 'bank-x', null, 'head-office')
    .orgUnit('X-PV', 'bank-x', 'X-HO', 'province')
    .orgUnit('X-WH', 'bank-x', 'X-PV', 'city')
    .orgUnit('X-WH-001', 'bank-x', 'X-WH', 'outlet')
    .orgUnit('X-WH-002', 'bank-x', 'X-WH', 'outlet')
    .site('X-S-HO', 'bank-x', 'X-HO', 'head-office')
    .site('X-S-PV', 'bank-x', 'X-PV', 'province')
    .site('X-S-WH', 'bank-x', 'X-WH', 'city')
    .site('X-S-001', 'bank-x', 'X-WH-001', 'outlet')
    .site('X-S-002', 'bank-x', 'X-WH-002', 'outlet')
    .element('X-HUB', 'cpe', 'X-S-PV', 'bank-x')
    .element('X-CPE-3', 'cpe', 'X-S-WH', 'bank-x')
    .element('X-CPE-1', 'cpe', 'X-S-001', 'bank-x')
    .element('X-CPE-2', 'cpe', 'X-S-002', 'bank-x');
  b.customer('bank-y', 'Y-HO')
    .orgUnit('Y-HO', 'bank-y', null, 'head-office')
    .orgUnit('Y-PV', 'bank-y', 'Y-HO', 'province')
    .orgUnit('Y-WH-001', 'bank-y', 'Y-PV', 'outlet')
    .site('Y-S-PV', 'bank-y', 'Y-PV', 'province')
    .site('Y-S-001', 'bank-y', 'Y-WH-001', 'outlet')
    .element('Y-HUB', 'cpe', 'Y-S-PV', 'bank-y')
    .element('Y-CPE-1', 'cpe', 'Y-S-001', 'bank-y');

  b.link('C1', 'C2', 'backbone')
    .link('P1', 'C1', 'backbone')
    .link('P1', 'C2', 'backbone')
    .link('P2', 'C1', 'backbone')
    .link('P2', 'C2', 'backbone')
    .link('G1', 'C1', 'backbone')
    .link('G1', 'C2', 'backbone')
    .link('P1', 'A1')
    .link('A1', 'A2')
    .link('A2', 'P2')
    .link('P2', 'A3')
    .link('X-CPE-1', 'A1', 'access')
    .link('X-CPE-2', 'A1', 'access')
    .link('Y-CPE-1', 'A1', 'access')
    .link('X-CPE-3', 'A2', 'access', 'L-X-CPE-3-A2-vpn')
    .link('X-CPE-3', 'A2', 'access', 'L-X-CPE-3-A2-inet')
    .link('X-HUB', 'A3', 'access')
    .link('Y-HUB', 'A3', 'access');

  b.circuit({
    id: 'X-MPLS-1',
    customerId: 'bank-x',
    orgUnitId: 'X-WH-001',
    path: ['X-CPE-1', 'A1', 'P1', 'C1', 'P2', 'A3', 'X-HUB'],
  })
    .circuit({
      id: 'X-MPLS-2',
      customerId: 'bank-x',
      orgUnitId: 'X-WH-002',
      slaClass: 'gold',
      path: ['X-CPE-2', 'A1', 'A2', 'P2', 'A3', 'X-HUB'],
    })
    .circuit({
      id: 'X-MPLS-3',
      customerId: 'bank-x',
      orgUnitId: 'X-WH',
      slaClass: 'gold',
      path: ['X-CPE-3', 'A2', 'P2', 'A3', 'X-HUB'],
      links: ['L-X-CPE-3-A2-vpn'],
    })
    .circuit({
      id: 'X-INET-1',
      customerId: 'bank-x',
      orgUnitId: 'X-WH',
      product: 'internet',
      slaClass: 'bronze',
      path: ['X-CPE-3', 'A2', 'A1', 'P1', 'C1', 'G1'],
      links: ['L-X-CPE-3-A2-inet'],
      zOutPort: true,
    })
    .circuit({
      id: 'Y-MPLS-1',
      customerId: 'bank-y',
      orgUnitId: 'Y-WH-001',
      slaClass: 'platinum',
      path: ['Y-CPE-1', 'A1', 'P1', 'C1', 'C2', 'P2', 'A3', 'Y-HUB'],
    });
  return b.build();
}
