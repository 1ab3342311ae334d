import { Inject, Injectable } from '@nestjs/common';
import type { Collection, Db } from 'mongodb';

import {
  buildTopologyIndex,
  interfaceId,
  type LiveAlarm,
  type LiveState,
  type TopologyIndex,
} from '@circuitcare/topology';

import type { AccessScope } from '../auth/access-scope';
import { COLLECTIONS } from '../database/collections';
import { MONGO_DB } from '../database/database.module';
import type {
  AlarmDocument,
  CircuitDocument,
  CounterStateDocument,
  CustomerDocument,
  ElementDocument,
  InterfaceDocument,
  LinkDocument,
  OrgUnitDocument,
  SiteDocument,
} from '../database/documents';
import { isOperDown } from '../ingest/perf/perf-buckets';
import { withTicketScope } from '../tickets/ticket-scope.filter';
import { FINAL_STATUSES, type TicketDocument } from '../tickets/ticket.document';
import { pollSilence } from './poll-silence';
import { circuitInScope } from './topology-scope';

/** How long a built index serves before the inventory is read again (it changes by re-seed only). */
export const INVENTORY_TTL_MS = 60_000;
/** Stored circuit states are re-read when older than this… */
export const STATES_MAX_AGE_MS = 3_000;
/** …and served while the re-read runs if younger than this. */
export const STATES_STALE_LIMIT_MS = 60_000;

/**
 * The whole-network index and the circuits the caller may see. The index is needed
 * whole (fault inference uses every piece of evidence, a customer's circuit is located
 * as precisely as the NOC's), so callers pass `visibleCircuitIds` to every topology
 * function and show nothing outside it.
 */
export interface ScopedTopology {
  readonly index: TopologyIndex;
  readonly visibleCircuitIds: ReadonlySet<string>;
  /** Built at (ms since epoch): the age of the inventory answer. */
  readonly builtAt: number;
}

/** What the network says now, read for one request. */
export interface LiveSnapshot {
  live: LiveState;
  /** Collectors are polling: silence means something only then. */
  pollingAlive: boolean;
  readAt: Date;
}

interface LiveRead {
  alarms: LiveAlarm[];
  operDownInterfaceIds: string[];
  lastPollByElement: Map<string, number>;
  readAt: Date;
}

export type CircuitStateRow = Pick<CircuitDocument, '_id' | 'state' | 'stateSince'>;

/**
 * Topology reads: the inventory, indexed once and cached per process, and the live
 * state (raised alarms, last polls, circuit states) read fresh for every request.
 * Every public read takes the caller's AccessScope.
 */
@Injectable()
export class TopologyRepository {
  private cached: { index: TopologyIndex; builtAt: number } | null = null;
  private building: Promise<{ index: TopologyIndex; builtAt: number }> | null = null;
  private liveInFlight: Promise<LiveRead> | null = null;
  private readonly snapshots = new WeakMap<
    LiveRead,
    { index: TopologyIndex; snapshot: LiveSnapshot }
  >();
  private states: { readAt: number; rows: ReadonlyMap<string, CircuitStateRow> } | null = null;
  private statesInFlight: Promise<ReadonlyMap<string, CircuitStateRow>> | null = null;

  constructor(@Inject(MONGO_DB) private readonly db: Db) {}

  private collection<T extends object>(name: string): Collection<T> {
    return this.db.collection<T>(name);
  }

  /** The index and the caller's circuits: O(circuits) on a warm cache. */
  async forScope(scope: AccessScope): Promise<ScopedTopology> {
    const { index, builtAt } = await this.indexed();
    const visibleCircuitIds = new Set<string>();
    for (const circuit of index.circuits.values()) {
      if (circuitInScope(scope, circuit)) visibleCircuitIds.add(circuit._id);
    }
    return { index, visibleCircuitIds, builtAt };
  }

  /**
   * The circuits whose route and located fault the caller may read one by one: those of
   * its scope, and for a field engineer (who sees no circuit otherwise) the circuits of
   * the tickets currently dispatched to it — not closed, cancelled or rejected, and not
   * reassigned to someone else (`fieldEngineerIds` then no longer names it).
   */
  async forCircuitRead(scope: AccessScope): Promise<ScopedTopology> {
    const scoped = await this.forScope(scope);
    if (scope.kind !== 'dispatched') return scoped;
    const tickets = await this.collection<TicketDocument>(COLLECTIONS.tickets)
      .find(withTicketScope(scope, {}), { projection: { _id: 1, status: 1, circuitIds: 1 } })
      .toArray();
    const visibleCircuitIds = new Set<string>();
    for (const t of tickets) {
      if (FINAL_STATUSES.includes(t.status)) continue;
      for (const id of t.circuitIds ?? []) {
        if (scoped.index.circuits.has(id)) visibleCircuitIds.add(id);
      }
    }
    return { ...scoped, visibleCircuitIds };
  }

