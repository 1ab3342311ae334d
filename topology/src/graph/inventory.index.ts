import type { NetworkInventory } from '../model/demo-network.model';
import type {
  Circuit,
  Customer,
  Link,
  NetworkElement,
  NetworkInterface,
  OrgUnit,
  Site,
} from '../model/inventory.model';
import { interfaceId } from '../model/inventory.model';

/** One edge of the operator graph seen from one of its ends. */
export interface Adjacency {
  linkId: string;
  /** This end. */
  localIfIndex: number;
  peerDeviceId: string;
  peerIfIndex: number;
}

/** An interface a route crosses. */
export interface RouteInterface {
  deviceId: string;
  /** `${deviceId}:${ifIndex}`. */
  id: string;
}

/**
 * The inventory indexed once for every topology query: maps by id, the operator graph
 * (adjacency by element) and the reverse indexes of circuits by element, link and
 * interface. Built in O(inventory) and immutable, so a caller may cache it per
 * inventory version and share it between requests.
 */
export interface TopologyIndex {
  customers: ReadonlyMap<string, Customer>;
  orgUnits: ReadonlyMap<string, OrgUnit>;
  sites: ReadonlyMap<string, Site>;
  elements: ReadonlyMap<string, NetworkElement>;
  /** By interface id `${deviceId}:${ifIndex}`. */
  interfaces: ReadonlyMap<string, NetworkInterface>;
  links: ReadonlyMap<string, Link>;
  circuits: ReadonlyMap<string, Circuit>;
  /** Element id → its links, each seen from this element. */
  adjacency: ReadonlyMap<string, readonly Adjacency[]>;
  /** Element id → interface ids of the element, in ifIndex order. */
  interfacesByElement: ReadonlyMap<string, readonly string[]>;
  /** Interface id → link id. */
  linkOfInterface: ReadonlyMap<string, string>;
  /** Circuit ids (inventory order) whose route crosses the element / link / interface. */
  circuitsByElement: ReadonlyMap<string, readonly string[]>;
  circuitsByLink: ReadonlyMap<string, readonly string[]>;
  circuitsByInterface: ReadonlyMap<string, readonly string[]>;
  /** Circuit id → the interfaces its route enters or leaves by, in route order. */
  routeInterfacesByCircuit: ReadonlyMap<string, readonly RouteInterface[]>;
  /** Per customer: its circuits, sites, org units (inventory order) and CPEs. */
  circuitsByCustomer: ReadonlyMap<string, readonly string[]>;
  sitesByCustomer: ReadonlyMap<string, readonly string[]>;
  orgUnitsByCustomer: ReadonlyMap<string, readonly string[]>;
  /** Org unit id → ids of its direct children. */
  orgChildren: ReadonlyMap<string, readonly string[]>;
  /** Site id → element ids at the site. */
  elementsBySite: ReadonlyMap<string, readonly string[]>;
}

/** The part of an inventory the index needs (a whole `NetworkInventory` fits). */
export type TopologyInventory = Pick<
  NetworkInventory,
  'customers' | 'orgUnits' | 'sites' | 'elements' | 'interfaces' | 'links' | 'circuits'
>;

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function byId<T extends { _id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item._id, item]));
}

/** Builds the index of an inventory: O(elements + interfaces + links + route hops). */
export function buildTopologyIndex(inventory: TopologyInventory): TopologyIndex {
  const adjacency = new Map<string, Adjacency[]>();
  const linkOfInterface = new Map<string, string>();
  for (const link of inventory.links) {
    push(adjacency, link.a.deviceId, {
      linkId: link._id,
      localIfIndex: link.a.ifIndex,
      peerDeviceId: link.z.deviceId,
      peerIfIndex: link.z.ifIndex,
    });
    push(adjacency, link.z.deviceId, {
      linkId: link._id,
      localIfIndex: link.z.ifIndex,
      peerDeviceId: link.a.deviceId,
      peerIfIndex: link.a.ifIndex,
    });
    linkOfInterface.set(interfaceId(link.a.deviceId, link.a.ifIndex), link._id);
    linkOfInterface.set(interfaceId(link.z.deviceId, link.z.ifIndex), link._id);
  }

  const interfacesByElement = new Map<string, string[]>();
  for (const iface of [...inventory.interfaces].sort((x, y) => x.ifIndex - y.ifIndex)) {
    push(interfacesByElement, iface.deviceId, iface._id);
  }

  // Derived from the routes themselves rather than the stored routeDeviceIds /
  // interface circuitIds, so that the index cannot disagree with what a route shows.
  const circuitsByElement = new Map<string, string[]>();
  const circuitsByLink = new Map<string, string[]>();
  const circuitsByInterface = new Map<string, string[]>();
  const circuitsByCustomer = new Map<string, string[]>();
  const routeInterfacesByCircuit = new Map<string, RouteInterface[]>();
  for (const circuit of inventory.circuits) {
    push(circuitsByCustomer, circuit.customerId, circuit._id);
    const routeInterfaces: RouteInterface[] = [];
    routeInterfacesByCircuit.set(circuit._id, routeInterfaces);
    const seen = new Set<string>();
    for (const hop of circuit.route) {
      if (!seen.has(hop.deviceId)) push(circuitsByElement, hop.deviceId, circuit._id);
      seen.add(hop.deviceId);
      for (const ifIndex of [hop.inIfIndex, hop.outIfIndex]) {
        if (ifIndex === null) continue;
        const id = interfaceId(hop.deviceId, ifIndex);
        routeInterfaces.push({ deviceId: hop.deviceId, id });
        if (!seen.has(id)) push(circuitsByInterface, id, circuit._id);
        seen.add(id);
      }
      if (hop.linkId !== null && !seen.has(hop.linkId)) {
        push(circuitsByLink, hop.linkId, circuit._id);
        seen.add(hop.linkId);
      }
    }
  }

  const sitesByCustomer = new Map<string, string[]>();
  for (const site of inventory.sites) {
    if (site.customerId !== null) push(sitesByCustomer, site.customerId, site._id);
  }
  const orgUnitsByCustomer = new Map<string, string[]>();
  const orgChildren = new Map<string, string[]>();
  for (const unit of inventory.orgUnits) {
    push(orgUnitsByCustomer, unit.customerId, unit._id);
    if (unit.parentId !== null) push(orgChildren, unit.parentId, unit._id);
  }
  const elementsBySite = new Map<string, string[]>();
  for (const element of inventory.elements) push(elementsBySite, element.siteId, element._id);

  return {
    customers: byId(inventory.customers),
    orgUnits: byId(inventory.orgUnits),
    sites: byId(inventory.sites),
    elements: byId(inventory.elements),
    interfaces: byId(inventory.interfaces),
    links: byId(inventory.links),
    circuits: byId(inventory.circuits),
    adjacency,
    interfacesByElement,
    linkOfInterface,
    circuitsByElement,
    circuitsByLink,
    circuitsByInterface,
    routeInterfacesByCircuit,
    circuitsByCustomer,
    sitesByCustomer,
    orgUnitsByCustomer,
    orgChildren,
    elementsBySite,
  };
}
