import { Injectable, NotFoundException } from '@nestjs/common';

import {
  circuitRouteTopology,
  type CircuitFaultLocation,
  type CommonCause,
  customerCircuitRows,
  customerSiteRows,
  customerTopology,
  type CytoscapeGraph,
  type Evidence,
  type FaultLocationResult,
  type ImpactTarget,
  impactOf,
  indexLiveState,
  type LiveStateIndex,
  type LiveStatus,
  locateFaults,
  targetId,
  toCytoscape,
} from '@circuitcare/topology';

import type { AccessScope } from '../auth/access-scope';
import { parseSortSpec, type SortKey } from '../common/paging/sort-spec';
import { RequestValidationException } from '../common/problem/request-validation.exception';
import type {
  CircuitFaultLocationDto,
  CircuitTopologyDto,
  LocatedFaultDto,
} from './dto/circuit-topology.dto';
import {
  CIRCUIT_ROW_SORT_FIELDS,
  type CustomerTopologyDto,
  type CustomerTopologyQueryDto,
  SITE_ROW_SORT_FIELDS,
} from './dto/customer-topology.dto';
import type { CommonCauseDto, FaultListQueryDto, FaultPageDto } from './dto/faults.dto';
import type { ImpactDto, ImpactedCircuitDto, ImpactQueryDto } from './dto/impact.dto';
import type { CytoscapeElementsDto, EvidenceDto, LiveInfoDto } from './dto/topology-common.dto';
import { resolveCustomerView } from './topology-scope';
import { type LiveSnapshot, type ScopedTopology, TopologyRepository } from './topology.repository';

/** Ascending status puts the worst first: what a NOC or a branch looks at first. */
const STATUS_ORDER: Readonly<Record<LiveStatus, number>> = {
  down: 0,
  degraded: 1,
  unknown: 2,
  up: 3,
};
const SEVERITY_ORDER: Readonly<Record<string, number>> = { down: 0, degraded: 1 };

type Comparable = string | number;

/** Sorts rows in memory by the given keys (already validated against a whitelist). */
function sortRows<T>(
  rows: T[],
  keys: readonly SortKey[],
  value: (row: T, field: string) => Comparable,
): T[] {
  return rows.sort((x, y) => {
    for (const { field, direction } of keys) {
      const a = value(x, field);
      const b = value(y, field);
      if (a < b) return -direction;
      if (a > b) return direction;
    }
    return 0;
  });
}

function pageOf<T>(rows: T[], page: number, pageSize: number): { items: T[]; total: number } {
  return { items: rows.slice((page - 1) * pageSize, page * pageSize), total: rows.length };
}

/** The library's Cytoscape graph as the DTO (same JSON; the DTO types `data` loosely). */
function cytoscapeDto(graph: CytoscapeGraph): CytoscapeElementsDto {
  return { nodes: graph.elements.nodes, edges: graph.elements.edges };
}

function liveInfo(topology: ScopedTopology, snapshot: LiveSnapshot): LiveInfoDto {
  return {
    readAt: snapshot.readAt.toISOString(),
    inventoryAt: new Date(topology.builtAt).toISOString(),
    pollingAlive: snapshot.pollingAlive,
  };
}

function locatedFaultDto(f: CircuitFaultLocation): LocatedFaultDto {
  return {
    severity: f.severity,
    causeId: f.causeId,
    suspect: { ...f.suspect, deviceIds: [...f.suspect.deviceIds] },
    segment: f.segment,
    confidence: f.confidence,
    evidence: f.evidence.map(evidenceDto),
    otherSupportingFacts: f.otherSupportingFacts,
    otherCauseIds: [...f.otherCauseIds],
  };
}

function evidenceDto(e: Evidence): EvidenceDto {
  return {
    kind: e.kind,
    alarmId: e.alarmId,
    deviceId: e.deviceId,
    interfaceId: e.interfaceId,
    probableCause: e.probableCause,
    raisedAt: e.raisedAt,
    reason: e.reason,
  };
}

/**
 * Topology, fault location and impact for the HTTP API: the library's pure functions
 * over the cached inventory index and the live state of the request, every answer cut
 * to the circuits of the caller's scope.
 */
@Injectable()
export class TopologyService {
  /**
   * Results computed from one live snapshot, which concurrent requests share (see
   * TopologyRepository.live): 50 simultaneous requests for the same picture compute it
   * once. Dropped with the snapshot.
   */
  private readonly computed = new WeakMap<LiveSnapshot, Map<string, unknown>>();

