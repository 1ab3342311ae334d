import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { AnyBulkWriteOperation, Collection, Db, Filter } from 'mongodb';

import type { AccessScope } from '../auth/access-scope';
import { andFilters, withCircuitScope } from '../circuits/circuit-scope.filter';
import type { PageRequest, PageResult } from '../common/paging/page-query.dto';
import { skipOf } from '../common/paging/page-query.dto';
import { COLLECTIONS } from '../database/collections';
import { MONGO_DB } from '../database/database.module';
import type {
  AlarmDocument,
  CircuitDocument,
  CounterStateDocument,
  PerfRawDocument,
} from '../database/documents';
import { ensureIndexes } from '../database/ensure-indexes';
import type {
  AssuranceOverrideDocument,
  AssuranceStatus,
  AssuranceWindowDocument,
} from './assurance-window.document';

export type AssuranceCircuit = Pick<
  CircuitDocument,
  | '_id'
  | 'name'
  | 'customerId'
  | 'orgPath'
  | 'aEnd'
  | 'zEnd'
  | 'state'
  | 'stateSince'
  | 'activeAlarmIds'
  | 'bandwidthBps'
>;

/** The windows a scope may see: its customers' (an org-subtree user: those touching its subtree). */
export function assuranceScopeFilter(scope: AccessScope): Filter<AssuranceWindowDocument> {
  switch (scope.kind) {
    case 'all':
      return {};
    case 'customers':
      return scope.customerIds.length === 1
        ? { customerId: scope.customerIds[0] }
        : { customerId: { $in: [...scope.customerIds] } };
    case 'org-subtree':
      return { customerId: scope.customerId, orgUnitIds: scope.orgUnitId };
    case 'dispatched':
    case 'none':
      return { _id: { $in: [] } };
  }
}

@Injectable()
export class AssuranceRepository implements OnModuleInit {
  private readonly windows: Collection<AssuranceWindowDocument>;
  private readonly overrides: Collection<AssuranceOverrideDocument>;
  private readonly circuits: Collection<CircuitDocument>;
  private readonly alarms: Collection<AlarmDocument>;
  private readonly states: Collection<CounterStateDocument>;
  private readonly raw: Collection<PerfRawDocument>;

  constructor(@Inject(MONGO_DB) db: Db) {
    this.windows = db.collection(COLLECTIONS.assuranceWindows);
    this.overrides = db.collection(COLLECTIONS.assuranceOverrides);
    this.circuits = db.collection(COLLECTIONS.circuits);
    this.alarms = db.collection(COLLECTIONS.alarms);
    this.states = db.collection(COLLECTIONS.counterStates);
    this.raw = db.collection(COLLECTIONS.perfRaw);
  }

  async onModuleInit(): Promise<void> {
    await ensureIndexes(this.windows, [
      { key: { customerId: 1, start: 1 } },
      { key: { status: 1 } },
    ]);
    await ensureIndexes(this.overrides, [{ key: { until: 1 } }]);
  }

  /** Of the ids, the customer's circuits the scope may see. */
  circuitsOf(
    scope: AccessScope,
    customerId: string,
    ids: readonly string[],
  ): Promise<AssuranceCircuit[]> {
    return this.circuits
      .find(withCircuitScope(scope, { customerId, _id: { $in: [...ids] } }), {
        projection: {
          _id: 1,
          name: 1,
          customerId: 1,
          orgPath: 1,
          aEnd: 1,
          zEnd: 1,
          state: 1,
          stateSince: 1,
          activeAlarmIds: 1,
          bandwidthBps: 1,
        },
      })
      .toArray();
  }

  async insert(doc: AssuranceWindowDocument): Promise<void> {
    await this.windows.insertOne(doc);
  }

  findById(scope: AccessScope, id: string): Promise<AssuranceWindowDocument | null> {
    return this.windows.findOne(andFilters(assuranceScopeFilter(scope), { _id: id }));
  }

  async list(
    scope: AccessScope,
    criteria: { status?: AssuranceStatus; customerId?: string },
    page: PageRequest,
  ): Promise<PageResult<AssuranceWindowDocument>> {
    const c: Filter<AssuranceWindowDocument> = {};
    if (criteria.status) c.status = criteria.status;
    if (criteria.customerId) c.customerId = criteria.customerId;
    const filter = andFilters(assuranceScopeFilter(scope), c);
    const [items, total] = await Promise.all([
      this.windows
        .find(filter)
        .sort({ start: -1, _id: 1 })
        .skip(skipOf(page))
        .limit(page.pageSize)
        .toArray(),
      this.windows.countDocuments(filter),
    ]);
    return { items, total };
  }

