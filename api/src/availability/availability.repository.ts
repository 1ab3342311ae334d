import { Inject, Injectable } from '@nestjs/common';
import type { Collection, Db, Filter } from 'mongodb';

import { alarmScopeFilter } from '../alarms/alarm-scope.filter';
import type { AccessScope } from '../auth/access-scope';
import { andFilters, withCircuitScope } from '../circuits/circuit-scope.filter';
import { COLLECTIONS } from '../database/collections';
import { MONGO_DB } from '../database/database.module';
import type {
  AlarmDocument,
  CircuitDocument,
  CustomerDocument,
  PerfRawDocument,
} from '../database/documents';

export type AvailabilityCircuit = Pick<
  CircuitDocument,
  '_id' | 'name' | 'customerId' | 'slaClass' | 'aEnd' | 'zEnd'
>;

export type DownAlarm = Pick<
  AlarmDocument,
  | '_id'
  | 'probableCause'
  | 'alarmedObject'
  | 'affectedCircuitIds'
  | 'state'
  | 'alarmRaisedTime'
  | 'alarmClearedTime'
  | 'alarmChangedTime'
>;

export type DownSampleRow = Pick<PerfRawDocument, 'deviceId' | 'ifIndex' | 't' | 'intervalSec'>;

const CIRCUIT_PROJECTION = {
  _id: 1,
  name: 1,
  customerId: 1,
  slaClass: 1,
  aEnd: 1,
  zEnd: 1,
} as const;

/** ifOperStatus values that mean "not passing traffic" (as the ingestion reads them). */
const OPER_DOWN = [2, 6, 7] as const;

/** Up to this many interfaces are read one by one (indexed equality), more in one pass. */
const FEW_INTERFACES = 4;

/**
 * Reads for availability. Circuits are read with the scope first; alarms and perf
 * points (which carry no org unit, perf points not even a tenant) are read only for
 * circuits that read returned.
 */
@Injectable()
export class AvailabilityRepository {
  private readonly circuits: Collection<CircuitDocument>;
  private readonly customers: Collection<CustomerDocument>;
  private readonly alarms: Collection<AlarmDocument>;
  private readonly raw: Collection<PerfRawDocument>;

  constructor(@Inject(MONGO_DB) db: Db) {
    this.circuits = db.collection<CircuitDocument>(COLLECTIONS.circuits);
    this.customers = db.collection<CustomerDocument>(COLLECTIONS.customers);
    this.alarms = db.collection<AlarmDocument>(COLLECTIONS.alarms);
    this.raw = db.collection<PerfRawDocument>(COLLECTIONS.perfRaw);
  }

  circuit(scope: AccessScope, id: string): Promise<AvailabilityCircuit | null> {
    return this.circuits.findOne(withCircuitScope(scope, { _id: id }), {
      projection: CIRCUIT_PROJECTION,
    });
  }

  /** Every circuit of the customer the scope may see (an org-subtree user: its subtree). */
  circuitsOfCustomer(scope: AccessScope, customerId: string): Promise<AvailabilityCircuit[]> {
    return this.circuits
      .find(withCircuitScope(scope, { customerId }), { projection: CIRCUIT_PROJECTION })
      .sort({ _id: 1 })
      .toArray();
  }

  async customerExists(customerId: string): Promise<boolean> {
    return (await this.customers.findOne({ _id: customerId }, { projection: { _id: 1 } })) !== null;
  }

  /**
   * Alarms that put circuits down (serviceImpact 'down') and overlap [from, to): raised
   * before `to` and still raised or cleared after `from`. The customer (and, for one
   * circuit, the circuit) as top-level equalities: FerretDB filters those in PostgreSQL
   * and checks the rest in Go on what remains. For several circuits the caller keeps
   * the alarms of its circuits; the scope filter still applies to every alarm read.
   */
  downAlarms(
    scope: AccessScope,
    customerId: string,
    circuitIds: readonly string[],
    from: Date,
    to: Date,
  ): Promise<DownAlarm[]> {
    if (circuitIds.length === 0) return Promise.resolve([]);
    const criteria: Filter<AlarmDocument> = {
      customerIds: customerId,
      serviceImpact: 'down',
      ...(circuitIds.length === 1 ? { affectedCircuitIds: circuitIds[0] } : {}),
      alarmRaisedTime: { $lt: to },
      $or: [{ state: 'raised' }, { alarmClearedTime: { $gt: from } }],
    };
    return this.alarms
      .find(andFilters(alarmScopeFilter(scope), criteria), {
        projection: {
          _id: 1,
          probableCause: 1,
          alarmedObject: 1,
          affectedCircuitIds: 1,
          state: 1,
          alarmRaisedTime: 1,
          alarmClearedTime: 1,
          alarmChangedTime: 1,
        },
      })
      .toArray();
  }

  /**
   * Oper-down polls of the given interfaces (circuit ends already read with a scope) in
   * [from, to), by equality on the status: FerretDB pushes equalities down to
   * PostgreSQL, so only down points leave it (a `$in` would decode every point). For a
   * few interfaces (one circuit) device and ifIndex join the equality, one query each;
   * for a customer's hundreds, one query per status over all points, kept in Node.
   */
  async operDownSamples(
    interfaces: readonly { deviceId: string; ifIndex: number }[],
    from: Date,
    to: Date,
  ): Promise<DownSampleRow[]> {
    const projection = { _id: 0, deviceId: 1, ifIndex: 1, t: 1, intervalSec: 1 } as const;
    const t = { $gte: from, $lt: to };
    if (interfaces.length <= FEW_INTERFACES) {
      const batches = await Promise.all(
        interfaces.flatMap(({ deviceId, ifIndex }) =>
          OPER_DOWN.map((operStatus) =>
            this.raw.find({ deviceId, ifIndex, operStatus, t }, { projection }).toArray(),
          ),
        ),
      );
      return batches.flat();
    }
    const wanted = new Set(interfaces.map((i) => `${i.deviceId}:${i.ifIndex}`));
    const batches = await Promise.all(
      OPER_DOWN.map((operStatus) => this.raw.find({ operStatus, t }, { projection }).toArray()),
    );
    return batches.flat().filter((r) => wanted.has(`${r.deviceId}:${r.ifIndex}`));
  }
}
