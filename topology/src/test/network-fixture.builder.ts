/**
 * Builds small inventories for unit tests: elements, links with ifIndexes allocated per
 * element, circuits as device paths whose hops are derived from the links. Test-only
 * (excluded from the package build).
 */
import type { NetworkInventory } from '../model/demo-network.model';
import type {
  Circuit,
  ElementRole,
  LinkKind,
  NetworkInterface,
  OrgLevel,
  ProductKind,
  RouteHop,
  SiteKind,
  SlaClass,
} from '../model/inventory.model';
import { interfaceId } from '../model/inventory.model';

export interface CircuitSpec {
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

export class NetworkFixtureBuilder {
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
