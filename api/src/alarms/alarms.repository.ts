import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleInit,
} from '@nestjs/common';
import type { AnyBulkWriteOperation, Collection, Db, Filter, WithId } from 'mongodb';

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
import { orgUnitsOf } from '../events/change-event';
import { withAlarmScope } from './alarm-scope.filter';

/** Alarms stamped per round of the start-up backfill; writes go ≤ 8 per command (FerretDB). */
const BACKFILL_BATCH = 200;
const WRITE_BATCH = 8;
/** Linked alarms read by `_id` equality one by one up to this many, else with one `$in`. */
const ONE_BY_ONE = 24;

export interface AlarmCriteria {
  state?: AlarmState;
  perceivedSeverity?: PerceivedSeverity;
  ackState?: AckState;
  circuitId?: string;
}

/** Every read takes the caller's AccessScope first: tenant isolation lives here. */
@Injectable()
export class AlarmsRepository implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(AlarmsRepository.name);
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
      { key: { orgUnitIds: 1 } },
    ]);
  }

  /** Stamps alarms stored before `orgUnitIds` existed; in the background, not holding up start-up. */
  onApplicationBootstrap(): void {
    this.backfillOrgUnits().catch((err: unknown) => {
      this.logger.error(
        { err: err instanceof Error ? err.message : String(err) },
        'alarm orgUnitIds backfill failed: unstamped alarms stay hidden from org-subtree users',
      );
    });
  }

  /**
   * Alarms without `orgUnitIds` (stored before ingestion stamped it) get the union of
   * the orgPath of their affected circuits. Until then an org-subtree user does not see
   * them (fail closed). Idempotent; replicas running it at once write the same values.
   * Returns how many alarms it stamped.
   */
  async backfillOrgUnits(): Promise<number> {
    let stamped = 0;
    for (;;) {
      const batch = await this.alarms
        .find({ orgUnitIds: { $exists: false } }, { projection: { _id: 1, affectedCircuitIds: 1 } })
        .limit(BACKFILL_BATCH)
        .toArray();
      if (batch.length === 0) break;
      const circuitIds = [...new Set(batch.flatMap((a) => a.affectedCircuitIds))];
      const circuits =
        circuitIds.length === 0
          ? []
          : await this.circuits
              .find({ _id: { $in: circuitIds } }, { projection: { _id: 1, orgPath: 1 } })
              .toArray();
      const byId = new Map(circuits.map((c) => [c._id, c]));
      const ops: AnyBulkWriteOperation<AlarmDocument>[] = batch.map((a) => ({
        updateOne: {
          filter: { _id: a._id, orgUnitIds: { $exists: false } },
          update: {
            $set: {
              orgUnitIds: orgUnitsOf(
                a.affectedCircuitIds.flatMap((id) => {
                  const c = byId.get(id);
                  return c ? [c] : [];
                }),
              ),
            },
          },
        },
      }));
      let modified = 0;
      for (let i = 0; i < ops.length; i += WRITE_BATCH) {
        const result = await this.alarms.bulkWrite(ops.slice(i, i + WRITE_BATCH), {
          ordered: false,
        });
        modified += result.modifiedCount;
      }
      // Another replica stamped them meanwhile, or the writes did nothing: never loop on them.
      if (modified === 0) break;
      stamped += modified;
    }
    if (stamped > 0) this.logger.log({ stamped }, 'alarms stamped with orgUnitIds');
    return stamped;
  }

  /** One alarm, or null when it does not exist or is outside the scope (callers answer 404). */
  findVisible(scope: AccessScope, id: string): Promise<AlarmDocument | null> {
    return this.alarms.findOne(withAlarmScope(scope, { _id: id }));
  }

  /**
   * The alarms of the ids the scope may see (a short list: the links of some alarms).
   * Up to ONE_BY_ONE ids are read one equality at a time, in parallel: FerretDB pushes
   * `_id` equalities down but decodes the whole collection in Go for an `$in`.
   */
  async findManyVisible(scope: AccessScope, ids: readonly string[]): Promise<AlarmDocument[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const rows =
      unique.length <= ONE_BY_ONE
        ? (
            await Promise.all(
              unique.map((id) => this.alarms.findOne(withAlarmScope(scope, { _id: id }))),
            )
          ).filter((a): a is WithId<AlarmDocument> => a !== null)
        : await this.alarms.find(withAlarmScope(scope, { _id: { $in: unique } })).toArray();
    return rows.sort((a, b) => +new Date(a.alarmRaisedTime) - +new Date(b.alarmRaisedTime));
  }

  /** Those of the ids the scope may see (see findManyVisible). */
  async visibleIds(scope: AccessScope, ids: readonly string[]): Promise<Set<string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Set();
    const projection = { projection: { _id: 1 } };
    const rows =
      unique.length <= ONE_BY_ONE
        ? (
            await Promise.all(
              unique.map((id) =>
                this.alarms.findOne(withAlarmScope(scope, { _id: id }), projection),
              ),
            )
          ).filter((a) => a !== null)
        : await this.alarms
            .find(withAlarmScope(scope, { _id: { $in: unique } }), projection)
            .toArray();
    return new Set(rows.map((r) => r._id));
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
    const filter = this.scoped(scope, this.criteriaFilter(criteria));
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
    const filter = this.scoped(scope, {
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

  private scoped(scope: AccessScope, criteria: Filter<AlarmDocument>): Filter<AlarmDocument> {
    // Alarms carry their org units (stamped at ingestion): no lookup of the subtree's circuits.
    return withAlarmScope(scope, criteria);
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
