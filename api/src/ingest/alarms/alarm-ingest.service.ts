import { createHash } from 'node:crypto';

import type { Db } from 'mongodb';
import type { Logger } from 'pino';

import {
  type CircuitTransition,
  MAX_EVENT_CIRCUITS,
  alarmChangeEvent,
  circuitRefsOf,
  circuitStateEvent,
} from '../../alarms/alarm-change-events';
import { COLLECTIONS } from '../../database/collections';
import type { AlarmDocument, AlarmedObject, CircuitDocument } from '../../database/documents';
import type { ChangeEventInput } from '../../events/change-event';
import type { ChangeEventSink } from '../../events/change-events.stream';
import type { IngestInventoryRepository } from '../inventory/ingest-inventory.repository';
import { findByIds, isDuplicateKey } from '../mongo/idempotent-writes';
import { type AlarmPlace, correlate, correlationKeysOf, keysToSearch } from './alarm-correlation';
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
 *    per chunk (CircuitStateRepository);
 * 5. then the chunk's alarm changes and circuit transitions are published as change
 *    events (live clients). Publishing never fails the chunk: Kafka progress and the
 *    stored alarms do not depend on Redis (a lost event is logged; clients reload).
 */
export class AlarmIngestService {
  constructor(
    private readonly db: Db,
    private readonly inventory: IngestInventoryRepository,
    private readonly circuitState: CircuitStateRepository,
    private readonly events: ChangeEventSink | null = null,
    private readonly logger: Pick<Logger, 'error'> | null = null,
  ) {}

  private get alarms() {
    return this.db.collection<AlarmDocument>(COLLECTIONS.alarms);
  }

  /** A collector for one chunk's circuit effects; hand it to `apply`, then `settle` it. */
  newEffects(): CircuitEffects {
    return new CircuitEffects();
  }

  /**
   * Brings the touched circuits in line with their alarms: once per chunk, after its
   * alarm writes; then publishes the chunk's changes.
   */
  async settle(effects: CircuitEffects): Promise<void> {
    const transitions = await this.circuitState.settle(effects);
    await this.publish(effects, transitions);
  }

  private async publish(effects: CircuitEffects, transitions: CircuitTransition[]): Promise<void> {
    if (!this.events || (effects.alarmChanges.size === 0 && transitions.length === 0)) return;
    const changes = [...effects.alarmChanges.values()];
    let circuits = new Map<string, Pick<CircuitDocument, '_id' | 'customerId' | 'orgPath'>>();
    try {
      const ids = changes.flatMap(({ alarm }) =>
        alarm.affectedCircuitIds.slice(0, MAX_EVENT_CIRCUITS),
      );
      const rows = await findByIds(this.db.collection<CircuitDocument>(COLLECTIONS.circuits), ids, {
        _id: 1,
        customerId: 1,
        orgPath: 1,
      });
      circuits = new Map(rows.map((c) => [c._id, c]));
    } catch (err) {
      // Recipients are decided by the alarm's customerIds/orgUnitIds; only the circuit list is lost.
      this.logger?.error(
        { err: err instanceof Error ? err.message : String(err), alarms: changes.length },
        'circuits of alarm events could not be read: events go without their circuit list',
      );
    }
    const events: ChangeEventInput[] = [
      ...changes.map(({ alarm, action }) =>
        alarmChangeEvent(alarm, action, circuitRefsOf(alarm, circuits)),
      ),
      ...transitions.map(circuitStateEvent),
    ];
    await this.events.publish(events);
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
        return this.notify(event, offset, effects);
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
      if (folded) {
        effects.changed(folded, 'changed');
        return 'deduplicated';
      }

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
      await this.correlate(doc, event);
      effects.changed(doc, 'raised');
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
    effects.changed(cleared, 'cleared');
    return 'cleared';
  }

  /**
   * Links a newly raised service-affecting alarm with the raised alarms the network
   * relates it to (alarm-correlation.ts), on both sides, and on `alarm` in memory (for
   * its event). Of two related alarms raised at once, at least the later to look finds
   * the other: each looks after its own insert. Best effort: a failure is logged and
   * leaves the alarm unlinked; it never fails the chunk.
   */
  private async correlate(alarm: AlarmDocument, event: AlarmEvent): Promise<void> {
    if ((alarm.serviceImpact ?? 'none') === 'none') return;
    try {
      const place = placeOf(alarm);
      const neighbourhood = await this.inventory.neighbourhoodOf(event.target);
      const correlationKeys = correlationKeysOf(place, neighbourhood);
      await this.alarms.updateOne({ _id: alarm._id }, { $set: { correlationKeys } });
      alarm.correlationKeys = correlationKeys;
      const found = new Map<
        string,
        Pick<AlarmDocument, '_id' | 'alarmedObject' | 'alarmRaisedTime'>
      >();
      for (const key of keysToSearch(place, neighbourhood)) {
        const rows = await this.alarms
          .find(
            { state: 'raised', correlationKeys: key },
            { projection: { _id: 1, alarmedObject: 1, alarmRaisedTime: 1 } },
          )
          .toArray();
        for (const row of rows) found.set(row._id, row);
      }
      const raised = [...found.values()];
      const decision = correlate(place, neighbourhood, raised.map(placeOf));
      const links = (ids: string[]) => ({ $each: ids });
      for (const id of decision.rootCauses) {
        await this.alarms.updateOne(
          { _id: id },
          { $set: { isRootCause: true }, $addToSet: { correlatedAlarmIds: alarm._id } },
        );
      }
      for (const id of decision.rootOf) {
        await this.alarms.updateOne({ _id: id }, { $addToSet: { rootCauseAlarmIds: alarm._id } });
      }
      for (const id of decision.correlated) {
        await this.alarms.updateOne({ _id: id }, { $addToSet: { correlatedAlarmIds: alarm._id } });
      }
      const correlated = [...decision.rootOf, ...decision.correlated];
      if (decision.rootCauses.length + correlated.length === 0) return;
      const isRootCause = decision.rootOf.length > 0;
      await this.alarms.updateOne(
        { _id: alarm._id },
        {
          $addToSet: {
            rootCauseAlarmIds: links(decision.rootCauses),
            correlatedAlarmIds: links(correlated),
          },
          ...(isRootCause ? { $set: { isRootCause } } : {}),
        },
      );
      alarm.rootCauseAlarmIds = decision.rootCauses;
      alarm.correlatedAlarmIds = correlated;
      if (isRootCause) alarm.isRootCause = true;
    } catch (err) {
      this.logger?.error(
        { err: err instanceof Error ? err.message : String(err), alarmId: alarm._id },
        'alarm correlation failed: the alarm stays unlinked',
      );
    }
  }

  private async notify(
    event: AlarmEvent,
    offset: number,
    effects: CircuitEffects,
  ): Promise<AlarmOutcome> {
    const doc = await this.newAlarm(event, 'cleared', offset);
    try {
      await this.alarms.insertOne(doc);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      return 'redelivery';
    }
    // A new alarm, born cleared: 'raised' tells clients it exists; its state says it is over.
    effects.changed(doc, 'raised');
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
      orgUnitIds: impact.orgUnitIds,
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

function placeOf(a: Pick<AlarmDocument, '_id' | 'alarmedObject' | 'alarmRaisedTime'>): AlarmPlace {
  return {
    id: a._id,
    kind: a.alarmedObject.type,
    deviceId: a.alarmedObject.deviceId,
    objectId: a.alarmedObject.id,
    raisedAt: new Date(a.alarmRaisedTime).getTime(),
  };
}
