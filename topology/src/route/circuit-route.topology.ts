import type { TopologyIndex } from '../graph/inventory.index';
import type { Segment } from '../graph/segment.policy';
import { segmentOfLink, segmentOfRole } from '../graph/segment.policy';
import {
  elementStatus,
  indexLiveState,
  interfaceStatus,
  worstStatus,
} from '../live/live-state.index';
import type { LiveStateIndex } from '../live/live-state.index';
import type { LiveState, LiveStatus } from '../live/live-state.model';
import type {
  CircuitState,
  ElementRole,
  LinkKind,
  ProductKind,
  SlaClass,
} from '../model/inventory.model';
import { interfaceId } from '../model/inventory.model';

/** One interface of a hop, with its live status and the active alarms on it. */
export interface RouteInterfaceView {
  /** `${deviceId}:${ifIndex}`. */
  id: string;
  ifIndex: number;
  ifName: string;
  speedBps: number;
  status: LiveStatus;
  alarmIds: string[];
}

/** One element of the route, in route order. */
export interface RouteHopView {
  /** 0-based position in `circuit.route`. */
  index: number;
  deviceId: string;
  name: string;
  role: ElementRole;
  vendor: string;
  model: string;
  siteId: string;
  siteName: string;
  city: string;
  /** True for an operator element other customers' circuits may cross too. */
  shared: boolean;
  segment: Segment;
  /** Element status: down when silent or alarmed down as a whole. */
  status: LiveStatus;
  silent: boolean;
  inInterface: RouteInterfaceView | null;
  outInterface: RouteInterfaceView | null;
  /** Element-level active alarm ids plus those on the hop's two interfaces. */
  alarmIds: string[];
}

/** The link between hop `fromIndex` and hop `fromIndex + 1`. */
export interface RouteLinkView {
  linkId: string;
  kind: LinkKind;
  capacityBps: number;
  fromIndex: number;
  fromDeviceId: string;
  toDeviceId: string;
  segment: Segment;
  /** Down if either end is down; unknown when an end element is silent and nothing else is said. */
  status: LiveStatus;
}

export interface RouteEndView {
  siteId: string;
  siteName: string;
  deviceId: string;
  deviceName: string;
  ifIndex: number;
}

export interface CircuitRouteTopology {
  kind: 'circuit-route';
  circuitId: string;
  name: string;
  customerId: string;
  orgUnitId: string;
  product: ProductKind;
  slaClass: SlaClass;
  bandwidthBps: number;
  /** The state stored by ingestion. */
  storedState: CircuitState;
  /** The worst of the hops' and links' live status. */
  status: LiveStatus;
  aEnd: RouteEndView;
  zEnd: RouteEndView;
  hops: RouteHopView[];
  links: RouteLinkView[];
}

function interfaceView(
  index: TopologyIndex,
  live: LiveStateIndex,
  deviceId: string,
  ifIndex: number | null,
): RouteInterfaceView | null {
  if (ifIndex === null) return null;
  const id = interfaceId(deviceId, ifIndex);
  const iface = index.interfaces.get(id);
  return {
    id,
    ifIndex,
    ifName: iface?.ifName ?? `if${ifIndex}`,
    speedBps: iface?.speedBps ?? 0,
    status: interfaceStatus(live, id, deviceId),
    alarmIds: [...(live.alarmIdsByInterface.get(id) ?? [])],
  };
}

function endView(
  index: TopologyIndex,
  end: { siteId: string; deviceId: string; ifIndex: number },
): RouteEndView {
  return {
    siteId: end.siteId,
    siteName: index.sites.get(end.siteId)?.name ?? end.siteId,
    deviceId: end.deviceId,
    deviceName: index.elements.get(end.deviceId)?.name ?? end.deviceId,
    ifIndex: end.ifIndex,
  };
}

/**
 * The ordered hops and links of one circuit with their live status and segment:
 * O(route length + alarms). Null when the circuit is not in the index. The caller
 * checks scope first; everything shown is on this circuit's own route.
 */
export function circuitRouteTopology(
  index: TopologyIndex,
  circuitId: string,
  live?: LiveState | LiveStateIndex | null,
): CircuitRouteTopology | null {
  const circuit = index.circuits.get(circuitId);
  if (!circuit) return null;
  const liveIndex = live && 'byInterface' in live ? live : indexLiveState(live);

  const hops: RouteHopView[] = circuit.route.map((hop, i) => {
    const element = index.elements.get(hop.deviceId);
    const site = element ? index.sites.get(element.siteId) : undefined;
    const inInterface = interfaceView(index, liveIndex, hop.deviceId, hop.inIfIndex);
    const outInterface = interfaceView(index, liveIndex, hop.deviceId, hop.outIfIndex);
    const elementAlarms = (liveIndex.byElement.get(hop.deviceId) ?? []).flatMap((o) =>
      o.alarmId === null ? [] : [o.alarmId],
    );
    const role = element?.role ?? 'core';
    return {
      index: i,
      deviceId: hop.deviceId,
      name: element?.name ?? hop.deviceId,
      role,
      vendor: element?.vendor ?? '',
      model: element?.model ?? '',
      siteId: element?.siteId ?? '',
      siteName: site?.name ?? '',
      city: site?.city ?? '',
      shared: element ? element.customerId === null : false,
      segment: segmentOfRole(role),
      status: element ? elementStatus(liveIndex, hop.deviceId) : 'unknown',
      silent: liveIndex.silent.has(hop.deviceId),
      inInterface,
      outInterface,
      alarmIds: [
        ...elementAlarms,
        ...(inInterface?.alarmIds ?? []),
        ...(outInterface?.alarmIds ?? []),
      ],
    };
  });

  const links: RouteLinkView[] = [];
  circuit.route.forEach((hop, i) => {
    const next = circuit.route[i + 1];
    if (hop.linkId === null || next === undefined) return;
    const link = index.links.get(hop.linkId);
    const from = hops[i];
    const to = hops[i + 1];
    const endStatuses = [from?.outInterface?.status, to?.inInterface?.status].filter(
      (s): s is LiveStatus => s !== undefined,
    );
    let status = worstStatus(endStatuses);
    if (status === 'up' && (from?.silent === true || to?.silent === true)) status = 'unknown';
    if (!liveIndex.known) status = 'unknown';
    links.push({
      linkId: hop.linkId,
      kind: link?.kind ?? 'access',
      capacityBps: link?.capacityBps ?? 0,
      fromIndex: i,
      fromDeviceId: hop.deviceId,
      toDeviceId: next.deviceId,
      segment: link ? segmentOfLink(link, index.elements) : 'access',
      status,
    });
  });

  const status = liveIndex.known
    ? worstStatus([
        ...hops.flatMap((h) => [
          h.status,
          h.inInterface?.status ?? 'up',
          h.outInterface?.status ?? 'up',
        ]),
        ...links.map((l) => l.status),
      ])
    : 'unknown';

  return {
    kind: 'circuit-route',
    circuitId: circuit._id,
    name: circuit.name,
    customerId: circuit.customerId,
    orgUnitId: circuit.orgUnitId,
    product: circuit.product,
    slaClass: circuit.slaClass,
    bandwidthBps: circuit.bandwidthBps,
    storedState: circuit.state,
    status,
    aEnd: endView(index, circuit.aEnd),
    zEnd: endView(index, circuit.zEnd),
    hops,
    links,
  };
}
