import type { AnyBulkWriteOperation, Db } from 'mongodb';

import { COLLECTIONS } from '../../database/collections';
import type { AlarmDocument, CircuitDocument } from '../../database/documents';
import { bulkWriteTolerant } from '../mongo/idempotent-writes';

type ActiveAlarm = Pick<
  AlarmDocument,
  '_id' | 'affectedCircuitIds' | 'serviceImpact' | 'alarmRaisedTime'
>;

/** What a circuit's state is, given the service-affecting alarms raised on it. */
export function circuitStateOf(active: ActiveAlarm[]): {
  state: CircuitDocument['state'];
  activeAlarmIds: string[];
  activeDownAlarmIds: string[];
  since: Date | null;
} {
  const down = active.filter((a) => a.serviceImpact === 'down');
  const state = down.length > 0 ? 'down' : active.length > 0 ? 'degraded' : 'up';
  const causes = down.length > 0 ? down : active;
  const since = causes.reduce<Date | null>(
    (min, a) => (min === null || a.alarmRaisedTime < min ? a.alarmRaisedTime : min),
    null,
  );
  return {
    state,
    activeAlarmIds: active.map((a) => a._id).sort(),
    activeDownAlarmIds: down.map((a) => a._id).sort(),
    since,
  };
}

/**
 * Keeps circuits' activeAlarmIds / activeDownAlarmIds and state in step with their
 * alarms. Alarms of one circuit change in several partitions at once (traps and
 * poll-derived alarms travel on different topics), so incremental $addToSet/$pull
 * steps could interleave and leave a circuit "down" with no alarm. Instead, after
 * every alarm change the affected circuits are reconciled from the alarms themselves:
 * read the raised ones, then write the derived state guarded by the read time
 * (`stateReconciledAt < readAt`), so a reconciliation that read older truth never
 * overwrites one that read newer truth. The last one to read wins; replays converge.
 *   state = down      if a raised alarm on it is service-affecting 'down'
 *         = degraded  if only 'degraded' ones are raised
 *         = up        otherwise; stateSince changes only on a transition.
 */
export class CircuitStateRepository {
  constructor(private readonly db: Db) {}

  private get circuits() {
    return this.db.collection<CircuitDocument>(COLLECTIONS.circuits);
  }

  private get alarms() {
    return this.db.collection<AlarmDocument>(COLLECTIONS.alarms);
  }

  /** Re-derives the state of the alarm's circuits after the alarm changed. Idempotent. */
  async apply(alarm: AlarmDocument): Promise<void> {
    const impact = alarm.serviceImpact ?? 'none';
    if (impact === 'none' || alarm.affectedCircuitIds.length === 0) return;
    await this.reconcile(
      alarm.affectedCircuitIds,
      alarm.alarmClearedTime ?? alarm.alarmChangedTime,
    );
  }

  /** `eventTime` dates a transition to up (the clear); a transition to down is dated by its alarm. */
  async reconcile(circuitIds: string[], eventTime: Date): Promise<void> {
    const readAt = new Date();
    const raised = await this.alarms
      .find(
        {
          state: 'raised',
          affectedCircuitIds: { $in: circuitIds },
          serviceImpact: { $in: ['down', 'degraded'] },
        },
        { projection: { _id: 1, affectedCircuitIds: 1, serviceImpact: 1, alarmRaisedTime: 1 } },
      )
      .toArray();
    const ops: AnyBulkWriteOperation<CircuitDocument>[] = [];
    for (const circuitId of new Set(circuitIds)) {
      const derived = circuitStateOf(
        raised.filter((a) => a.affectedCircuitIds.includes(circuitId)),
      );
      const guard = {
        _id: circuitId,
        $or: [{ stateReconciledAt: { $lt: readAt } }, { stateReconciledAt: { $exists: false } }],
      };
      const arrays = {
        activeAlarmIds: derived.activeAlarmIds,
        activeDownAlarmIds: derived.activeDownAlarmIds,
        stateReconciledAt: readAt,
      };
      // A transition sets stateSince; otherwise only the arrays move. At most one of
      // the two matches: the first one moves stateReconciledAt past the second's guard.
      ops.push({
        updateOne: {
          filter: { ...guard, state: { $ne: derived.state } },
          update: {
            $set: { ...arrays, state: derived.state, stateSince: derived.since ?? eventTime },
          },
        },
      });
      ops.push({ updateOne: { filter: guard, update: { $set: arrays } } });
    }
    await bulkWriteTolerant(this.circuits, ops);
  }
}
