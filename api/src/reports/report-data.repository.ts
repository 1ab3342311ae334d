import { Inject, Injectable } from '@nestjs/common';
import type { Collection, Db } from 'mongodb';

import { alarmScopeFilter } from '../alarms/alarm-scope.filter';
import type { AssuranceWindowDocument } from '../assurance/assurance-window.document';
import type { AccessScope } from '../auth/access-scope';
import { andFilters, withCircuitScope } from '../circuits/circuit-scope.filter';
import { COLLECTIONS } from '../database/collections';
import { MONGO_DB } from '../database/database.module';
import type {
  AlarmDocument,
  CircuitDocument,
  CounterStateDocument,
  CustomerDocument,
  ElementDocument,
  PerfBucketDocument,
} from '../database/documents';
import type { CoverSegment } from './bucket-cover';
import type { BucketStats } from './utilisation-figures';

export type ReportCircuit = Pick<
  CircuitDocument,
  | '_id'
  | 'name'
  | 'customerId'
  | 'product'
  | 'bandwidthBps'
  | 'slaClass'
  | 'aEnd'
  | 'zEnd'
  | 'orgPath'
>;

export type ReportAlarm = Pick<
  AlarmDocument,
  | '_id'
  | 'probableCause'
  | 'specificProblem'
  | 'alarmedObject'
  | 'affectedCircuitIds'
  | 'alarmRaisedTime'
  | 'perceivedSeverity'
>;

/** Interfaces whose buckets are read at the same time. */
const BUCKET_READ_CONCURRENCY = 4;

/**
 * What the report builders read besides availability and tickets. Circuits and alarms
 * are read with the caller's scope; perf buckets (which carry no tenant) only for the
 * interfaces of circuits that read returned.
 */
@Injectable()
export class ReportDataRepository {
  private readonly circuits: Collection<CircuitDocument>;
  private readonly customers: Collection<CustomerDocument>;
  private readonly alarms: Collection<AlarmDocument>;
  private readonly buckets: Collection<PerfBucketDocument>;
  private readonly assurance: Collection<AssuranceWindowDocument>;
  private readonly counterStates: Collection<CounterStateDocument>;
  private readonly elements: Collection<ElementDocument>;

  constructor(@Inject(MONGO_DB) db: Db) {
    this.circuits = db.collection(COLLECTIONS.circuits);
    this.customers = db.collection(COLLECTIONS.customers);
    this.alarms = db.collection(COLLECTIONS.alarms);
    this.buckets = db.collection(COLLECTIONS.perfBuckets);
    this.assurance = db.collection(COLLECTIONS.assuranceWindows);
    this.counterStates = db.collection(COLLECTIONS.counterStates);
    this.elements = db.collection(COLLECTIONS.elements);
  }

  customer(customerId: string): Promise<CustomerDocument | null> {
    return this.customers.findOne({ _id: customerId });
  }

  circuitsOf(scope: AccessScope, customerId: string): Promise<ReportCircuit[]> {
    return this.circuits
      .find(withCircuitScope(scope, { customerId }), {
        projection: {
          _id: 1,
          name: 1,
          customerId: 1,
          product: 1,
          bandwidthBps: 1,
          slaClass: 1,
          aEnd: 1,
          zEnd: 1,
          orgPath: 1,
        },
      })
      .sort({ _id: 1 })
      .toArray();
  }

  /**
   * The buckets of each interface that cover the segments, keyed `${deviceId}:${ifIndex}`.
   * One range query per interface and segment on the (deviceId, ifIndex, granularity,
   * start) index; a few interfaces at a time.
   */
  async bucketsOf(
    interfaces: readonly { deviceId: string; ifIndex: number }[],
    segments: readonly CoverSegment[],
    onInterface?: (done: number) => void,
  ): Promise<Map<string, BucketStats[]>> {
    const out = new Map<string, BucketStats[]>();
    let next = 0;
    let done = 0;
    const worker = async (): Promise<void> => {
      while (next < interfaces.length) {
        const { deviceId, ifIndex } = interfaces[next++]!;
        const rows: BucketStats[] = [];
        for (const s of segments) {
          const found = await this.buckets
            .find(
              {
                deviceId,
                ifIndex,
                granularity: s.granularity,
                start: { $gte: new Date(s.from), $lt: new Date(s.to) },
              },
              {
                projection: {
                  _id: 0,
                  count: 1,
                  in: 1,
                  out: 1,
                  errorsSum: 1,
                  discardsSum: 1,
                  start: 1,
                  granularity: 1,
                },
              },
            )
            .toArray();
          rows.push(...found);
        }
        out.set(`${deviceId}:${ifIndex}`, rows);
        done += 1;
        onInterface?.(done);
      }
    };
    await Promise.all(Array.from({ length: BUCKET_READ_CONCURRENCY }, worker));
    return out;
  }

  /** Last poll state of the interfaces (`${deviceId}:${ifIndex}`). */
  async pollStates(
    keys: readonly string[],
  ): Promise<Map<string, Pick<CounterStateDocument, '_id' | 'polledAt' | 'sysUpTime'>>> {
    if (keys.length === 0) return new Map();
    const rows = await this.counterStates
      .find(
        { _id: { $in: [...new Set(keys)] } },
        { projection: { _id: 1, polledAt: 1, sysUpTime: 1 } },
      )
      .toArray();
    return new Map(rows.map((r) => [r._id, r]));
  }

  /** Poll interval per element. */
  async pollIntervals(deviceIds: readonly string[]): Promise<Map<string, number>> {
    if (deviceIds.length === 0) return new Map();
    const rows = await this.elements
      .find(
        { _id: { $in: [...new Set(deviceIds)] } },
        { projection: { _id: 1, pollIntervalSec: 1 } },
      )
      .toArray();
    return new Map(rows.map((r) => [r._id, r.pollIntervalSec]));
  }

  /** Alarms by id (a few: the root causes of incidents), as far as the scope may see them. */
  async alarmsByIds(scope: AccessScope, ids: readonly string[]): Promise<Map<string, ReportAlarm>> {
    const out = new Map<string, ReportAlarm>();
    for (const id of new Set(ids)) {
      // By `_id` equality, one at a time: FerretDB pushes that down, not a `$in`.
      const a = await this.alarms.findOne(andFilters(alarmScopeFilter(scope), { _id: id }));
      if (a) out.set(id, a);
    }
    return out;
  }

  /** Alarms of the customer raised in [from, to) (the scope applies). */
  alarmsRaisedIn(
    scope: AccessScope,
    customerId: string,
    from: Date,
    to: Date,
  ): Promise<ReportAlarm[]> {
    return this.alarms
      .find(
        andFilters(alarmScopeFilter(scope), {
          customerIds: customerId,
          alarmRaisedTime: { $gte: from, $lt: to },
        }),
        {
          projection: {
            _id: 1,
            probableCause: 1,
            specificProblem: 1,
            alarmedObject: 1,
            affectedCircuitIds: 1,
            alarmRaisedTime: 1,
            perceivedSeverity: 1,
          },
        },
      )
      .toArray();
  }

  assuranceWindow(id: string): Promise<AssuranceWindowDocument | null> {
    return this.assurance.findOne({ _id: id });
  }

  /** Approved assurance windows of the customer overlapping [from, to). */
  assuranceWindowsOf(customerId: string, from: Date, to: Date): Promise<AssuranceWindowDocument[]> {
    return this.assurance
      .find({ customerId, status: 'approved', start: { $lt: to }, end: { $gt: from } })
      .sort({ start: 1 })
      .toArray();
  }
}
