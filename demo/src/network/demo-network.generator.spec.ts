import fc from 'fast-check';

import {
  interfaceId,
  type NetworkInventory,
  type ProductKind,
  SLA_CLASSES,
} from '@circuitcare/topology';

import { generateDemoNetwork, MIN_SITES_PER_CUSTOMER } from './demo-network.generator';

const PRODUCTS: ProductKind[] = ['leased-line', 'mpls-vpn', 'internet', 'vpdn'];
const CUSTOMERS = ['bank-a', 'bank-b'];

/**
 * Every structural promise the generator makes, as a list of broken ones (empty when
 * consistent). Plain checks rather than thousands of expect() calls keep the test fast.
 */
function inconsistencies(inv: NetworkInventory): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok && problems.length < 20) problems.push(what);
  };
  const elements = new Map(inv.elements.map((e) => [e._id, e]));
  const interfaces = new Map(inv.interfaces.map((i) => [i._id, i]));
  const links = new Map(inv.links.map((l) => [l._id, l]));
  const sites = new Map(inv.sites.map((s) => [s._id, s]));
  const orgUnits = new Map(inv.orgUnits.map((o) => [o._id, o]));

  for (const [name, list] of Object.entries(inv) as [string, { _id: string }[]][]) {
    check(new Set(list.map((d) => d._id)).size === list.length, `duplicate ids in ${name}`);
  }

  for (const i of inv.interfaces) {
    check(i._id === interfaceId(i.deviceId, i.ifIndex), `interface id ${i._id}`);
    check(elements.has(i.deviceId), `interface ${i._id} on unknown element`);
  }
  for (const l of inv.links) {
    for (const end of [l.a, l.z]) {
      check(
        interfaces.get(interfaceId(end.deviceId, end.ifIndex))?.linkId === l._id,
        `link ${l._id} end ${end.deviceId}:${end.ifIndex}`,
      );
    }
  }

  // Management addresses: unique, loopback, never 127.0.0.0/24, no .0/.255 host.
  const ips = inv.elements.map((e) => e.mgmtIp);
  check(new Set(ips).size === ips.length, 'duplicate mgmtIp');
  for (const ip of ips) {
    const o = ip.split('.').map(Number);
    const ok =
      o.length === 4 &&
      o[0] === 127 &&
      !(o[1] === 0 && o[2] === 0) &&
      o[3]! > 0 &&
      o[3]! < 255 &&
      o.every((x) => x >= 0 && x <= 255);
    check(ok, `bad mgmtIp ${ip}`);
  }

  for (const e of inv.elements) {
    const site = sites.get(e.siteId);
    check(site !== undefined, `element ${e._id} on unknown site`);
    if (e.role === 'cpe')
      check(
        e.customerId !== null && site?.customerId === e.customerId,
        `CPE ${e._id} not on its customer's site`,
      );
    else check(e.customerId === null, `operator element ${e._id} has a customer`);
  }

  const chain = (id: string): string[] => {
    const out: string[] = [];
    for (let at = orgUnits.get(id); at; at = at.parentId ? orgUnits.get(at.parentId) : undefined)
      out.unshift(at._id);
    return out;
  };
  for (const o of inv.orgUnits)
    check(o.path.join('/') === chain(o._id).join('/'), `org path of ${o._id}`);

  const expectedCircuits = new Map<string, Set<string>>();
  const strictest = new Map<string, number>();
  for (const c of inv.circuits) {
    const first = c.route[0]!;
    const last = c.route[c.route.length - 1]!;
    check(
      c.aEnd.deviceId === first.deviceId &&
        c.aEnd.ifIndex === first.outIfIndex &&
        first.inIfIndex === null,
      `A-end of ${c._id}`,
    );
    check(
      c.zEnd.deviceId === last.deviceId &&
        c.zEnd.ifIndex === (last.outIfIndex ?? last.inIfIndex) &&
        last.linkId === null,
      `Z-end of ${c._id}`,
    );
    for (const end of [c.aEnd, c.zEnd]) {
      const e = elements.get(end.deviceId);
      check(
        end.mgmtIp === e?.mgmtIp && end.siteId === e?.siteId,
        `end ${end.deviceId} of ${c._id}`,
      );
      check(interfaces.has(interfaceId(end.deviceId, end.ifIndex)), `end port of ${c._id}`);
    }
    const aCpe = elements.get(c.aEnd.deviceId);
    check(
      aCpe?.role === 'cpe' && aCpe.customerId === c.customerId,
      `A-end of ${c._id} is not the customer's CPE`,
    );
    check(
      interfaces.get(interfaceId(c.aEnd.deviceId, c.aEnd.ifIndex))?.speedBps === c.bandwidthBps,
      `A-end speed of ${c._id}`,
    );
    if (c.product === 'internet')
      check(elements.get(c.zEnd.deviceId)?.role === 'pe', `internet Z-end of ${c._id}`);
    else
      check(
        elements.get(c.zEnd.deviceId)?.customerId === c.customerId,
        `Z-end of ${c._id} is not the customer's`,
      );

    check(
      new Set(c.routeDeviceIds).size === c.route.length,
      `route of ${c._id} visits an element twice`,
    );
    for (let h = 0; h + 1 < c.route.length; h++) {
      const hop = c.route[h]!;
      const next = c.route[h + 1]!;
      const link = links.get(hop.linkId ?? '');
      const ends = link
        ? [`${link.a.deviceId}:${link.a.ifIndex}`, `${link.z.deviceId}:${link.z.ifIndex}`]
            .sort()
            .join()
        : '';
      const hopEnds = [`${hop.deviceId}:${hop.outIfIndex}`, `${next.deviceId}:${next.inIfIndex}`]
        .sort()
        .join();
      check(ends === hopEnds, `hop ${h} of ${c._id}: ${hopEnds} not joined by ${hop.linkId}`);
    }
    check(
      c.routeDeviceIds.join() === c.route.map((h) => h.deviceId).join(),
      `routeDeviceIds of ${c._id}`,
    );
    check(
      c.routeLinkIds.join() ===
        c.route
          .slice(0, -1)
          .map((h) => h.linkId)
          .join(),
      `routeLinkIds of ${c._id}`,
    );
    for (const hop of c.route) {
      strictest.set(
        hop.deviceId,
        Math.min(strictest.get(hop.deviceId) ?? Infinity, SLA_CLASSES[c.slaClass].pollIntervalSec),
      );
      for (const ifIndex of [hop.inIfIndex, hop.outIfIndex]) {
        if (ifIndex === null) continue;
        const id = interfaceId(hop.deviceId, ifIndex);
        check(interfaces.has(id), `route of ${c._id} uses unknown port ${id}`);
        if (!expectedCircuits.has(id)) expectedCircuits.set(id, new Set());
        expectedCircuits.get(id)!.add(c._id);
      }
    }

    check(sites.get(c.aEnd.siteId)?.orgUnitId === c.orgUnitId, `org unit of ${c._id}`);
    check(c.orgPath.join('/') === chain(c.orgUnitId).join('/'), `org path of ${c._id}`);
    check(orgUnits.get(c.orgUnitId)?.customerId === c.customerId, `org unit customer of ${c._id}`);
    check(c.state === 'up' && c.activeAlarmIds.length === 0, `state of ${c._id}`);
  }

  for (const i of inv.interfaces) {
    const expected = [...(expectedCircuits.get(i._id) ?? [])].sort().join();
    check([...i.circuitIds].sort().join() === expected, `circuitIds of ${i._id}`);
  }

  // Polling: operator core/PE every minute; the rest by the strictest SLA they carry.
  for (const e of inv.elements) {
    const want =
      e.role === 'core' || e.role === 'pe'
        ? 60
        : (strictest.get(e._id) ?? SLA_CLASSES.bronze.pollIntervalSec);
    check(e.pollIntervalSec === want, `pollIntervalSec of ${e._id}`);
  }
  return problems;
}

