import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Collection, Db, Filter } from 'mongodb';

import type { AccessScope } from '../auth/access-scope';
import { withCircuitScope } from '../circuits/circuit-scope.filter';
import type { PageRequest, PageResult } from '../common/paging/page-query.dto';
import { skipOf } from '../common/paging/page-query.dto';
import { COLLECTIONS } from '../database/collections';
import { MONGO_DB } from '../database/database.module';
import type {
  CircuitDocument,
  ElementDocument,
  LinkDocument,
  MaintenanceStatus,
  MaintenanceWindowDocument,
} from '../database/documents';
import { ensureIndexes } from '../database/ensure-indexes';
import { withMaintenanceScope } from './maintenance-scope.filter';

export interface MaintenanceCriteria {
  status?: MaintenanceStatus;
  /** Windows overlapping [from, to). */
  from?: Date;
  to?: Date;
  circuitId?: string;
}

export type AffectedCircuit = Pick<CircuitDocument, '_id' | 'customerId' | 'orgPath'>;
export type VisibleCircuit = Pick<
  CircuitDocument,
  '_id' | 'name' | 'customerId' | 'routeDeviceIds' | 'routeLinkIds'
>;

/** Reads take the caller's AccessScope; the writes are reached only through operator-only routes. */
@Injectable()
export class MaintenanceRepository implements OnModuleInit {
  private readonly windows: Collection<MaintenanceWindowDocument>;
  private readonly circuits: Collection<CircuitDocument>;
  private readonly elements: Collection<ElementDocument>;
  private readonly links: Collection<LinkDocument>;

  constructor(@Inject(MONGO_DB) db: Db) {
    this.windows = db.collection<MaintenanceWindowDocument>(COLLECTIONS.maintenanceWindows);
    this.circuits = db.collection<CircuitDocument>(COLLECTIONS.circuits);
    this.elements = db.collection<ElementDocument>(COLLECTIONS.elements);
    this.links = db.collection<LinkDocument>(COLLECTIONS.links);
  }

  async onModuleInit(): Promise<void> {
    await ensureIndexes(this.windows, [
      { key: { start: 1 } },
      { key: { customerIds: 1 } },
      { key: { circuitIds: 1 } },
    ]);
  }

  async insert(doc: MaintenanceWindowDocument): Promise<void> {
    await this.windows.insertOne(doc);
  }

  findById(scope: AccessScope, id: string): Promise<MaintenanceWindowDocument | null> {
    return this.windows.findOne(withMaintenanceScope(scope, { _id: id }));
  }

  async list(
    scope: AccessScope,
    criteria: MaintenanceCriteria,
    page: PageRequest,
    sort: Record<string, 1 | -1>,
  ): Promise<PageResult<MaintenanceWindowDocument>> {
    // Filtering by a circuit the caller cannot see must not confirm that it exists.
    if (
      criteria.circuitId &&
      !(await this.circuits.findOne(withCircuitScope(scope, { _id: criteria.circuitId }), {
        projection: { _id: 1 },
      }))
    ) {
      return { items: [], total: 0 };
    }
    const filter = withMaintenanceScope(scope, criteriaFilter(criteria));
    const [items, total] = await Promise.all([
      this.windows.find(filter).sort(sort).skip(skipOf(page)).limit(page.pageSize).toArray(),
      this.windows.countDocuments(filter),
    ]);
    return { items, total };
  }

  /**
   * Moves a window from one of `from` to a new status with one guarded update, so two
   * operators approving and cancelling at once cannot both succeed.
   */
  transition(
    scope: AccessScope,
    id: string,
    from: readonly MaintenanceStatus[],
    set: Partial<MaintenanceWindowDocument>,
  ): Promise<MaintenanceWindowDocument | null> {
    return this.windows.findOneAndUpdate(
      withMaintenanceScope(scope, { _id: id, status: { $in: [...from] } }),
      { $set: set },
      { returnDocument: 'after' },
    );
  }

  /**
   * Approved or completed windows overlapping [from, to) that cover at least one of the
   * circuits (all of one customer's when `customerId` is given instead of ids).
   */
  plannedDowntime(
    scope: AccessScope,
    target: { circuitId: string } | { customerId: string },
    from: Date,
    to: Date,
  ): Promise<MaintenanceWindowDocument[]> {
    const byTarget: Filter<MaintenanceWindowDocument> =
      'circuitId' in target ? { circuitIds: target.circuitId } : { customerIds: target.customerId };
    return this.windows
      .find(
        withMaintenanceScope(scope, {
          ...byTarget,
          status: { $in: ['approved', 'completed'] },
          start: { $lt: to },
          end: { $gt: from },
        }),
      )
      .sort({ start: 1, _id: 1 })
      .toArray();
  }

  /** Circuits whose route crosses one of the elements or links (operator-side computation). */
  affectedCircuits(
    elementIds: readonly string[],
    linkIds: readonly string[],
  ): Promise<AffectedCircuit[]> {
    const or: Filter<CircuitDocument>[] = [];
    if (elementIds.length > 0) or.push({ routeDeviceIds: { $in: [...elementIds] } });
    if (linkIds.length > 0) or.push({ routeLinkIds: { $in: [...linkIds] } });
    if (or.length === 0) return Promise.resolve([]);
    return this.circuits
      .find({ $or: or }, { projection: { _id: 1, customerId: 1, orgPath: 1 } })
      .sort({ _id: 1 })
      .toArray();
  }

  /** The ids among `ids` that name no element (resp. link). */
  async unknownElementIds(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const found = await this.elements
      .find({ _id: { $in: [...ids] } }, { projection: { _id: 1 } })
      .toArray();
    const known = new Set(found.map((e) => e._id));
    return ids.filter((id) => !known.has(id));
  }

  async unknownLinkIds(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const found = await this.links
      .find({ _id: { $in: [...ids] } }, { projection: { _id: 1 } })
      .toArray();
    const known = new Set(found.map((e) => e._id));
    return ids.filter((id) => !known.has(id));
  }

  /** Of the given circuits, those the scope may see (one query for a whole page of windows). */
  async visibleCircuits(
    scope: AccessScope,
    ids: readonly string[],
  ): Promise<ReadonlyMap<string, VisibleCircuit>> {
    if (ids.length === 0) return new Map();
    const rows = await this.circuits
      .find(withCircuitScope(scope, { _id: { $in: [...new Set(ids)] } }), {
        projection: { _id: 1, name: 1, customerId: 1, routeDeviceIds: 1, routeLinkIds: 1 },
      })
      .toArray();
    return new Map(rows.map((r) => [r._id, r]));
  }
}

function criteriaFilter(criteria: MaintenanceCriteria): Filter<MaintenanceWindowDocument> {
  const filter: Filter<MaintenanceWindowDocument> = {};
  if (criteria.status) filter.status = criteria.status;
  if (criteria.from) filter.end = { $gt: criteria.from };
  if (criteria.to) filter.start = { $lt: criteria.to };
  if (criteria.circuitId) filter.circuitIds = criteria.circuitId;
  return filter;
}