  /**
   * One circuit's stored state if the caller may read it: `topology` comes from
   * forScope (the in-memory twin of the filter GET /circuits/{id} uses, so both routes
   * answer 404 alike) or forCircuitRead, from the shared copy: no query per request.
   */
  async circuitState(
    scope: AccessScope,
    topology: ScopedTopology,
    id: string,
  ): Promise<CircuitStateRow | null> {
    const circuit = topology.index.circuits.get(id);
    if (!circuit || scope.kind === 'none' || !topology.visibleCircuitIds.has(id)) return null;
    return (await this.allCircuitStates()).get(id) ?? null;
  }

  /**
   * The live state now: alarms, oper-down ports and silent elements of the whole
   * network (inference needs them all; callers cut the answer to the scope).
   */
  async live(topology: ScopedTopology): Promise<LiveSnapshot> {
    const read = await this.liveRead();
    const { index } = topology;
    // Requests that shared one read get one snapshot object: callers may memoise on it.
    const known = this.snapshots.get(read);
    if (known && known.index === index) return known.snapshot;
    const { silentElementIds, pollingAlive } = pollSilence(
      index,
      read.lastPollByElement,
      read.readAt.getTime(),
    );
    // Only ports that carry circuits or terminate a link: the same rule ingestion uses
    // before it raises an oper-down alarm (an unused port being down is no fault).
    const operDown = read.operDownInterfaceIds.filter(
      (id) => index.circuitsByInterface.has(id) || index.linkOfInterface.has(id),
    );
    const snapshot: LiveSnapshot = {
      live: {
        alarms: read.alarms,
        operDownInterfaceIds: operDown,
        silentElementIds,
        // An element that answered after a report blaming it was raised is alive: that tells a
        // dead CPE from its access line when one of the line's two reports was lost.
        ...(pollingAlive ? { lastAnsweredAt: read.lastPollByElement } : {}),
      },
      pollingAlive,
      readAt: read.readAt,
    };
    this.snapshots.set(read, { index, snapshot });
    return snapshot;
  }

  /**
   * Stored state of the scope's circuits, at most STATES_MAX_AGE_MS old. Reading the
   * states costs a scan of the circuits collection (FerretDB decodes whole documents,
   * routes included, whatever the projection: ~150-350 ms for 564 circuits), too much for
   * every request; one shared copy refreshed in the background keeps the answer within
   * seconds of ingestion. The live status of every view comes from the alarms and polls,
   * read fresh per request; this stored state is the ingestion's verdict shown beside it.
   */
  async circuitStates(
    scope: AccessScope,
    topology: ScopedTopology,
  ): Promise<ReadonlyMap<string, CircuitStateRow>> {
    const all = await this.allCircuitStates();
    const visible = new Map<string, CircuitStateRow>();
    for (const [id, row] of all) {
      const circuit = topology.index.circuits.get(id);
      if (circuit && circuitInScope(scope, circuit)) visible.set(id, row);
    }
    return visible;
  }

  private allCircuitStates(): Promise<ReadonlyMap<string, CircuitStateRow>> {
    const cached = this.states;
    const age = cached ? Date.now() - cached.readAt : Infinity;
    if (cached && age < STATES_MAX_AGE_MS) return Promise.resolve(cached.rows);
    if (!this.statesInFlight) {
      this.statesInFlight = this.collection<CircuitDocument>(COLLECTIONS.circuits)
        .find({}, { projection: { _id: 1, state: 1, stateSince: 1 } })
        .toArray()
        .then((rows) => {
          this.states = { readAt: Date.now(), rows: new Map(rows.map((r) => [r._id, r])) };
          return this.states.rows;
        })
        .finally(() => {
          this.statesInFlight = null;
        });
      // A failed background refresh is seen by the next request that waits for one.
      this.statesInFlight.catch(() => undefined);
    }
    // Slightly older states are served while the refresh runs rather than making the
    // request wait for it; an old copy is never served.
    if (cached && age < STATES_STALE_LIMIT_MS) return Promise.resolve(cached.rows);
    return this.statesInFlight;
  }

  /**
   * Concurrent requests share one read in flight (and only in flight: nothing is kept
   * after it resolves), so 50 simultaneous topology requests cost one round of reads.
   */
  private liveRead(): Promise<LiveRead> {
    if (this.liveInFlight) return this.liveInFlight;
    const read = this.readLive().finally(() => {
      this.liveInFlight = null;
    });
    this.liveInFlight = read;
    return read;
  }