describe('generateDemoNetwork', () => {
  const inv = generateDemoNetwork({ seed: 2026 });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateDemoNetwork({ seed: 2026 })).toEqual(inv);
    expect(generateDemoNetwork({ seed: 2027 })).not.toEqual(inv);
  });

  it('is a consistent inventory', () => {
    expect(inconsistencies(inv)).toEqual([]);
  });

  it('has a checker that notices a broken route or a stale circuit list', () => {
    const broken = structuredClone(inv);
    broken.circuits[10]!.route[2]!.inIfIndex = 999;
    broken.interfaces.find((i) => i.circuitIds.length > 0)!.circuitIds.pop();
    broken.elements[0]!.mgmtIp = '127.0.0.1';
    const problems = inconsistencies(broken);
    expect(problems.some((p) => p.startsWith('hop 1 of'))).toBe(true);
    expect(problems.some((p) => p.startsWith('circuitIds of'))).toBe(true);
    expect(problems).toContain('bad mgmtIp 127.0.0.1');
  });

  it('gives each bank at least 150 sites, all four products and 1.2–2 circuits per site', () => {
    for (const customer of CUSTOMERS) {
      const sites = inv.sites.filter((s) => s.customerId === customer).length;
      expect(sites).toBeGreaterThanOrEqual(MIN_SITES_PER_CUSTOMER);
      const circuits = inv.circuits.filter((c) => c.customerId === customer);
      expect(new Set(circuits.map((c) => c.product))).toEqual(new Set(PRODUCTS));
      expect(circuits.length / sites).toBeGreaterThanOrEqual(1.2);
      expect(circuits.length / sites).toBeLessThanOrEqual(2);
    }
  });

  it('has a head office → province → city → outlet hierarchy per bank', () => {
    for (const customer of CUSTOMERS) {
      const units = inv.orgUnits.filter((o) => o.customerId === customer);
      const byLevel = (level: string) => units.filter((o) => o.level === level).length;
      expect(byLevel('head-office')).toBe(1);
      expect(byLevel('province')).toBe(1);
      expect(byLevel('city')).toBeGreaterThanOrEqual(10);
      expect(byLevel('outlet')).toBeGreaterThan(byLevel('city') * 5);
      const root = inv.customers.find((c) => c._id === customer)?.rootOrgUnitId;
      expect(units.find((o) => o.parentId === null)?._id).toBe(root);
    }
  });

  it('shares access, PE and core elements between the banks', () => {
    const customersOf = new Map<string, Set<string>>();
    for (const c of inv.circuits) {
      for (const id of c.routeDeviceIds) {
        if (!customersOf.has(id)) customersOf.set(id, new Set());
        customersOf.get(id)!.add(c.customerId);
      }
    }
    for (const role of ['access', 'pe', 'core'] as const) {
      const shared = inv.elements.filter(
        (e) => e.role === role && customersOf.get(e._id)?.size === 2,
      );
      expect(shared.length).toBeGreaterThan(0);
    }
  });

  it('keeps the network to a demo size with the default options', () => {
    expect(inv.elements.length).toBeGreaterThanOrEqual(350);
    expect(inv.elements.length).toBeLessThanOrEqual(450);
    expect(inv.elements.filter((e) => e.role === 'core')).toHaveLength(4);
  });

  it('rejects fewer than the minimum sites per customer', () => {
    expect(() => generateDemoNetwork({ seed: 1, sitesPerCustomer: 149 })).toThrow(
      /sitesPerCustomer/,
    );
  });

  it('is consistent for any seed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0x7fffffff }),
        fc.integer({ min: 150, max: 180 }),
        (seed, sitesPerCustomer) => {
          const generated = generateDemoNetwork({ seed, sitesPerCustomer });
          expect(inconsistencies(generated)).toEqual([]);
          expect(generated.sites.filter((s) => s.customerId === 'bank-b')).toHaveLength(
            sitesPerCustomer,
          );
        },
      ),
      { numRuns: 4 },
    );
  });
});
