import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Collection, Db, Filter } from 'mongodb';

import type { AccessScope } from '../auth/access-scope';
import { withCircuitScope } from '../circuits/circuit-scope.filter';
import type { PageRequest, PageResult } from '../common/paging/page-query.dto';
import { skipOf } from '../common/paging/page-query.dto';
import { COLLECTIONS } from '../database/collections';
import { MONGO_DB } from '../database/database.module';
import type {
  AckState,
  AlarmDocument,
  AlarmState,
  CircuitDocument,
  PerceivedSeverity,
} from '../database/documents';
import { ensureIndexes } from '../database/ensure-indexes';
import { withAlarmScope } from './alarm-scope.filter';

export interface AlarmCriteria {
  state?: AlarmState;
  perceivedSeverity?: PerceivedSeverity;
  ackState?: AckState;
  circuitId?: string;
}

/** Every read takes the caller's AccessScope first: tenant isolation lives here. */
@Injectable()
export class AlarmsRepository implements OnModuleInit {
  private readonly alarms: Collection<AlarmDocument>;
  private readonly circuits: Collection<CircuitDocument>;

  constructor(@Inject(MONGO_DB) db: Db) {
    this.alarms = db.collection<AlarmDocument>(COLLECTIONS.alarms);
    this.circuits = db.collection<CircuitDocument>(COLLECTIONS.circuits);
  }

  async onModuleInit(): Promise<void> {
    await this.ensureIndexes();
  }

  /**
   * Idempotent. `activeKey` is unique and present on every alarm (see AlarmDocument):
   * FerretDB 1.x has no sparse or partial index, so a cleared alarm keeps a distinct key.
   */
  async ensureIndexes(): Promise<void> {
    await ensureIndexes(this.alarms, [
      { key: { activeKey: 1 }, options: { unique: true } },
      { key: { state: 1, alarmRaisedTime: -1 } },
      { key: { customerIds: 1 } },
      { key: { affectedCircuitIds: 1 } },
    ]);
  }

  async list(
    scope: AccessScope,
    criteria: AlarmCriteria,
    page: PageRequest,
    sort: Record<string, 1 | -1>,
  ): Promise<PageResult<AlarmDocument>> {
    // A shared element's alarm lists other customers' circuits too: filtering by one of
    // those must not confirm that it exists, so an invisible circuit matches nothing.
    if (
      criteria.circuitId &&
      !(await this.circuits.findOne(withCircuitScope(scope, { _id: criteria.circuitId }), {
        projection: { _id: 1 },
      }))
    ) {
      return { items: [], total: 0 };
    }
    const filter = await this.scoped(scope, this.criteriaFilter(criteria));
    const [items, total] = await Promise.all([
      this.alarms.find(filter).sort(sort).skip(skipOf(page)).limit(page.pageSize).toArray(),
      this.alarms.countDocuments(filter),
    ]);
    return { items, total };
  }

  /** Raised alarms per circuit, for circuits the scope can see (others count 0). */
  async countRaisedByCircuit(
    scope: AccessScope,
    circuitIds: readonly string[],
  ): Promise<Map<string, number>> {
    const counts = new Map<string, number>(circuitIds.map((id) => [id, 0]));
    if (circuitIds.length === 0) {
      return counts;
    }
    const filter = await this.scoped(scope, {
      state: 'raised',
      affectedCircuitIds: { $in: [...circuitIds] },
    });
    const rows = await this.alarms
      .find(filter, { projection: { affectedCircuitIds: 1 } })
      .toArray();
    for (const row of rows) {
      for (const id of row.affectedCircuitIds) {
        const n = counts.get(id);
        if (n !== undefined) counts.set(id, n + 1);
      }
    }
    return counts;
  }

  /**
   * id → name of those affected circuits the scope may see. An alarm on a shared
   * element affects several customers' circuits; each customer sees only its own.
   */
  async visibleCircuitNames(
    scope: AccessScope,
    ids: readonly string[],
  ): Promise<ReadonlyMap<string, string>> {
    if (ids.length === 0) {
      return new Map();
    }
    const rows = await this.circuits
      .find(withCircuitScope(scope, { _id: { $in: [...new Set(ids)] } }), {
        projection: { name: 1 },
      })
      .toArray();
    return new Map(rows.map((r) => [r._id, r.name]));
  }

  private async scoped(
    scope: AccessScope,
    criteria: Filter<AlarmDocument>,
  ): Promise<Filter<AlarmDocument>> {
    if (scope.kind !== 'org-subtree') {
      return withAlarmScope(scope, criteria);
    }
    // Alarms carry customers, not org units: the subtree is the set of its circuits.
    const rows = await this.circuits
      .find(withCircuitScope(scope, {}), { projection: { _id: 1 } })
      .toArray();
    return withAlarmScope(
      scope,
      criteria,
      rows.map((r) => r._id),
    );
  }

  private criteriaFilter(criteria: AlarmCriteria): Filter<AlarmDocument> {
    const filter: Filter<AlarmDocument> = {};
    if (criteria.state) filter.state = criteria.state;
    if (criteria.perceivedSeverity) filter.perceivedSeverity = criteria.perceivedSeverity;
    if (criteria.ackState) filter.ackState = criteria.ackState;
    if (criteria.circuitId) filter.affectedCircuitIds = criteria.circuitId;
    return filter;
  }
}
