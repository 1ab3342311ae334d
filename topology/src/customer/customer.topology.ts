import type { TopologyIndex } from '../graph/inventory.index';
import { segmentOfLink, segmentOfRole } from '../graph/segment.policy';
import {
  elementStatus,
  indexLiveState,
  interfaceStatus,
  worstStatus,
} from '../live/live-state.index';
import type { LiveStateIndex } from '../live/live-state.index';
import type { LiveState, LiveStatus } from '../live/live-state.model';
import type { Circuit } from '../model/inventory.model';
import { interfaceId } from '../model/inventory.model';
import type {
  CircuitNode,
  CustomerTopology,
  CustomerTopologyOptions,
  ElementNode,
  LinkNode,
  OrgUnitNode,
  SiteNode,
  StatusCounts,
} from './customer-topology.model';

function zeroCounts(): StatusCounts {
  return { up: 0, degraded: 0, down: 0, unknown: 0 };
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The org units of a subtree, parents before children (breadth first). */
function subtreeOf(index: TopologyIndex, rootId: string): string[] {
  const order = [rootId];
  for (let i = 0; i < order.length; i += 1) {
    for (const child of index.orgChildren.get(order[i] ?? '') ?? []) order.push(child);
  }
  return order;
}

/**
 * A customer's (or an org subtree's) sites and circuits grouped by its hierarchy, with
 * the shared operator elements and links they cross: O(visible circuits × route length
 * + org units + sites of the customer). Null for an unknown customer or an org unit not
 * of this customer. A shared element carries only the visible circuits and the alarms
 * on itself or on interfaces those circuits cross: nothing of another customer.
 */
export function customerTopology(
  index: TopologyIndex,
  options: CustomerTopologyOptions,
  live?: LiveState | LiveStateIndex | null,
): CustomerTopology | null {
  const customer = index.customers.get(options.customerId);
  if (!customer) return null;
  const rootId = options.orgUnitId ?? customer.rootOrgUnitId;
  const root = index.orgUnits.get(rootId);
  if (!root || root.customerId !== customer._id) return null;
  const liveIndex = live && 'byInterface' in live ? live : indexLiveState(live);
  const known = liveIndex.known;

  const unitIds = subtreeOf(index, rootId);
  const inSubtree = new Set(unitIds);
  const visibleFilter = options.visibleCircuitIds;
  const circuits: Circuit[] = [];
  for (const id of index.circuitsByCustomer.get(customer._id) ?? []) {
    const circuit = index.circuits.get(id);
    if (!circuit || circuit.customerId !== customer._id) continue;
    if (!inSubtree.has(circuit.orgUnitId)) continue;
    if (visibleFilter && !visibleFilter.has(id)) continue;
    circuits.push(circuit);
  }

  // Elements, links and their visible circuits, in order of first appearance.
  const elementCircuits = new Map<string, string[]>();
  const linkCircuits = new Map<string, string[]>();
  const interfaceSeen = new Set<string>();
  const circuitNodes: CircuitNode[] = [];
  const circuitStatus = new Map<string, LiveStatus>();
  for (const circuit of circuits) {
    const statuses: LiveStatus[] = [];
    const alarmIds: string[] = [];
    for (const hop of circuit.route) {
      const element = index.elements.get(hop.deviceId);
      // Routes never cross another customer's CPE; if an inventory ever said otherwise,
      // the element would still not be shown.
      if (element && element.customerId !== null && element.customerId !== customer._id) continue;
      push(elementCircuits, hop.deviceId, circuit._id);
      if (hop.linkId !== null) push(linkCircuits, hop.linkId, circuit._id);
      statuses.push(elementStatus(liveIndex, hop.deviceId));
      for (const o of liveIndex.byElement.get(hop.deviceId) ?? [])
        if (o.alarmId !== null) alarmIds.push(o.alarmId);
    }
    for (const { deviceId, id } of index.routeInterfacesByCircuit.get(circuit._id) ?? []) {
      interfaceSeen.add(id);
      statuses.push(interfaceStatus(liveIndex, id, deviceId));
      alarmIds.push(...(liveIndex.alarmIdsByInterface.get(id) ?? []));
    }
    const status = known ? worstStatus(statuses) : 'unknown';
    circuitStatus.set(circuit._id, status);
    circuitNodes.push({
      id: circuit._id,
      name: circuit.name,
      product: circuit.product,
      slaClass: circuit.slaClass,
      bandwidthBps: circuit.bandwidthBps,
      orgUnitId: circuit.orgUnitId,
      aSiteId: circuit.aEnd.siteId,
      zSiteId: circuit.zEnd.siteId,
      aSiteName: index.sites.get(circuit.aEnd.siteId)?.name ?? circuit.aEnd.siteId,
      zSiteName: index.sites.get(circuit.zEnd.siteId)?.name ?? circuit.zEnd.siteId,
      aDeviceId: circuit.aEnd.deviceId,
      zDeviceId: circuit.zEnd.deviceId,
      storedState: circuit.state,
      status,
      routeDeviceIds: circuit.route.map((h) => h.deviceId),
      routeLinkIds: circuit.route.flatMap((h) => (h.linkId === null ? [] : [h.linkId])),
      alarmIds: [...new Set(alarmIds)],
    });
  }

  // Sites: those of the subtree, then the far ends of visible circuits outside it.
  const siteCircuits = new Map<string, string[]>();
  for (const circuit of circuits) {
    push(siteCircuits, circuit.aEnd.siteId, circuit._id);
    if (circuit.zEnd.siteId !== circuit.aEnd.siteId)
      push(siteCircuits, circuit.zEnd.siteId, circuit._id);
  }
  const siteNodes: SiteNode[] = [];
  const shownSites = new Set<string>();
  const addSite = (siteId: string, inScope: boolean): void => {
    const site = index.sites.get(siteId);
    if (!site || site.customerId !== customer._id || shownSites.has(siteId)) return;
    shownSites.add(siteId);
    const circuitIds = siteCircuits.get(siteId) ?? [];
    const elementIds = (index.elementsBySite.get(siteId) ?? []).filter(
      (id) => index.elements.get(id)?.customerId === customer._id,
    );
    for (const id of elementIds) if (!elementCircuits.has(id)) elementCircuits.set(id, []);
    const statuses = circuitIds.map((id) => circuitStatus.get(id) ?? 'unknown');
    if (statuses.length === 0)
      statuses.push(...elementIds.map((id) => elementStatus(liveIndex, id)));
    siteNodes.push({
      id: site._id,
      kind: site.kind,
      name: site.name,
      nameEn: site.nameEn,
      city: site.city,
      lat: site.lat,
      lon: site.lon,
      orgUnitId: inScope ? site.orgUnitId : null,
      inScope,
      elementIds,
      circuitIds: [...circuitIds],
      status: known ? worstStatus(statuses) : 'unknown',
    });
  };
  const unitSites = new Map<string, string[]>();
  for (const siteId of index.sitesByCustomer.get(customer._id) ?? []) {
    const site = index.sites.get(siteId);
    if (!site || site.orgUnitId === null || !inSubtree.has(site.orgUnitId)) continue;
    addSite(siteId, true);
    push(unitSites, site.orgUnitId, siteId);
  }
  for (const circuit of circuits) {
    addSite(circuit.aEnd.siteId, false);
    addSite(circuit.zEnd.siteId, false);
  }

  // Org units with the status of their subtree's circuits.
  const unitCircuits = new Map<string, string[]>();
  const subtreeCounts = new Map<string, StatusCounts>(unitIds.map((id) => [id, zeroCounts()]));
  for (const circuit of circuits) {
    push(unitCircuits, circuit.orgUnitId, circuit._id);
    const status = circuitStatus.get(circuit._id) ?? 'unknown';
    for (const unitId of circuit.orgPath) {
      const counts = subtreeCounts.get(unitId);
      if (counts) counts[status] += 1;
    }
  }
  const orgUnits: OrgUnitNode[] = unitIds.flatMap((id) => {
    const unit = index.orgUnits.get(id);
    if (!unit) return [];
    return [
      {
        id,
        // The requested unit is the root of what the caller sees.
        parentId: id === rootId ? null : unit.parentId,
        level: unit.level,
        name: unit.name,
        nameEn: unit.nameEn,
        path: [...unit.path],
        siteIds: unitSites.get(id) ?? [],
        circuitIds: unitCircuits.get(id) ?? [],
        subtreeStatus: subtreeCounts.get(id) ?? zeroCounts(),
      },
    ];
  });

  const elements: ElementNode[] = [];
  for (const [id, circuitIds] of elementCircuits) {
    const element = index.elements.get(id);
    if (!element) continue;
    const shared = element.customerId === null;
    const alarmIds: string[] = [];
    for (const o of liveIndex.byElement.get(id) ?? [])
      if (o.alarmId !== null) alarmIds.push(o.alarmId);
    for (const ifId of index.interfacesByElement.get(id) ?? []) {
      // On a shared element only the ports the visible circuits cross: the others may
      // face another customer.
      if (shared && !interfaceSeen.has(ifId)) continue;
      alarmIds.push(...(liveIndex.alarmIdsByInterface.get(ifId) ?? []));
    }
    elements.push({
      id,
      name: element.name,
      role: element.role,
      vendor: element.vendor,
      model: element.model,
      siteId: element.siteId,
      shared,
      segment: segmentOfRole(element.role),
      status: elementStatus(liveIndex, id),
      silent: liveIndex.silent.has(id),
      // A route never visits an element twice: no duplicates to remove.
      circuitIds,
      alarmIds,
    });
  }

  const links: LinkNode[] = [];
  for (const [id, circuitIds] of linkCircuits) {
    const link = index.links.get(id);
    if (!link) continue;
    // The worse end; `unknown` when an end is silent and nothing else is said.
    const status = worstStatus(
      [link.a, link.z].map((e) =>
        interfaceStatus(liveIndex, interfaceId(e.deviceId, e.ifIndex), e.deviceId),
      ),
    );
    links.push({
      id,
      kind: link.kind,
      aDeviceId: link.a.deviceId,
      zDeviceId: link.z.deviceId,
      capacityBps: link.capacityBps,
      segment: segmentOfLink(link, index.elements),
      status,
      circuitIds,
    });
  }

  const circuitCounts = zeroCounts();
  for (const status of circuitStatus.values()) circuitCounts[status] += 1;
  return {
    kind: 'customer',
    customerId: customer._id,
    customerName: customer.name,
    rootOrgUnitId: rootId,
    orgUnits,
    sites: siteNodes,
    circuits: circuitNodes,
    elements,
    links,
    summary: {
      circuits: circuitCounts,
      sites: siteNodes.length,
      sharedElements: elements.filter((e) => e.shared).length,
      customerElements: elements.filter((e) => !e.shared).length,
    },
  };
}
