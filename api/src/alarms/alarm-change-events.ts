import type { AlarmDocument, CircuitDocument } from '../database/documents';
import type { ChangeEventInput, EventCircuitRef } from '../events/change-event';

/** What happened to an alarm, as the live events name it. */
export type AlarmChangeAction =
  'raised' | 'changed' | 'cleared' | 'acknowledged' | 'unacknowledged' | 'commented';

/**
 * Circuits listed in one event at most: an alarm on a core element touches thousands.
 * Who receives the event is decided by customerIds/orgUnitIds (complete); a truncated
 * list is flagged so that a client reloads the alarm for the full picture.
 */
export const MAX_EVENT_CIRCUITS = 500;

/** The fields of an alarm event's `data` (besides the per-recipient `circuitIds`). */
export function alarmEventData(alarm: AlarmDocument): Record<string, unknown> {
  return {
    state: alarm.state,
    ackState: alarm.ackState,
    perceivedSeverity: alarm.perceivedSeverity,
    alarmType: alarm.alarmType,
    probableCause: alarm.probableCause,
    specificProblem: alarm.specificProblem,
    alarmedObject: {
      id: alarm.alarmedObject.id,
      '@referredType':
        alarm.alarmedObject.type === 'interface' ? 'NetworkInterface' : 'NetworkElement',
      name: alarm.alarmedObject.name,
    },
    alarmRaisedTime: new Date(alarm.alarmRaisedTime).toISOString(),
    alarmChangedTime: new Date(alarm.alarmChangedTime).toISOString(),
    alarmClearedTime: alarm.alarmClearedTime
      ? new Date(alarm.alarmClearedTime).toISOString()
      : null,
    serviceAffecting: alarm.serviceAffecting,
    occurrences: alarm.occurrences,
    isRootCause: alarm.isRootCause ?? false,
  };
}

/** The change event of an alarm; `circuits` are its affected circuits with their owners. */
export function alarmChangeEvent(
  alarm: AlarmDocument,
  action: AlarmChangeAction,
  circuits: readonly EventCircuitRef[],
  extra: Record<string, unknown> = {},
): ChangeEventInput {
  const listed = circuits.slice(0, MAX_EVENT_CIRCUITS);
  return {
    kind: 'alarm',
    action,
    id: alarm._id,
    customerIds: [...alarm.customerIds],
    orgUnitIds: [...(alarm.orgUnitIds ?? [])],
    data: {
      ...alarmEventData(alarm),
      ...extra,
      circuits: listed.map((c) => ({ id: c.id, customerId: c.customerId, orgPath: c.orgPath })),
      circuitsTruncated: alarm.affectedCircuitIds.length > listed.length,
    },
  };
}

/** A circuit whose state the alarms changed (see CircuitStateRepository.reconcile). */
export interface CircuitTransition {
  circuit: Pick<CircuitDocument, '_id' | 'customerId' | 'orgPath'>;
  from: CircuitDocument['state'];
  to: CircuitDocument['state'];
  since: Date;
  activeAlarmIds: string[];
}

export function circuitStateEvent(t: CircuitTransition): ChangeEventInput {
  return {
    kind: 'circuit',
    action: 'state',
    id: t.circuit._id,
    customerIds: [t.circuit.customerId],
    orgUnitIds: [...(t.circuit.orgPath ?? [])],
    data: {
      state: t.to,
      previousState: t.from,
      stateSince: t.since.toISOString(),
      activeAlarmIds: t.activeAlarmIds,
    },
  };
}

/** The circuit refs of alarms' events, from the circuits as stored. */
export function circuitRefsOf(
  alarm: Pick<AlarmDocument, 'affectedCircuitIds'>,
  circuits: ReadonlyMap<string, Pick<CircuitDocument, '_id' | 'customerId' | 'orgPath'>>,
): EventCircuitRef[] {
  const refs: EventCircuitRef[] = [];
  for (const id of alarm.affectedCircuitIds) {
    const c = circuits.get(id);
    if (c) refs.push({ id: c._id, customerId: c.customerId, orgPath: c.orgPath ?? [] });
  }
  return refs;
}
