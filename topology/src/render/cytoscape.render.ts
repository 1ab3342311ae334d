import type { CustomerTopology } from '../customer/customer-topology.model';
import type { FaultLocationResult } from '../fault/fault-location.model';
import type { CircuitRouteTopology } from '../route/circuit-route.topology';

export type CytoscapeValue = string | number | boolean | null | string[];

/** Cytoscape's element JSON: `data.id`, `data.parent` for compound nodes. */
export interface CytoscapeNode {
  data: { id: string; label: string; parent?: string } & Record<string, CytoscapeValue>;
  classes: string;
}

export interface CytoscapeEdge {
  data: { id: string; source: string; target: string; label: string } & Record<
    string,
    CytoscapeValue
  >;
  classes: string;
}

/** Ready for `cytoscape({ elements: graph.elements })`. */
export interface CytoscapeGraph {
  elements: { nodes: CytoscapeNode[]; edges: CytoscapeEdge[] };
}

export interface CytoscapeOptions {
  /** Marks suspects (`fault-suspect`) and the circuits they explain. */
  faults?: FaultLocationResult | null;
  /**
   * Customer view: nest sites in org-unit compound nodes (default true). Elements sit in
   * their site's compound node either way.
   */
  groupByOrgUnit?: boolean;
}

/** Compound node holding the shared operator elements in the customer view. */
export const OPERATOR_GROUP_ID = 'group:operator';

/** Ids of compound nodes, prefixed so that they never collide with element ids. */
export function orgUnitNodeId(id: string): string {
  return `org:${id}`;
}
export function siteNodeId(id: string): string {
  return `site:${id}`;
}

interface Suspects {
  /** Element ids suspected (elements, and the element of a suspected interface). */
  elements: Map<string, string>;
  links: Map<string, string>;
}

function suspectsOf(faults: FaultLocationResult | null | undefined, circuitId?: string): Suspects {
  const elements = new Map<string, string>();
  const links = new Map<string, string>();
  const causes =
    circuitId === undefined
      ? (faults?.causes ?? [])
      : (faults?.causes ?? []).filter((c) =>
          faults?.circuits.some((f) => f.circuitId === circuitId && f.causeId === c.id),
        );
  for (const cause of causes) {
    const { suspect } = cause;
    switch (suspect.kind) {
      case 'element':
      case 'interface':
        for (const id of suspect.deviceIds) if (!elements.has(id)) elements.set(id, cause.id);
        break;
      case 'link':
        if (!links.has(suspect.id)) links.set(suspect.id, cause.id);
        break;
    }
  }
  return { elements, links };
}

function classes(...names: (string | false | null | undefined)[]): string {
  return names.filter((n): n is string => typeof n === 'string' && n.length > 0).join(' ');
}

function routeToCytoscape(route: CircuitRouteTopology, options: CytoscapeOptions): CytoscapeGraph {
  const suspects = suspectsOf(options.faults, route.circuitId);
  const nodes: CytoscapeNode[] = [];
  const sites = new Set<string>();
  for (const hop of route.hops) {
    // The customer's own sites hold its CPEs; operator elements stand alone.
    if (!hop.shared && hop.siteId !== '' && !sites.has(hop.siteId)) {
      sites.add(hop.siteId);
      nodes.push({
        data: { id: siteNodeId(hop.siteId), label: hop.siteName, siteId: hop.siteId },
        classes: 'site segment-customer-side',
      });
    }
  }
  for (const hop of route.hops) {
    const causeId = suspects.elements.get(hop.deviceId) ?? null;
    nodes.push({
      data: {
        id: hop.deviceId,
        label: hop.name,
        ...(!hop.shared && hop.siteId !== '' ? { parent: siteNodeId(hop.siteId) } : {}),
        index: hop.index,
        role: hop.role,
        segment: hop.segment,
        status: hop.status,
        vendor: hop.vendor,
        model: hop.model,
        siteName: hop.siteName,
        inInterface: hop.inInterface?.ifName ?? null,
        outInterface: hop.outInterface?.ifName ?? null,
        alarmIds: hop.alarmIds,
        causeId,
      },
      classes: classes(
        'element',
        `role-${hop.role}`,
        `segment-${hop.segment}`,
        `state-${hop.status}`,
        hop.shared && 'shared',
        hop.silent && 'silent',
        hop.index === 0 && 'a-end',
        hop.index === route.hops.length - 1 && 'z-end',
        causeId !== null && 'fault-suspect',
      ),
    });
  }
  const edges: CytoscapeEdge[] = route.links.map((link) => {
    const causeId = suspects.links.get(link.linkId) ?? null;
    const from = route.hops[link.fromIndex];
    const to = route.hops[link.fromIndex + 1];
    return {
      data: {
        id: link.linkId,
        source: link.fromDeviceId,
        target: link.toDeviceId,
        label: `${from?.outInterface?.ifName ?? ''} → ${to?.inInterface?.ifName ?? ''}`,
        kind: link.kind,
        capacityBps: link.capacityBps,
        segment: link.segment,
        status: link.status,
        causeId,
      },
      classes: classes(
        'link',
        `kind-${link.kind}`,
        `segment-${link.segment}`,
        `state-${link.status}`,
        causeId !== null && 'fault-suspect',
      ),
    };
  });
  return { elements: { nodes, edges } };
}

