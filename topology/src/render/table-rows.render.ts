import type { CustomerTopology } from '../customer/customer-topology.model';
import type { FaultLocationResult } from '../fault/fault-location.model';
import type { Segment } from '../graph/segment.policy';
import type { Impact } from '../impact/impact.analysis';
import type { LiveStatus } from '../live/live-state.model';
import type { CircuitRouteTopology } from '../route/circuit-route.topology';

export interface RouteHopRow {
  index: number;
  deviceId: string;
  name: string;
  role: string;
  segment: Segment;
  siteName: string;
  inInterface: string | null;
  outInterface: string | null;
  status: LiveStatus;
  alarmCount: number;
  /** The link to the next hop, null on the last. */
  linkId: string | null;
  linkStatus: LiveStatus | null;
}

export interface CustomerCircuitRow {
  circuitId: string;
  name: string;
  product: string;
  slaClass: string;
  bandwidthBps: number;
  orgUnitId: string;
  orgUnitName: string;
  aSiteName: string;
  zSiteName: string;
  status: LiveStatus;
  alarmCount: number;
}

export interface CustomerSiteRow {
  siteId: string;
  name: string;
  kind: string;
  city: string;
  orgUnitName: string | null;
  circuitCount: number;
  status: LiveStatus;
}

export interface ImpactRow {
  customerId: string;
  customerName: string;
  circuits: number;
  leasedLine: number;
  mplsVpn: number;
  internet: number;
  vpdn: number;
  platinum: number;
  gold: number;
  silver: number;
  bronze: number;
}

export interface FaultRow {
  circuitId: string;
  customerId: string;
  severity: string;
  suspectKind: string;
  suspectName: string;
  segment: Segment;
  confidence: number;
  evidenceCount: number;
  causeId: string;
}

export interface CauseRow {
  causeId: string;
  severity: string;
  suspectKind: string;
  suspectName: string;
  segment: Segment;
  confidence: number;
  circuits: number;
  customers: number;
  evidenceCount: number;
}

/** The route one row per hop, with the link to the next hop. */
export function routeHopRows(route: CircuitRouteTopology): RouteHopRow[] {
  return route.hops.map((hop) => {
    const link = route.links.find((l) => l.fromIndex === hop.index) ?? null;
    return {
      index: hop.index,
      deviceId: hop.deviceId,
      name: hop.name,
      role: hop.role,
      segment: hop.segment,
      siteName: hop.siteName,
      inInterface: hop.inInterface?.ifName ?? null,
      outInterface: hop.outInterface?.ifName ?? null,
      status: hop.status,
      alarmCount: hop.alarmIds.length,
      linkId: link?.linkId ?? null,
      linkStatus: link?.status ?? null,
    };
  });
}

export function customerCircuitRows(topology: CustomerTopology): CustomerCircuitRow[] {
  const units = new Map(topology.orgUnits.map((u) => [u.id, u.name]));
  return topology.circuits.map((c) => ({
    circuitId: c.id,
    name: c.name,
    product: c.product,
    slaClass: c.slaClass,
    bandwidthBps: c.bandwidthBps,
    orgUnitId: c.orgUnitId,
    orgUnitName: units.get(c.orgUnitId) ?? c.orgUnitId,
    aSiteName: c.aSiteName,
    zSiteName: c.zSiteName,
    status: c.status,
    alarmCount: c.alarmIds.length,
  }));
}

export function customerSiteRows(topology: CustomerTopology): CustomerSiteRow[] {
  const units = new Map(topology.orgUnits.map((u) => [u.id, u.name]));
  return topology.sites.map((s) => ({
    siteId: s.id,
    name: s.name,
    kind: s.kind,
    city: s.city,
    orgUnitName: s.orgUnitId === null ? null : (units.get(s.orgUnitId) ?? null),
    circuitCount: s.circuitIds.length,
    status: s.status,
  }));
}

export function impactRows(impact: Impact): ImpactRow[] {
  return impact.customers.map((c) => ({
    customerId: c.customerId,
    customerName: c.customerName,
    circuits: c.circuitIds.length,
    leasedLine: c.byProduct['leased-line'],
    mplsVpn: c.byProduct['mpls-vpn'],
    internet: c.byProduct.internet,
    vpdn: c.byProduct.vpdn,
    platinum: c.bySla.platinum,
    gold: c.bySla.gold,
    silver: c.bySla.silver,
    bronze: c.bySla.bronze,
  }));
}

export function faultRows(result: FaultLocationResult): FaultRow[] {
  return result.circuits.map((f) => ({
    circuitId: f.circuitId,
    customerId: f.customerId,
    severity: f.severity,
    suspectKind: f.suspect.kind,
    suspectName: f.suspect.name,
    segment: f.segment,
    confidence: f.confidence,
    evidenceCount: f.evidence.length,
    causeId: f.causeId,
  }));
}

export function causeRows(result: FaultLocationResult): CauseRow[] {
  return result.causes.map((c) => ({
    causeId: c.id,
    severity: c.severity,
    suspectKind: c.suspect.kind,
    suspectName: c.suspect.name,
    segment: c.suspect.segment,
    confidence: c.confidence,
    circuits: c.circuitIds.length,
    customers: c.customers.length,
    evidenceCount: c.evidence.length,
  }));
}