  private async readLive(): Promise<LiveRead> {
    const readAt = new Date();
    const [alarms, counters] = await Promise.all([
      this.collection<AlarmDocument>(COLLECTIONS.alarms)
        .find(
          { state: 'raised' },
          {
            projection: {
              _id: 1,
              alarmedObject: 1,
              probableCause: 1,
              perceivedSeverity: 1,
              serviceImpact: 1,
              alarmRaisedTime: 1,
            },
          },
        )
        .toArray(),
      // Whole-collection scan (one document per polled interface, ~2k in the demo).
      this.collection<CounterStateDocument>(COLLECTIONS.counterStates)
        .find({}, { projection: { _id: 0, deviceId: 1, ifIndex: 1, polledAt: 1, operStatus: 1 } })
        .toArray(),
    ]);
    const lastPollByElement = new Map<string, number>();
    const operDownInterfaceIds: string[] = [];
    for (const c of counters) {
      const t = new Date(c.polledAt).getTime();
      if (t > (lastPollByElement.get(c.deviceId) ?? 0)) lastPollByElement.set(c.deviceId, t);
      if (isOperDown(c.operStatus)) operDownInterfaceIds.push(interfaceId(c.deviceId, c.ifIndex));
    }
    return {
      alarms: alarms.map((a) => ({
        _id: a._id,
        alarmedObject: {
          type: a.alarmedObject.type,
          deviceId: a.alarmedObject.deviceId,
          ifIndex: a.alarmedObject.ifIndex,
        },
        probableCause: a.probableCause,
        perceivedSeverity: a.perceivedSeverity,
        ...(a.serviceImpact !== undefined ? { serviceImpact: a.serviceImpact } : {}),
        alarmRaisedTime: a.alarmRaisedTime,
      })),
      operDownInterfaceIds,
      lastPollByElement,
      readAt,
    };
  }

  private async indexed(): Promise<{ index: TopologyIndex; builtAt: number }> {
    if (this.cached && Date.now() - this.cached.builtAt < INVENTORY_TTL_MS) return this.cached;
    // One build at a time; requests arriving meanwhile wait for it (or use the old index).
    if (!this.building) {
      this.building = this.buildIndex()
        .then((built) => {
          this.cached = built;
          return built;
        })
        .finally(() => {
          this.building = null;
        });
      // A failed background rebuild is seen by the next request that waits for one.
      this.building.catch(() => undefined);
    }
    return this.cached ?? this.building;
  }

  /** Seven whole-collection scans (a few thousand documents), once per TTL. */
  private async buildIndex(): Promise<{ index: TopologyIndex; builtAt: number }> {
    const builtAt = Date.now();
    const all = <T extends object>(name: string): Promise<T[]> =>
      this.collection<T>(name).find({}).toArray() as Promise<T[]>;
    const [customers, orgUnits, sites, elements, interfaces, links, circuits] = await Promise.all([
      all<CustomerDocument>(COLLECTIONS.customers),
      all<OrgUnitDocument>(COLLECTIONS.orgUnits),
      all<SiteDocument>(COLLECTIONS.sites),
      all<ElementDocument>(COLLECTIONS.elements),
      all<InterfaceDocument>(COLLECTIONS.interfaces),
      all<LinkDocument>(COLLECTIONS.links),
      this.collection<CircuitDocument>(COLLECTIONS.circuits)
        .find({}, { projection: { activeAlarmIds: 0, activeDownAlarmIds: 0, eventPositions: 0 } })
        .toArray() as Promise<CircuitDocument[]>,
    ]);
    // The circuits were read whole anyway: their states refresh the shared copy for free.
    if (!this.states || this.states.readAt < builtAt) {
      this.states = {
        readAt: builtAt,
        rows: new Map(
          circuits.map((c) => [c._id, { _id: c._id, state: c.state, stateSince: c.stateSince }]),
        ),
      };
    }
    // Stable inventory order whatever order the server returns: by id.
    const byId = <T extends { _id: string }>(items: T[]): T[] =>
      items.sort((x, y) => (x._id < y._id ? -1 : x._id > y._id ? 1 : 0));
    const index = buildTopologyIndex({
      customers: byId(customers),
      orgUnits: byId(orgUnits),
      sites: byId(sites),
      elements: byId(elements),
      interfaces: byId(interfaces),
      links: byId(links),
      circuits: byId(circuits).map((c) => ({ ...c, activeAlarmIds: [] })),
    });
    return { index, builtAt };
  }
}