  constructor(private readonly repository: TopologyRepository) {}

  private memo<T>(snapshot: LiveSnapshot, key: string, compute: () => T): T {
    let results = this.computed.get(snapshot);
    if (!results) {
      results = new Map();
      this.computed.set(snapshot, results);
    }
    if (results.has(key)) return results.get(key) as T;
    const value = compute();
    results.set(key, value);
    return value;
  }

  private liveIndex(snapshot: LiveSnapshot): LiveStateIndex {
    return this.memo(snapshot, 'live-index', () => indexLiveState(snapshot.live));
  }

  /** Every located fault, unrestricted: only ever shown cut to one circuit's route. */
  private allFaults(topology: ScopedTopology, snapshot: LiveSnapshot): FaultLocationResult {
    return this.memo(snapshot, 'faults:all', () =>
      locateFaults(topology.index, this.liveIndex(snapshot)),
    );
  }

  async customerTopology(
    scope: AccessScope,
    query: CustomerTopologyQueryDto,
  ): Promise<CustomerTopologyDto> {
    const topology = await this.repository.forScope(scope);
    const { index } = topology;
    const resolved = resolveCustomerView(scope, index, query);
    switch (resolved.kind) {
      case 'not-found':
        throw new NotFoundException('Customer topology not found.');
      case 'customer-required':
        throw new RequestValidationException([
          {
            path: 'customerId',
            message: 'customerId is required: your scope covers more than one customer',
          },
        ]);
      case 'view':
        break;
    }
    this.checkRowSort(query);
    const [snapshot, states] = await Promise.all([
      this.repository.live(topology),
      this.repository.circuitStates(scope, topology),
    ]);
    const key = `customer|${JSON.stringify(scope)}|${resolved.customerId}|${resolved.rootOrgUnitId ?? ''}`;
    const computed = this.memo(snapshot, key, () => {
      const live = this.liveIndex(snapshot);
      const picture = customerTopology(
        index,
        {
          customerId: resolved.customerId,
          ...(resolved.rootOrgUnitId !== undefined ? { orgUnitId: resolved.rootOrgUnitId } : {}),
          visibleCircuitIds: topology.visibleCircuitIds,
        },
        live,
      );
      if (!picture) return null;
      for (const circuit of picture.circuits) {
        circuit.storedState = states.get(circuit.id)?.state ?? circuit.storedState;
      }
      // Restricted to the picture's circuits: a suspect hurting only others is not marked.
      const located = locateFaults(index, live, { circuitIds: picture.circuits.map((c) => c.id) });
      return { view: picture, faults: located };
    });
    if (!computed) throw new NotFoundException('Customer topology not found.');
    const { view, faults } = computed;
    const base = {
      format: query.format,
      customerId: view.customerId,
      customerName: view.customerName,
      rootOrgUnitId: view.rootOrgUnitId,
      summary: { ...view.summary, faults: faults.causes.length },
      live: liveInfo(topology, snapshot),
    };
    const sort = parseSortSpec(query.sort);
    switch (query.format) {
      case 'structure':
        return {
          ...base,
          structure: {
            orgUnits: view.orgUnits,
            sites: view.sites,
            circuits: view.circuits,
            elements: view.elements,
            links: view.links,
          },
        };
      case 'cytoscape':
        return { ...base, cytoscape: cytoscapeDto(toCytoscape(view, { faults })) };
      case 'circuit-rows': {
        const keys: SortKey[] = sort.length > 0 ? sort : [{ field: 'status', direction: 1 }];
        const rows = sortRows(
          customerCircuitRows(view),
          [...keys, { field: 'name', direction: 1 }, { field: 'circuitId', direction: 1 }],
          (row, field) =>
            field === 'status' ? STATUS_ORDER[row.status] : row[field as keyof typeof row],
        );
        return {
          ...base,
          circuitRows: {
            ...pageOf(rows, query.page, query.pageSize),
            page: query.page,
            pageSize: query.pageSize,
          },
        };
      }
      case 'site-rows': {
        const keys: SortKey[] = sort.length > 0 ? sort : [{ field: 'status', direction: 1 }];
        const rows = sortRows(
          customerSiteRows(view),
          [...keys, { field: 'name', direction: 1 }, { field: 'siteId', direction: 1 }],
          (row, field) =>
            field === 'status' ? STATUS_ORDER[row.status] : (row[field as keyof typeof row] ?? ''),
        );
        return {
          ...base,
          siteRows: {
            ...pageOf(rows, query.page, query.pageSize),
            page: query.page,
            pageSize: query.pageSize,
          },
        };
      }
    }
  }

