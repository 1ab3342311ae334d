import { createHash } from 'node:crypto';

import type { Db } from 'mongodb';

import { COLLECTIONS } from '../../database/collections';
import type { AlarmDocument, AlarmedObject } from '../../database/documents';
import type { IngestInventoryRepository } from '../inventory/ingest-inventory.repository';
import { isDuplicateKey } from '../mongo/idempotent-writes';
import { type AlarmEvent, clearedActiveKey, positionField, targetId } from './alarm-event';
import { CircuitEffects, type CircuitStateRepository } from './circuit-state.repository';

export type AlarmOutcome =
  'raised' | 'deduplicated' | 'cleared' | 'notified' | 'noActiveAlarm' | 'redelivery';

/** Deterministic id of the alarm an event opens: a redelivered raise collides with it. */
export function alarmIdOf(event: AlarmEvent): string {
  const { topic, partition, offset } = event.position;
  const digest = createHash('sha256')
    .update(`${event.reductionKey}\n${topic}\n${partition}\n${offset}`)
    .digest('hex');
  return `alm-${digest.slice(0, 24)}`;
}

/**
 * Applies alarm events to the alarms collection and the circuits, idempotently and
 * without transactions:
 * 1. an event whose (topic, partition) position is at or below the one recorded on any
 *    alarm of its reductionKey was applied before → only re-assert circuit effects;
 * 2. raise: fold into the raised alarm of the key (occurrences + 1) or insert a new one
 *    with a deterministic _id; the unique index on activeKey keeps one raised alarm per
 *    key when two sources race, and a duplicate _id means "already inserted";
 * 3. clear: flip the raised alarm to cleared (activeKey becomes unique per alarm);
 * 4. the alarms' circuits are noted in the chunk's CircuitEffects and reconciled once
 *    per chunk (CircuitStateRepository).
 */
export class AlarmIngestService {
  constructor(
    private readonly db: Db,
    private readonly inventory: IngestInventoryRepository,
    private readonly circuitState: CircuitStateRepository,
  ) {}

  private get alarms() {
    return this.db.collection<AlarmDocument>(COLLECTIONS.alarms);
  }

  /** A collector for one chunk's circuit effects; hand it to `apply`, then `settle` it. */
  newEffects(): CircuitEffects {
    return new CircuitEffects();
  }

  /** Brings the touched circuits in line with their alarms: once per chunk, after its alarm writes. */
  settle(effects: CircuitEffects): Promise<void> {
    return this.circuitState.settle(effects);
  }

  async apply(event: AlarmEvent, effects: CircuitEffects): Promise<AlarmOutcome> {
    const field = `eventPositions.${positionField(event.position)}`;
    const offset = Number(event.position.offset);
    const seen = await this.alarms.findOne({
      reductionKey: event.reductionKey,
      [field]: { $gte: offset },
    });
    if (seen) {
      // Applied before; the circuit updates may not have been (crash in between): re-assert them.
      effects.note(seen);
      return 'redelivery';
    }
    switch (event.action) {
      case 'raise':
        return this.raise(event, field, offset, effects);
      case 'clear':
        return this.clear(event, field, offset, effects);
      case 'notify':
        return this.notify(event, offset);
    }
  }

  private positionUpdate(event: AlarmEvent, field: string, offset: number) {
    return { lastEvent: event.position, [field]: offset, sourceSystemId: event.sourceSystemId };
  }

  private async raise(
    event: AlarmEvent,
    field: string,
    offset: number,
    effects: CircuitEffects,
  ): Promise<AlarmOutcome> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const folded = await this.alarms.findOneAndUpdate(
        { activeKey: event.reductionKey },
        {
          $inc: { occurrences: 1 },
          $max: { alarmChangedTime: event.time },
          $set: this.positionUpdate(event, field, offset),
        },
        { returnDocument: 'after' },
      );
      if (folded) return 'deduplicated';

      const doc = await this.newAlarm(event, 'raised', offset);
      try {
        await this.alarms.insertOne(doc);
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        const existing = await this.alarms.findOne({ _id: doc._id });
        if (existing) {
          effects.note(existing);
          return 'redelivery';
        }
        continue; // another source raised the same key meanwhile: fold into it
      }
      effects.note(doc);
      return 'raised';
    }
    throw new Error(`could not raise or fold alarm ${event.reductionKey}`);
  }

  private async clear(
    event: AlarmEvent,
    field: string,
    offset: number,
    effects: CircuitEffects,
  ): Promise<AlarmOutcome> {
    const active = await this.alarms.findOne(
      { activeKey: event.reductionKey },
      { projection: { _id: 1 } },
    );
    if (!active) return 'noActiveAlarm';
    const cleared = await this.alarms.findOneAndUpdate(
      { _id: active._id, activeKey: event.reductionKey },
      {
        $set: {
          state: 'cleared',
          perceivedSeverity: 'cleared',
          activeKey: clearedActiveKey(event.reductionKey, active._id),
          alarmClearedTime: event.time,
          alarmChangedTime: event.time,
          ...this.positionUpdate(event, field, offset),
        },
      },
      { returnDocument: 'after' },
    );
    if (!cleared) return 'noActiveAlarm';
    effects.note(cleared);
    return 'cleared';
  }

  private async notify(event: AlarmEvent, offset: number): Promise<AlarmOutcome> {
    const doc = await this.newAlarm(event, 'cleared', offset);
    try {
      await this.alarms.insertOne(doc);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      return 'redelivery';
    }
    return 'notified';
  }

  private async newAlarm(
    event: AlarmEvent,
    state: 'raised' | 'cleared',
    offset: number,
  ): Promise<AlarmDocument> {
    const impact = await this.inventory.impactOf(event.target);
    const _id = alarmIdOf(event);
    const alarmedObject: AlarmedObject = {
      id: targetId(event.target),
      type: event.target.kind,
      deviceId: event.target.deviceId,
      ifIndex: event.target.kind === 'interface' ? event.target.ifIndex : null,
      name: impact.name,
    };
    const raised = state === 'raised';
    return {
      _id,
      reductionKey: event.reductionKey,
      activeKey: raised ? event.reductionKey : clearedActiveKey(event.reductionKey, _id),
      customerIds: impact.customerIds,
      alarmedObject,
      alarmType: event.alarmType,
      // An auto-cleared notification keeps its severity: it says what happened.
      perceivedSeverity: event.perceivedSeverity,
      probableCause: event.probableCause,
      specificProblem: event.specificProblem,
      state,
      ackState: 'unacknowledged',
      alarmRaisedTime: event.time,
      alarmChangedTime: event.time,
      alarmClearedTime: raised ? null : event.time,
      affectedCircuitIds: impact.affectedCircuitIds,
      serviceAffecting: event.impact !== 'none' && impact.affectedCircuitIds.length > 0,
      serviceImpact: event.impact,
      occurrences: 1,
      sourceSystemId: event.sourceSystemId,
      lastEvent: event.position,
      eventPositions: { [positionField(event.position)]: offset },
    };
  }
}
