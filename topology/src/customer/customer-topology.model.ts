import type { Segment } from '../graph/segment.policy';
import type { LiveStatus } from '../live/live-state.model';
import type {
  CircuitState,
  ElementRole,
  LinkKind,
  OrgLevel,
  ProductKind,
  SiteKind,
  SlaClass,
} from '../model/inventory.model';

export interface CustomerTopologyOptions {
  customerId: string;
  /** Limits the picture to this org unit's subtree (a city branch user). */
  orgUnitId?: string;
  /** Limits the circuits to these (the caller's scope, when it is not a plain subtree). */
  visibleCircuitIds?: ReadonlySet<string>;
}

export interface StatusCounts {
  up: number;
  degraded: number;
  down: number;
  unknown: number;
}

/** One org unit of the visible hierarchy. */
export interface OrgUnitNode {
  id: string;
  parentId: string | null;
  level: OrgLevel;
  name: string;
  nameEn: string;
  /** Ids root first, including this one. */
  path: string[];
  /** Sites directly in this unit. */
  siteIds: string[];
  /** Circuits owned by this unit (not by its children). */
  circuitIds: string[];
  /** Live status counts of the circuits of this unit and all units below it. */
  subtreeStatus: StatusCounts;
}

export interface SiteNode {
  id: string;
  kind: SiteKind;
  name: string;
  nameEn: string;
  city: string;
  lat: number;
  lon: number;
  /** Null when the site belongs to no visible org unit (a far end outside the subtree). */
  orgUnitId: string | null;
  /** False for a site shown only as the far end of a visible circuit. */
  inScope: boolean;
  /** The customer's elements (CPEs) at the site. */
  elementIds: string[];
  /** Visible circuits ending at the site. */
  circuitIds: string[];
  status: LiveStatus;
}

export interface CircuitNode {
  id: string;
  name: string;
  product: ProductKind;
  slaClass: SlaClass;
  bandwidthBps: number;
  orgUnitId: string;
  aSiteId: string;
  zSiteId: string;
  /** Site names, also for an end on an operator site (an internet gateway's IDC). */
  aSiteName: string;
  zSiteName: string;
  aDeviceId: string;
  zDeviceId: string;
  storedState: CircuitState;
  status: LiveStatus;
  routeDeviceIds: string[];
  routeLinkIds: string[];
  /** Active alarms on the circuit's own route (its hops' element alarms and route interfaces). */
  alarmIds: string[];
}

/**
 * An element of the picture: the customer's CPE or a shared operator element. A shared
 * element carries only what concerns the visible circuits: their ids, and the alarms on
 * the element itself or on interfaces those circuits cross — never another customer's.
 */
export interface ElementNode {
  id: string;
  name: string;
  role: ElementRole;
  vendor: string;
  model: string;
  siteId: string;
  /** True for an operator element other customers may cross too; false for the customer's CPE. */
  shared: boolean;
  segment: Segment;
  status: LiveStatus;
  silent: boolean;
  circuitIds: string[];
  alarmIds: string[];
}

export interface LinkNode {
  id: string;
  kind: LinkKind;
  aDeviceId: string;
  zDeviceId: string;
  capacityBps: number;
  segment: Segment;
  status: LiveStatus;
  circuitIds: string[];
}

export interface CustomerTopology {
  kind: 'customer';
  customerId: string;
  customerName: string;
  /** The root of the visible hierarchy (the customer's root, or the requested unit). */
  rootOrgUnitId: string;
  /** Root first, parents before children. */
  orgUnits: OrgUnitNode[];
  sites: SiteNode[];
  circuits: CircuitNode[];
  elements: ElementNode[];
  links: LinkNode[];
  summary: {
    circuits: StatusCounts;
    sites: number;
    sharedElements: number;
    customerElements: number;
  };
}