  /** A sort key of the other row kind is a client error, named on `sort`. */
  private checkRowSort(query: CustomerTopologyQueryDto): void {
    const allowed: readonly string[] | null =
      query.format === 'circuit-rows'
        ? CIRCUIT_ROW_SORT_FIELDS
        : query.format === 'site-rows'
          ? SITE_ROW_SORT_FIELDS
          : null;
    if (query.sort === undefined) return;
    if (allowed === null) {
      throw new RequestValidationException([
        { path: 'sort', message: 'sort applies to the circuit-rows and site-rows formats only' },
      ]);
    }
    const wrong = parseSortSpec(query.sort).filter((k) => !allowed.includes(k.field));
    if (wrong.length > 0) {
      throw new RequestValidationException([
        {
          path: 'sort',
          message: `sort fields of ${query.format}: ${allowed.join(', ')} (not ${wrong.map((k) => k.field).join(', ')})`,
        },
      ]);
    }
  }

  /**
   * The circuit (in the scope, or for a field engineer one of its dispatched tickets'),
   * the live state and the fault location of that one circuit.
   */
  private async circuitContext(scope: AccessScope, id: string) {
    const topology = await this.repository.forCircuitRead(scope);
    const [row, snapshot] = await Promise.all([
      this.repository.circuitState(scope, topology, id),
      this.repository.live(topology),
    ]);
    if (!row || !topology.visibleCircuitIds.has(id)) {
      throw new NotFoundException(`Circuit ${id} not found.`);
    }
    const route = circuitRouteTopology(topology.index, id, this.liveIndex(snapshot));
    if (!route) throw new NotFoundException(`Circuit ${id} not found.`);
    // Per circuit the unrestricted result says the same as one restricted to it: the
    // circuit's evidence is cut to its own route either way.
    const faults = this.allFaults(topology, snapshot);
    const located = faults.circuits.find((f) => f.circuitId === id) ?? null;
    return { row, topology, snapshot, route, faults, located };
  }

  async circuitTopology(scope: AccessScope, id: string): Promise<CircuitTopologyDto> {
    const { row, topology, snapshot, route, faults, located } = await this.circuitContext(
      scope,
      id,
    );
    return {
      circuitId: route.circuitId,
      name: route.name,
      customerId: route.customerId,
      orgUnitId: route.orgUnitId,
      product: route.product,
      slaClass: route.slaClass,
      bandwidthBps: route.bandwidthBps,
      storedState: row.state,
      stateSince: new Date(row.stateSince).toISOString(),
      status: route.status,
      aEnd: route.aEnd,
      zEnd: route.zEnd,
      hops: route.hops,
      links: route.links,
      fault: located ? locatedFaultDto(located) : null,
      cytoscape: cytoscapeDto(toCytoscape(route, { faults })),
      live: liveInfo(topology, snapshot),
    };
  }

  async circuitFaultLocation(scope: AccessScope, id: string): Promise<CircuitFaultLocationDto> {
    const { row, topology, snapshot, route, located } = await this.circuitContext(scope, id);
    return {
      circuitId: id,
      verdict: located ? 'fault' : 'no-fault',
      storedState: row.state,
      status: route.status,
      fault: located ? locatedFaultDto(located) : null,
      live: liveInfo(topology, snapshot),
    };
  }

