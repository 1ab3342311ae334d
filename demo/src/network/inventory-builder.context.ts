import {
  type Circuit,
  type Customer,
  type InterfaceRole,
  interfaceId,
  type Link,
  type LinkKind,
  type NetworkElement,
  type NetworkInterface,
  type NetworkInventory,
  type OrgUnit,
  type Site,
} from '@circuitcare/topology';

import { type DeviceModel, type PortFamily, portFamily, portNames } from './device-catalog.data';

export interface PortSpec {
  speedBps: number;
  role: InterfaceRole;
  medium?: 'ethernet' | 'cellular' | 'virtual';
  /** Fixed ifAlias; default `TO-<peer>-<peer ifName>`. */
  alias?: string;
}

/** One way across a link, as seen from one of its ends. */
export interface Adjacency {
  peerId: string;
  linkId: string;
  localIfIndex: number;
  peerIfIndex: number;
}

/**
 * The mutable workspace of the generator: collects the inventory and keeps the
 * indexes (ifIndex counters, port numbering, adjacency) that the builders share.
 */
export class InventoryBuilder {
  readonly customers: Customer[] = [];
  readonly orgUnits: OrgUnit[] = [];
  readonly sites: Site[] = [];
  readonly elements: NetworkElement[] = [];
  readonly interfaces: NetworkInterface[] = [];
  readonly links: Link[] = [];
  readonly circuits: Circuit[] = [];

  private readonly elementById = new Map<string, NetworkElement>();
  private readonly modelById = new Map<string, DeviceModel>();
  private readonly interfaceById = new Map<string, NetworkInterface>();
  private readonly linkById = new Map<string, Link>();
  private readonly portCounters = new Map<string, number>();
  private readonly adjacency = new Map<string, Adjacency[]>();

  addElement(
    element: Omit<NetworkElement, 'vendor' | 'model'>,
    model: DeviceModel,
  ): NetworkElement {
    if (this.elementById.has(element._id)) throw new Error(`element ${element._id} added twice`);
    const full: NetworkElement = { ...element, vendor: model.vendor, model: model.model };
    this.elements.push(full);
    this.elementById.set(full._id, full);
    this.modelById.set(full._id, model);
    this.adjacency.set(full._id, []);
    return full;
  }

  element(id: string): NetworkElement {
    const e = this.elementById.get(id);
    if (!e) throw new Error(`unknown element ${id}`);
    return e;
  }

  iface(deviceId: string, ifIndex: number): NetworkInterface {
    const i = this.interfaceById.get(interfaceId(deviceId, ifIndex));
    if (!i) throw new Error(`unknown interface ${deviceId}:${ifIndex}`);
    return i;
  }

  link(id: string): Link {
    const l = this.linkById.get(id);
    if (!l) throw new Error(`unknown link ${id}`);
    return l;
  }

  neighbours(deviceId: string): readonly Adjacency[] {
    return this.adjacency.get(deviceId) ?? [];
  }

  /** A new interface with the next ifIndex and the next port name of its family. */
  addInterface(deviceId: string, spec: PortSpec): NetworkInterface {
    const model = this.modelById.get(deviceId);
    if (!model) throw new Error(`unknown element ${deviceId}`);
    const ifIndex = this.countInterfaces(deviceId) + 1;
    const family: PortFamily = portFamily(spec.speedBps, spec.medium ?? 'ethernet');
    const counterKey = `${deviceId}|${family}`;
    const n = this.portCounters.get(counterKey) ?? 0;
    this.portCounters.set(counterKey, n + 1);
    const { ifName, ifDescr } = portNames(model.naming, family, n);
    const iface: NetworkInterface = {
      _id: interfaceId(deviceId, ifIndex),
      deviceId,
      ifIndex,
      ifName,
      ifDescr,
      ifAlias: spec.alias ?? '',
      speedBps: spec.speedBps,
      role: spec.role,
      linkId: null,
      circuitIds: [],
    };
    this.interfaces.push(iface);
    this.interfaceById.set(iface._id, iface);
    this.portCounters.set(`${deviceId}|#`, ifIndex);
    return iface;
  }

  /** Connects two elements by a new link and a new interface on each side. */
  connect(
    kind: LinkKind,
    a: { deviceId: string; port: PortSpec },
    z: { deviceId: string; port: PortSpec },
    id?: string,
  ): Link {
    const aIf = this.addInterface(a.deviceId, a.port);
    const zIf = this.addInterface(z.deviceId, z.port);
    return this.linkInterfaces(kind, aIf, zIf, Math.min(aIf.speedBps, zIf.speedBps), id);
  }

  linkInterfaces(
    kind: LinkKind,
    aIf: NetworkInterface,
    zIf: NetworkInterface,
    capacityBps: number,
    id?: string,
  ): Link {
    let linkId = id ?? `LNK-${aIf.deviceId}-${zIf.deviceId}`;
    for (let k = 2; !id && this.linkById.has(linkId); k++)
      linkId = `LNK-${aIf.deviceId}-${zIf.deviceId}-${k}`;
    if (this.linkById.has(linkId)) throw new Error(`link ${linkId} added twice`);
    const link: Link = {
      _id: linkId,
      kind,
      a: { deviceId: aIf.deviceId, ifIndex: aIf.ifIndex },
      z: { deviceId: zIf.deviceId, ifIndex: zIf.ifIndex },
      capacityBps,
    };
    aIf.linkId = linkId;
    zIf.linkId = linkId;
    if (aIf.ifAlias === '') aIf.ifAlias = `TO-${zIf.deviceId}-${zIf.ifName}`;
    if (zIf.ifAlias === '') zIf.ifAlias = `TO-${aIf.deviceId}-${aIf.ifName}`;
    this.links.push(link);
    this.linkById.set(linkId, link);
    this.adjacency
      .get(aIf.deviceId)
      ?.push({ peerId: zIf.deviceId, linkId, localIfIndex: aIf.ifIndex, peerIfIndex: zIf.ifIndex });
    this.adjacency
      .get(zIf.deviceId)
      ?.push({ peerId: aIf.deviceId, linkId, localIfIndex: zIf.ifIndex, peerIfIndex: aIf.ifIndex });
    return link;
  }

  /** The far end of the link an interface terminates. */
  peerOf(iface: NetworkInterface): Adjacency {
    const found = this.neighbours(iface.deviceId).find((adj) => adj.localIfIndex === iface.ifIndex);
    if (!found) throw new Error(`interface ${iface._id} terminates no link`);
    return found;
  }

  toInventory(): NetworkInventory {
    return {
      customers: this.customers,
      orgUnits: this.orgUnits,
      sites: this.sites,
      elements: this.elements,
      interfaces: this.interfaces,
      links: this.links,
      circuits: this.circuits,
    };
  }

  private countInterfaces(deviceId: string): number {
    return this.portCounters.get(`${deviceId}|#`) ?? 0;
  }
}
