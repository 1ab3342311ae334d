import type { AnyBulkWriteOperation, Db } from 'mongodb';

import { COLLECTIONS } from '../../database/collections';
import type { AlarmDocument, CircuitDocument } from '../../database/documents';
import { bulkWriteTolerant, findByIds } from '../mongo/idempotent-writes';

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
 * The circuits a chunk's alarm changes touched: reconciled once, when the chunk's
 * alarm writes are done (a storm of traps on one element reconciles its circuits
 * once per chunk, not once per trap). Replays re-note their alarms, so a crash
 * between the alarm writes and the reconciliation is repaired by the redelivery.
 */
export class CircuitEffects {
  readonly circuitIds = new Set<string>();
  latestEventTime: Date | null = null;

  note(alarm: AlarmDocument): void {
    if ((alarm.serviceImpact ?? 'none') === 'none') return;
    for (const id of alarm.affectedCircuitIds) this.circuitIds.add(id);
    const at = alarm.alarmClearedTime ?? alarm.alarmChangedTime;
    if (this.latestEventTime === null || at > this.latestEventTime) this.latestEventTime = at;
  }
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

  /** Re-derives the state of the circuits the effects touched. Idempotent. */
  async settle(effects: CircuitEffects): Promise<void> {
    if (effects.circuitIds.size === 0 || effects.latestEventTime === null) return;
    await this.reconcile([...effects.circuitIds], effects.latestEventTime);
  }

  /** `eventTime` dates a transition to up (the clear); a transition to down is dated by its alarm. */
  async reconcile(circuitIds: string[], eventTime: Date): Promise<void> {
    const readAt = new Date();
    const current = new Map(
      (
        await findByIds(this.circuits, circuitIds, {
          _id: 1,
          state: 1,
          activeAlarmIds: 1,
          activeDownAlarmIds: 1,
        })
      ).map((c) => [c._id, c]),
    );
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
      const now = current.get(circuitId);
      if (!now) continue;
      const unchanged =
        now.state === derived.state &&
        sameIds(now.activeAlarmIds, derived.activeAlarmIds) &&
        sameIds(now.activeDownAlarmIds ?? [], derived.activeDownAlarmIds);
      const guard = {
        _id: circuitId,
        $or: [{ stateReconciledAt: { $lt: readAt } }, { stateReconciledAt: { $exists: false } }],
      };
      if (unchanged) {
        // Still stamp the read time: an older reconciliation in flight must not win.
        ops.push({ updateOne: { filter: guard, update: { $set: { stateReconciledAt: readAt } } } });
        continue;
      }
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
    if (ops.length > 0) await bulkWriteTolerant(this.circuits, ops);
  }
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const sorted = [...a].sort();
  return sorted.every((id, i) => id === b[i]);
}