function customerToCytoscape(
  topology: CustomerTopology,
  options: CytoscapeOptions,
): CytoscapeGraph {
  const suspects = suspectsOf(options.faults);
  const group = options.groupByOrgUnit ?? true;
  const nodes: CytoscapeNode[] = [];
  if (group) {
    for (const unit of topology.orgUnits) {
      const worst =
        unit.subtreeStatus.down > 0
          ? 'down'
          : unit.subtreeStatus.degraded > 0
            ? 'degraded'
            : unit.subtreeStatus.unknown > 0
              ? 'unknown'
              : 'up';
      nodes.push({
        data: {
          id: orgUnitNodeId(unit.id),
          label: unit.name,
          ...(unit.parentId !== null ? { parent: orgUnitNodeId(unit.parentId) } : {}),
          orgUnitId: unit.id,
          level: unit.level,
          nameEn: unit.nameEn,
          circuitsDown: unit.subtreeStatus.down,
          circuitsDegraded: unit.subtreeStatus.degraded,
        },
        classes: classes('org-unit', `level-${unit.level}`, `state-${worst}`),
      });
    }
  }
  for (const site of topology.sites) {
    nodes.push({
      data: {
        id: siteNodeId(site.id),
        label: site.name,
        ...(group && site.orgUnitId !== null ? { parent: orgUnitNodeId(site.orgUnitId) } : {}),
        siteId: site.id,
        kind: site.kind,
        city: site.city,
        nameEn: site.nameEn,
        lat: site.lat,
        lon: site.lon,
        status: site.status,
        circuitIds: site.circuitIds,
      },
      classes: classes(
        'site',
        `kind-${site.kind}`,
        `state-${site.status}`,
        !site.inScope && 'out-of-scope',
      ),
    });
  }
  const siteIds = new Set(topology.sites.map((s) => s.id));
  if (topology.elements.some((e) => e.shared)) {
    nodes.push({
      data: { id: OPERATOR_GROUP_ID, label: '运营商网络 Operator network' },
      classes: 'operator-network',
    });
  }
  for (const element of topology.elements) {
    const causeId = suspects.elements.get(element.id) ?? null;
    const parent = element.shared
      ? OPERATOR_GROUP_ID
      : siteIds.has(element.siteId)
        ? siteNodeId(element.siteId)
        : null;
    nodes.push({
      data: {
        id: element.id,
        label: element.name,
        ...(parent !== null ? { parent } : {}),
        role: element.role,
        segment: element.segment,
        status: element.status,
        vendor: element.vendor,
        model: element.model,
        circuitIds: element.circuitIds,
        alarmIds: element.alarmIds,
        causeId,
      },
      classes: classes(
        'element',
        `role-${element.role}`,
        `segment-${element.segment}`,
        `state-${element.status}`,
        element.shared && 'shared',
        element.silent && 'silent',
        causeId !== null && 'fault-suspect',
      ),
    });
  }
  const edges: CytoscapeEdge[] = topology.links.map((link) => {
    const causeId = suspects.links.get(link.id) ?? null;
    return {
      data: {
        id: link.id,
        source: link.aDeviceId,
        target: link.zDeviceId,
        label: '',
        kind: link.kind,
        capacityBps: link.capacityBps,
        segment: link.segment,
        status: link.status,
        circuitIds: link.circuitIds,
        causeId,
      },
      classes: classes(
        'link',
        `kind-${link.kind}`,
        `segment-${link.segment}`,
        `state-${link.status}`,
        causeId !== null && 'fault-suspect',
      ),
    };
  });
  return { elements: { nodes, edges } };
}

/**
 * A view as Cytoscape elements. Classes: `element role-<role> segment-<segment>
 * state-<status>` (+ `shared`, `silent`, `a-end`/`z-end`, `fault-suspect`), `org-unit
 * level-<level>`, `site kind-<kind>` (+ `out-of-scope`), `link kind-<kind>
 * segment-<segment> state-<status>`. Compound nodes: org units (nested), sites inside
 * their unit, CPEs inside their site, shared elements inside `group:operator`.
 */
export function toCytoscape(
  view: CircuitRouteTopology | CustomerTopology,
  options: CytoscapeOptions = {},
): CytoscapeGraph {
  switch (view.kind) {
    case 'circuit-route':
      return routeToCytoscape(view, options);
    case 'customer':
      return customerToCytoscape(view, options);
  }
}
