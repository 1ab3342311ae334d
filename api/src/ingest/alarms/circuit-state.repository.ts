import type { AnyBulkWriteOperation, Db } from 'mongodb';

import type { AlarmChangeAction, CircuitTransition } from '../../alarms/alarm-change-events';
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
  /**
   * Alarm changes to publish once the chunk is settled, keyed by alarm and action: a
   * storm folding into one alarm publishes one 'changed' per chunk, not one per trap.
   * Redeliveries are not noted here: their events went out the first time.
   */
  readonly alarmChanges = new Map<string, { alarm: AlarmDocument; action: AlarmChangeAction }>();

  changed(alarm: AlarmDocument, action: AlarmChangeAction): void {
    const key = `${alarm._id}|${action}`;
    this.alarmChanges.delete(key);
    this.alarmChanges.set(key, { alarm, action });
  }

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
  async settle(effects: CircuitEffects): Promise<CircuitTransition[]> {
    if (effects.circuitIds.size === 0 || effects.latestEventTime === null) return [];
    return this.reconcile([...effects.circuitIds], effects.latestEventTime);
  }

  /**
   * `eventTime` dates a transition to up (the clear); a transition to down is dated by
   * its alarm. Returns the state transitions it wrote (for the live events); used by
   * the ingestion and by an operator's manual clear alike.
   */
  async reconcile(circuitIds: string[], eventTime: Date): Promise<CircuitTransition[]> {
    const readAt = new Date();
    const current = new Map(
      (
        await findByIds(this.circuits, circuitIds, {
          _id: 1,
          state: 1,
          activeAlarmIds: 1,
          activeDownAlarmIds: 1,
          customerId: 1,
          orgPath: 1,
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
    const transitions: CircuitTransition[] = [];
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
      if (now.state !== derived.state) {
        transitions.push({
          circuit: { _id: now._id, customerId: now.customerId, orgPath: now.orgPath ?? [] },
          from: now.state,
          to: derived.state,
          since: derived.since ?? eventTime,
          activeAlarmIds: derived.activeAlarmIds,
        });
      }
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
    return transitions;
  }
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const sorted = [...a].sort();
  return sorted.every((id, i) => id === b[i]);
}
