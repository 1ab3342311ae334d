/**
 * The inventory as stored in MongoDB and exchanged between the generator, the
 * collectors and the API. Plain data: no behaviour, no I/O.
 * Ids are stable strings (deterministic from the generator's seed), never ObjectIds,
 * so that a re-seed and every cross-reference stay reproducible.
 */

export type OrgLevel = 'head-office' | 'province' | 'city' | 'outlet';

/** A tenant: one enterprise customer (a bank). */
export interface Customer {
  _id: string;
  name: string;
  nameEn: string;
  /** Root org unit of the customer's hierarchy. */
  rootOrgUnitId: string;
}

/** A node of the customer's hierarchy: head office → province → city branch → outlet. */
export interface OrgUnit {
  _id: string;
  customerId: string;
  parentId: string | null;
  /** Ids from the root down to and including this unit: the org-scope filter key. */
  path: string[];
  level: OrgLevel;
  name: string;
  nameEn: string;
}

export type SiteOwner = 'customer' | 'operator';
export type SiteKind = 'head-office' | 'province' | 'city' | 'outlet' | 'pop' | 'idc';

/** A place with equipment: a customer's office or an operator's point of presence. */
export interface Site {
  _id: string;
  owner: SiteOwner;
  /** Set for customer sites; null for operator POPs. */
  customerId: string | null;
  orgUnitId: string | null;
  kind: SiteKind;
  name: string;
  nameEn: string;
  city: string;
  address: string;
  lat: number;
  lon: number;
}

export type ElementRole = 'cpe' | 'access' | 'pe' | 'core';

/** A managed device answering SNMP on its own management address. */
export interface NetworkElement {
  _id: string;
  /** sysName, also the display name. */
  name: string;
  role: ElementRole;
  vendor: string;
  model: string;
  /** Management address (IPv4, 127.0.0.0/8 in the demo, never 127.0.0.1). */
  mgmtIp: string;
  siteId: string;
  /** The customer owning a CPE; null for shared operator elements. */
  customerId: string | null;
  /** Polling interval in seconds, from the strictest SLA class of the circuits it carries. */
  pollIntervalSec: number;
}

export type InterfaceRole = 'wan' | 'lan' | 'uplink' | 'downlink' | 'core';

/** An interface of an element; `_id` is `${deviceId}:${ifIndex}`. */
export interface NetworkInterface {
  _id: string;
  deviceId: string;
  ifIndex: number;
  ifName: string;
  ifDescr: string;
  ifAlias: string;
  /** Nominal speed in bit/s (ifHighSpeed × 10^6 on the device). */
  speedBps: number;
  role: InterfaceRole;
  /** The link this interface terminates, if any. */
  linkId: string | null;
  /** Circuits whose route crosses this interface. */
  circuitIds: string[];
}

export type LinkKind = 'access' | 'aggregation' | 'backbone' | 'wireless';

export interface LinkEnd {
  deviceId: string;
  ifIndex: number;
}

/** A physical or logical link between two interfaces. */
export interface Link {
  _id: string;
  kind: LinkKind;
  a: LinkEnd;
  z: LinkEnd;
  capacityBps: number;
}

export type ProductKind = 'leased-line' | 'mpls-vpn' | 'internet' | 'vpdn';
export type SlaClass = 'platinum' | 'gold' | 'silver' | 'bronze';
export type CircuitState = 'up' | 'degraded' | 'down';

/** One end of a circuit: the site and the WAN interface that terminates it. */
export interface CircuitEnd {
  siteId: string;
  deviceId: string;
  mgmtIp: string;
  ifIndex: number;
}

/** One hop of a circuit's route: an element, entered and left by interfaces. */
export interface RouteHop {
  deviceId: string;
  inIfIndex: number | null;
  outIfIndex: number | null;
  /** The link leaving this hop towards the next; null on the last hop. */
  linkId: string | null;
}

/** A product the customer leases, with its route through the operator's network. */
export interface Circuit {
  _id: string;
  customerId: string;
  orgUnitId: string;
  /** Org path of the owning unit (root first): the org-scope filter key. */
  orgPath: string[];
  product: ProductKind;
  name: string;
  bandwidthBps: number;
  slaClass: SlaClass;
  aEnd: CircuitEnd;
  zEnd: CircuitEnd;
  route: RouteHop[];
  /** Every element and link the route crosses, for impact queries. */
  routeDeviceIds: string[];
  routeLinkIds: string[];
  state: CircuitState;
  stateSince: Date;
  activeAlarmIds: string[];
}

/** SLA class → availability target (fraction) and polling interval. */
export const SLA_CLASSES: Readonly<Record<SlaClass, { availabilityTarget: number; pollIntervalSec: number }>> = {
  platinum: { availabilityTarget: 0.9999, pollIntervalSec: 30 },
  gold: { availabilityTarget: 0.9995, pollIntervalSec: 60 },
  silver: { availabilityTarget: 0.999, pollIntervalSec: 60 },
  bronze: { availabilityTarget: 0.995, pollIntervalSec: 300 },
};

export function interfaceId(deviceId: string, ifIndex: number): string {
  return `${deviceId}:${ifIndex}`;
}
