import type { Db } from 'mongodb';

import { COLLECTIONS } from '../../database/collections';
import type { AlarmDocument, CircuitDocument } from '../../database/documents';

/**
 * Keeps circuits' activeAlarmIds / activeDownAlarmIds and state in step with their
 * alarms, by single-document atomic updates only (no transactions on FerretDB):
 * arrays change by $addToSet / $pull, and state follows them by conditional
 * updateMany — so replaying any step, in any order after a crash, converges.
 *   state = down      if activeDownAlarmIds is non-empty
 *         = degraded  if only activeAlarmIds is non-empty
 *         = up        otherwise; stateSince changes only on a transition.
 */
export class CircuitStateRepository {
  constructor(private readonly db: Db) {}

  private get circuits() {
    return this.db.collection<CircuitDocument>(COLLECTIONS.circuits);
  }

  /** Applies the alarm's current state (raised or cleared) to its circuits. Idempotent. */
  async apply(alarm: AlarmDocument): Promise<void> {
    const impact = alarm.serviceImpact ?? 'none';
    if (impact === 'none' || alarm.affectedCircuitIds.length === 0) return;
    if (alarm.state === 'raised')
      await this.raise(alarm._id, alarm.affectedCircuitIds, impact, alarm.alarmRaisedTime);
    else
      await this.clear(
        alarm._id,
        alarm.affectedCircuitIds,
        alarm.alarmClearedTime ?? alarm.alarmChangedTime,
      );
  }

  private async raise(
    alarmId: string,
    circuitIds: string[],
    impact: 'down' | 'degraded',
    at: Date,
  ): Promise<void> {
    const ids = { _id: { $in: circuitIds } };
    if (impact === 'down') {
      await this.circuits.updateMany(ids, {
        $addToSet: { activeAlarmIds: alarmId, activeDownAlarmIds: alarmId },
      });
      await this.circuits.updateMany(
        { ...ids, state: { $ne: 'down' } },
        { $set: { state: 'down', stateSince: at } },
      );
    } else {
      await this.circuits.updateMany(ids, { $addToSet: { activeAlarmIds: alarmId } });
      await this.circuits.updateMany(
        { ...ids, state: 'up' },
        { $set: { state: 'degraded', stateSince: at } },
      );
    }
  }

  private async clear(alarmId: string, circuitIds: string[], at: Date): Promise<void> {
    const ids = { _id: { $in: circuitIds } };
    await this.circuits.updateMany(ids, {
      $pull: { activeAlarmIds: alarmId, activeDownAlarmIds: alarmId },
    });
    const noDownAlarm = {
      $or: [{ activeDownAlarmIds: { $size: 0 } }, { activeDownAlarmIds: { $exists: false } }],
    };
    // down → degraded when only non-down alarms remain, then anything → up when none remain.
    await this.circuits.updateMany(
      { ...ids, state: 'down', ...noDownAlarm },
      { $set: { state: 'degraded', stateSince: at } },
    );
    await this.circuits.updateMany(
      {
        ...ids,
        state: { $ne: 'up' },
        $or: [{ activeAlarmIds: { $size: 0 } }, { activeAlarmIds: { $exists: false } }],
      },
      { $set: { state: 'up', stateSince: at } },
    );
  }
}
