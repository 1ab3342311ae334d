/**
 * A small operator network with two banks for the topology API tests (the same shape as
 * the topology library's mini network, built here because workspaces import each other
 * by package name only):
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
 * Ports are numbered per element in the order the links are declared.
 */
import type {
  Circuit,
  ElementRole,
  LinkKind,
  NetworkInterface,
  NetworkInventory,
  OrgLevel,
  ProductKind,
  RouteHop,
  SiteKind,
  SlaClass,
} from '@circuitcare/topology';
import { interfaceId } from '@circuitcare/topology';

interface CircuitSpec {
  id: string;
  customerId: string;
  orgUnitId: string;
  product?: ProductKind;
  slaClass?: SlaClass;
  /** Element ids, A-end first. */
  path: string[];
  /** Link to use between path[i] and path[i+1]; default the first link between them. */
  links?: (string | undefined)[];
  /** The last hop leaves by this linkless port (an internet gateway's upstream port). */
  zOutPort?: boolean;
}

class NetworkFixtureBuilder {
  private readonly inv: NetworkInventory = {
    customers: [],
    orgUnits: [],
    sites: [],
    elements: [],
    interfaces: [],
    links: [],
    circuits: [],
  };
  private readonly nextIf = new Map<string, number>();

  customer(id: string, rootOrgUnitId: string): this {
    this.inv.customers.push({ _id: id, name: `${id} 银行`, nameEn: id, rootOrgUnitId });
    return this;
  }

  orgUnit(id: string, customerId: string, parentId: string | null, level: OrgLevel): this {
    const parent = parentId === null ? null : this.inv.orgUnits.find((u) => u._id === parentId);
    if (parentId !== null && !parent) throw new Error(`no org unit ${parentId}`);
    this.inv.orgUnits.push({
      _id: id,
      customerId,
      parentId,
      path: [...(parent?.path ?? []), id],
      level,
      name: `${id} 名`,
      nameEn: id,
    });
    return this;
  }

  site(id: string, customerId: string | null, orgUnitId: string | null, kind: SiteKind): this {
    this.inv.sites.push({
      _id: id,
      owner: customerId === null ? 'operator' : 'customer',
      customerId,
      orgUnitId,
      kind,
      name: `${id} 站`,
      nameEn: id,
      city: 'Wuhan',
      address: '',
      lat: 30.5,
      lon: 114.3,
    });
    return this;
  }

  element(id: string, role: ElementRole, siteId: string, customerId: string | null = null): this {
    this.inv.elements.push({
      _id: id,
      name: id,
      role,
      vendor: 'Huawei',
      model: 'X',
      mgmtIp: '127.0.0.2',
      siteId,
      customerId,
      pollIntervalSec: 60,
    });
    return this;
  }

  private port(deviceId: string, linkId: string | null): NetworkInterface {
    const ifIndex = (this.nextIf.get(deviceId) ?? 0) + 1;
    this.nextIf.set(deviceId, ifIndex);
    const iface: NetworkInterface = {
      _id: interfaceId(deviceId, ifIndex),
      deviceId,
      ifIndex,
      ifName: `GE0/0/${ifIndex}`,
      ifDescr: `GE0/0/${ifIndex}`,
      ifAlias: '',
      speedBps: 1e9,
      role: 'uplink',
      linkId,
      circuitIds: [],
    };
    this.inv.interfaces.push(iface);
    return iface;
  }

  link(a: string, z: string, kind: LinkKind = 'aggregation', id = `L-${a}-${z}`): this {
    if (this.inv.links.some((l) => l._id === id)) throw new Error(`duplicate link ${id}`);
    const pa = this.port(a, id);
    const pz = this.port(z, id);
    this.inv.links.push({
      _id: id,
      kind,
      a: { deviceId: a, ifIndex: pa.ifIndex },
      z: { deviceId: z, ifIndex: pz.ifIndex },
      capacityBps: 1e9,
    });
    return this;
  }

  circuit(spec: CircuitSpec): this {
    const hops: RouteHop[] = [];
    let inIfIndex: number | null = null;
    spec.path.forEach((deviceId, i) => {
      const next = spec.path[i + 1];
      if (next === undefined) {
        const out = spec.zOutPort === true ? this.port(deviceId, null).ifIndex : null;
        hops.push({ deviceId, inIfIndex, outIfIndex: out, linkId: null });
        return;
      }
      const wanted = spec.links?.[i];
      const link = this.inv.links.find(
        (l) =>
          (wanted === undefined || l._id === wanted) &&
          ((l.a.deviceId === deviceId && l.z.deviceId === next) ||
            (l.z.deviceId === deviceId && l.a.deviceId === next)),
      );
      if (!link) throw new Error(`no link ${deviceId}-${next} for ${spec.id}`);
      const [here, there] = link.a.deviceId === deviceId ? [link.a, link.z] : [link.z, link.a];
      hops.push({ deviceId, inIfIndex, outIfIndex: here.ifIndex, linkId: link._id });
      inIfIndex = there.ifIndex;
    });
    const unit = this.inv.orgUnits.find((u) => u._id === spec.orgUnitId);
    const first = hops[0];
    const last = hops[hops.length - 1];
    if (!unit || !first || !last) throw new Error(`bad circuit ${spec.id}`);
    const end = (hop: RouteHop, ifIndex: number | null) => {
      const element = this.inv.elements.find((e) => e._id === hop.deviceId);
      return {
        siteId: element?.siteId ?? '',
        deviceId: hop.deviceId,
        mgmtIp: '127.0.0.2',
        ifIndex: ifIndex ?? 0,
      };
    };
    const circuit: Circuit = {
      _id: spec.id,
      customerId: spec.customerId,
      orgUnitId: spec.orgUnitId,
      orgPath: [...unit.path],
      product: spec.product ?? 'mpls-vpn',
      name: spec.id,
      bandwidthBps: 1e7,
      slaClass: spec.slaClass ?? 'silver',
      aEnd: end(first, first.outIfIndex),
      zEnd: end(last, last.inIfIndex),
      route: hops,
      routeDeviceIds: hops.map((h) => h.deviceId),
      routeLinkIds: hops.flatMap((h) => (h.linkId === null ? [] : [h.linkId])),
      state: 'up',
      stateSince: new Date('2026-01-01T00:00:00Z'),
      activeAlarmIds: [],
    };
    this.inv.circuits.push(circuit);
    for (const hop of hops) {
      for (const ifIndex of [hop.inIfIndex, hop.outIfIndex]) {
        if (ifIndex === null) continue;
        const iface = this.inv.interfaces.find((f) => f._id === interfaceId(hop.deviceId, ifIndex));
        if (iface && !iface.circuitIds.includes(spec.id)) iface.circuitIds.push(spec.id);
      }
    }
    return this;
  }

  build(): NetworkInventory {
    return structuredClone(this.inv);
  }
}

export function twoBankNetwork(): NetworkInventory {
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