  async faults(scope: AccessScope, query: FaultListQueryDto): Promise<FaultPageDto> {
    const topology = await this.repository.forScope(scope);
    const { index, visibleCircuitIds } = topology;
    const snapshot = await this.repository.live(topology);
    const live = this.liveIndex(snapshot);
    // A customerId narrows the visible circuits; it never adds any.
    const visible =
      query.customerId === undefined
        ? visibleCircuitIds
        : new Set(
            [...visibleCircuitIds].filter(
              (id) => index.circuits.get(id)?.customerId === query.customerId,
            ),
          );
    // Operator staff asking for everything get every fact; any narrower view gets the facts
    // on its own circuits' routes (the library hides the rest and counts them).
    const operator = scope.kind === 'all';
    const result = locateFaults(
      index,
      live,
      operator && query.customerId === undefined ? {} : { circuitIds: visible },
    );
    const causes = result.causes
      .filter((c) => c.circuitIds.length > 0)
      .filter((c) => query.severity === undefined || c.severity === query.severity)
      .filter((c) => query.segment === undefined || c.suspect.segment === query.segment)
      .map((c) => this.causeDto(topology, c));
    const keys = parseSortSpec(query.sort);
    sortRows(
      causes,
      [
        ...(keys.length > 0
          ? keys
          : [
              { field: 'circuits', direction: -1 as const },
              { field: 'severity', direction: 1 as const },
            ]),
        { field: 'id', direction: 1 },
      ],
      (c, field) => {
        switch (field) {
          case 'circuits':
            return c.circuitCount;
          case 'confidence':
            return c.confidence;
          case 'severity':
            return SEVERITY_ORDER[c.severity] ?? 9;
          case 'segment':
            return c.segment;
          case 'name':
            return c.suspect.name;
          default:
            return c.id;
        }
      },
    );
    return {
      ...pageOf(causes, query.page, query.pageSize),
      page: query.page,
      pageSize: query.pageSize,
      live: liveInfo(topology, snapshot),
    };
  }

  /**
   * Operator staff (unrestricted) see every supporting fact; anyone else only the facts
   * on the routes of their own circuits (the library cuts them) and a count of the rest.
   */
  private causeDto(topology: ScopedTopology, cause: CommonCause): CommonCauseDto {
    const { index } = topology;
    return {
      id: cause.id,
      suspect: { ...cause.suspect },
      severity: cause.severity,
      segment: cause.suspect.segment,
      confidence: cause.confidence,
      circuitCount: cause.circuitIds.length,
      circuits: cause.circuitIds.map((id) => {
        const c = index.circuits.get(id);
        return {
          id,
          name: c?.name ?? id,
          customerId: c?.customerId ?? '',
          orgUnitId: c?.orgUnitId ?? '',
        };
      }),
      customers: cause.customers.map((c) => ({
        customerId: c.customerId,
        customerName: index.customers.get(c.customerId)?.name ?? c.customerId,
        circuitCount: c.circuitIds.length,
      })),
      evidence: cause.evidence.map(evidenceDto),
      otherSupportingFacts: cause.hiddenEvidenceCount,
    };
  }

  async impact(
    scope: AccessScope,
    target: ImpactTarget,
    query: ImpactQueryDto,
  ): Promise<ImpactDto> {
    const topology = await this.repository.forScope(scope);
    const { index } = topology;
    const impact = impactOf(index, target, { visibleCircuitIds: topology.visibleCircuitIds });
    if (!impact.found || impact.segment === null) {
      throw new NotFoundException(`${target.type} ${targetId(target)} not found.`);
    }
    const states = await this.repository.circuitStates(scope, topology);
    const circuits: ImpactedCircuitDto[] = impact.circuitIds.flatMap((id) => {
      const c = index.circuits.get(id);
      if (!c) return [];
      return [
        {
          id,
          name: c.name,
          customerId: c.customerId,
          orgUnitId: c.orgUnitId,
          product: c.product,
          slaClass: c.slaClass,
          bandwidthBps: c.bandwidthBps,
          state: states.get(id)?.state ?? c.state,
        },
      ];
    });
    const keys = parseSortSpec(query.sort);
    sortRows(
      circuits,
      [
        ...(keys.length > 0 ? keys : [{ field: 'customerId', direction: 1 as const }]),
        { field: 'id', direction: 1 },
      ],
      (c, field) => c[field as keyof ImpactedCircuitDto],
    );
    return {
      target: {
        type: target.type,
        id: targetId(target),
        name: impact.targetName,
        segment: impact.segment,
      },
      circuitCount: impact.circuitIds.length,
      customerCount: impact.customers.length,
      byProduct: impact.byProduct,
      bySla: impact.bySla,
      customers: impact.customers
        .map((c) => ({
          customerId: c.customerId,
          customerName: c.customerName,
          circuitCount: c.circuitIds.length,
          byProduct: c.byProduct,
          bySla: c.bySla,
        }))
        .sort((x, y) => y.circuitCount - x.circuitCount || (x.customerId < y.customerId ? -1 : 1)),
      circuits: {
        ...pageOf(circuits, query.page, query.pageSize),
        page: query.page,
        pageSize: query.pageSize,
      },
    };
  }
}
