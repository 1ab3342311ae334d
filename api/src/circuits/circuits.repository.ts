import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Collection, Db, Filter } from 'mongodb';

import type { AccessScope } from '../auth/access-scope';
import type { PageRequest, PageResult } from '../common/paging/page-query.dto';
import { skipOf } from '../common/paging/page-query.dto';
import { COLLECTIONS } from '../database/collections';
import { MONGO_DB } from '../database/database.module';
import type {
  AlarmDocument,
  CircuitDocument,
  ElementDocument,
  SiteDocument,
} from '../database/documents';
import { ensureIndexes } from '../database/ensure-indexes';
import { andFilters, withCircuitScope } from './circuit-scope.filter';

export interface CircuitCriteria {
  product?: CircuitDocument['product'];
  state?: CircuitDocument['state'];
  customerId?: string;
  /** Either end at this site. */
  siteId?: string;
  /** The unit or any unit below it (orgPath holds the ids from the root down). */
  orgUnitId?: string;
  bandwidthMin?: number;
  bandwidthMax?: number;
  /** With (true) or without (false) a raised alarm. */
  hasAlarm?: boolean;
  /** Case-insensitive substring of the id or the name. */
  q?: string;
}

/** A circuit with the inventory names its detail view shows. */
export interface CircuitWithInventory {
  circuit: CircuitDocument;
  sites: ReadonlyMap<string, Pick<SiteDocument, '_id' | 'name' | 'nameEn'>>;
  elements: ReadonlyMap<string, Pick<ElementDocument, '_id' | 'name' | 'role' | 'mgmtIp'>>;
}

const SUMMARY_PROJECTION = { route: 0, routeDeviceIds: 0, routeLinkIds: 0 } as const;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every read takes the caller's AccessScope first: tenant isolation lives here. */
@Injectable()
export class CircuitsRepository implements OnModuleInit {
  private readonly circuits: Collection<CircuitDocument>;
  private readonly sites: Collection<SiteDocument>;
  private readonly elements: Collection<ElementDocument>;
  private readonly alarms: Collection<AlarmDocument>;

  constructor(@Inject(MONGO_DB) db: Db) {
    this.alarms = db.collection<AlarmDocument>(COLLECTIONS.alarms);
    this.circuits = db.collection<CircuitDocument>(COLLECTIONS.circuits);
    this.sites = db.collection<SiteDocument>(COLLECTIONS.sites);
    this.elements = db.collection<ElementDocument>(COLLECTIONS.elements);
  }

  async onModuleInit(): Promise<void> {
    await this.ensureIndexes();
  }

  /** Idempotent; the keys follow the scope filters and the list's filters. */
  async ensureIndexes(): Promise<void> {
    await ensureIndexes(this.circuits, [
      { key: { customerId: 1, _id: 1 } },
      { key: { orgPath: 1 } },
      { key: { state: 1 } },
      { key: { routeDeviceIds: 1 } },
    ]);
  }

  async list(
    scope: AccessScope,
    criteria: CircuitCriteria,
    page: PageRequest,
    sort: Record<string, 1 | -1>,
  ): Promise<PageResult<CircuitDocument> & { siteNames: ReadonlyMap<string, string> }> {
    const filter = withCircuitScope(scope, await this.criteriaFilter(criteria));
    const [items, total] = await Promise.all([
      this.circuits
        .find(filter, { projection: SUMMARY_PROJECTION })
        .sort(sort)
        .skip(skipOf(page))
        .limit(page.pageSize)
        .toArray(),
      this.circuits.countDocuments(filter),
    ]);
    return { items, total, siteNames: await this.siteNames(items) };
  }

  findById(scope: AccessScope, id: string): Promise<CircuitDocument | null> {
    return this.circuits.findOne(withCircuitScope(scope, { _id: id }));
  }

  async findWithInventory(scope: AccessScope, id: string): Promise<CircuitWithInventory | null> {
    const circuit = await this.findById(scope, id);
    if (!circuit) {
      return null;
    }
    const siteIds = [circuit.aEnd.siteId, circuit.zEnd.siteId];
    const deviceIds = [
      ...new Set([
        circuit.aEnd.deviceId,
        circuit.zEnd.deviceId,
        ...circuit.route.map((h) => h.deviceId),
      ]),
    ];
    const [sites, elements] = await Promise.all([
      this.sites.find({ _id: { $in: siteIds } }, { projection: { name: 1, nameEn: 1 } }).toArray(),
      this.elements
        .find({ _id: { $in: deviceIds } }, { projection: { name: 1, role: 1, mgmtIp: 1 } })
        .toArray(),
    ]);
    return {
      circuit,
      sites: new Map(sites.map((s) => [s._id, s])),
      elements: new Map(elements.map((e) => [e._id, e])),
    };
  }

  /** Names of the end sites of circuits already read with a scope. */
  private async siteNames(
    circuits: readonly CircuitDocument[],
  ): Promise<ReadonlyMap<string, string>> {
    const ids = [...new Set(circuits.flatMap((c) => [c.aEnd.siteId, c.zEnd.siteId]))];
    if (ids.length === 0) {
      return new Map();
    }
    const sites = await this.sites
      .find({ _id: { $in: ids } }, { projection: { name: 1 } })
      .toArray();
    return new Map(sites.map((s) => [s._id, s.name]));
  }

  private async criteriaFilter(criteria: CircuitCriteria): Promise<Filter<CircuitDocument>> {
    const all: Filter<CircuitDocument>[] = [];
    if (criteria.product) all.push({ product: criteria.product });
    if (criteria.state) all.push({ state: criteria.state });
    if (criteria.customerId) all.push({ customerId: criteria.customerId });
    if (criteria.orgUnitId) all.push({ orgPath: criteria.orgUnitId });
    if (criteria.siteId) {
      all.push({ $or: [{ 'aEnd.siteId': criteria.siteId }, { 'zEnd.siteId': criteria.siteId }] });
    }
    if (criteria.bandwidthMin !== undefined || criteria.bandwidthMax !== undefined) {
      all.push({
        bandwidthBps: {
          ...(criteria.bandwidthMin !== undefined ? { $gte: criteria.bandwidthMin } : {}),
          ...(criteria.bandwidthMax !== undefined ? { $lte: criteria.bandwidthMax } : {}),
        },
      });
    }
    if (criteria.hasAlarm !== undefined) {
      const alarmed = await this.circuitsWithRaisedAlarms();
      all.push({ _id: criteria.hasAlarm ? { $in: alarmed } : { $nin: alarmed } });
    }
    if (criteria.q) {
      const pattern = { $regex: escapeRegex(criteria.q), $options: 'i' };
      all.push({ $or: [{ _id: pattern }, { name: pattern }] });
    }
    return andFilters(...all);
  }

  /**
   * Ids of circuits affected by a raised alarm: the same source as `activeAlarmCount`
   * (the circuit's own activeAlarmIds hold only the service-affecting ones). Read without
   * a scope because it only narrows the circuit query, which carries the scope.
   */
  private async circuitsWithRaisedAlarms(): Promise<string[]> {
    const rows = await this.alarms
      .find({ state: 'raised' }, { projection: { _id: 0, affectedCircuitIds: 1 } })
      .toArray();
    return [...new Set(rows.flatMap((r) => r.affectedCircuitIds))];
  }
}