  /** One guarded move between statuses (version-checked): two deciders cannot both win. */
  transition(
    scope: AccessScope,
    id: string,
    from: readonly AssuranceStatus[],
    version: number,
    set: Partial<AssuranceWindowDocument>,
  ): Promise<AssuranceWindowDocument | null> {
    return this.windows.findOneAndUpdate(
      andFilters(assuranceScopeFilter(scope), { _id: id, status: { $in: [...from] }, version }),
      { $set: set, $inc: { version: 1 } },
      { returnDocument: 'after' },
    );
  }

  /** Writes the per-device overrides of an approved window (idempotent upserts). */
  async writeOverrides(docs: readonly AssuranceOverrideDocument[]): Promise<void> {
    // A few statements per command (FerretDB's pool wedge on large update commands, docs/ingestion.md).
    for (let k = 0; k < docs.length; k += 8) {
      const ops: AnyBulkWriteOperation<AssuranceOverrideDocument>[] = docs
        .slice(k, k + 8)
        .map((d) => ({
          replaceOne: { filter: { _id: d._id }, replacement: d, upsert: true },
        }));
      await this.overrides.bulkWrite(ops, { ordered: true });
    }
  }

  async removeOverrides(windowId: string): Promise<void> {
    await this.overrides.deleteMany({ windowId });
  }

  /** Approved windows running at `at`. */
  running(at: Date): Promise<AssuranceWindowDocument[]> {
    return this.windows
      .find({ status: 'approved', start: { $lte: at }, end: { $gt: at } })
      .toArray();
  }

  /** Approved windows that ended before `at` and have no report yet. */
  endedWithoutReport(at: Date): Promise<AssuranceWindowDocument[]> {
    return this.windows.find({ status: 'approved', end: { $lte: at }, reportId: null }).toArray();
  }

  /** Claims the notice of one alarm: true for exactly one caller. */
  async claimNotice(id: string, alarmId: string): Promise<boolean> {
    const r = await this.windows.updateOne(
      { _id: id, noticedAlarmIds: { $ne: alarmId } },
      { $addToSet: { noticedAlarmIds: alarmId } },
    );
    return r.modifiedCount === 1;
  }

  async claimReport(id: string, reportId: string): Promise<boolean> {
    const r = await this.windows.updateOne({ _id: id, reportId: null }, { $set: { reportId } });
    return r.modifiedCount === 1;
  }

  /** Raised alarms of the customer (the check keeps those on the window's circuits). */
  raisedAlarms(
    customerId: string,
  ): Promise<
    Array<
      Pick<
        AlarmDocument,
        | '_id'
        | 'probableCause'
        | 'specificProblem'
        | 'perceivedSeverity'
        | 'affectedCircuitIds'
        | 'alarmRaisedTime'
        | 'alarmedObject'
      >
    >
  > {
    return this.alarms
      .find(
        { customerIds: customerId, state: 'raised' },
        {
          projection: {
            _id: 1,
            probableCause: 1,
            specificProblem: 1,
            perceivedSeverity: 1,
            affectedCircuitIds: 1,
            alarmRaisedTime: 1,
            alarmedObject: 1,
          },
        },
      )
      .toArray();
  }

  /** Approved windows of any of the circuits running at `at` (the priority read). */
  activeForCircuit(circuitId: string, at: Date): Promise<AssuranceWindowDocument[]> {
    return this.windows
      .find({ circuitIds: circuitId, status: 'approved', start: { $lte: at }, end: { $gt: at } })
      .toArray();
  }

  async pollStates(
    keys: readonly string[],
  ): Promise<Map<string, Pick<CounterStateDocument, '_id' | 'polledAt'>>> {
    if (keys.length === 0) return new Map();
    const rows = await this.states
      .find({ _id: { $in: [...keys] } }, { projection: { _id: 1, polledAt: 1 } })
      .toArray();
    return new Map(rows.map((r) => [r._id, r]));
  }

  /** The newest raw point of one interface at or after `since`. */
  lastPoint(deviceId: string, ifIndex: number, since: Date): Promise<PerfRawDocument | null> {
    return this.raw
      .find({ deviceId, ifIndex, t: { $gte: since } })
      .sort({ t: -1 })
      .limit(1)
      .next();
  }
}
