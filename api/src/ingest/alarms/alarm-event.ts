import type { AlarmDocument, PerceivedSeverity } from '../../database/documents';

/** Where an event sits in Kafka: the unit of idempotency (a redelivery has the same position). */
export interface EventPosition {
  topic: string;
  partition: number;
  offset: string;
}

export type AlarmedTarget =
  { kind: 'interface'; deviceId: string; ifIndex: number } | { kind: 'element'; deviceId: string };

/** What an event does to the circuits the alarm touches. */
export type ServiceImpact = 'down' | 'degraded' | 'none';

/**
 * A normalised alarm event from any source (trap, poll, threshold). `raise` folds
 * into the active alarm of the key or opens one; `clear` closes the active one;
 * `notify` records a raised-and-cleared alarm at once (auto-cleared events).
 */
export interface AlarmEvent {
  action: 'raise' | 'clear' | 'notify';
  reductionKey: string;
  probableCause: string;
  specificProblem: string;
  alarmType: AlarmDocument['alarmType'];
  perceivedSeverity: Exclude<PerceivedSeverity, 'cleared'>;
  target: AlarmedTarget;
  impact: ServiceImpact;
  time: Date;
  sourceSystemId: 'trap' | 'poll';
  position: EventPosition;
}

export function targetId(target: AlarmedTarget): string {
  return target.kind === 'interface' ? `${target.deviceId}:${target.ifIndex}` : target.deviceId;
}

export function reductionKeyOf(
  probableCause: string,
  target: AlarmedTarget,
  qualifier?: string,
): string {
  const base = `${probableCause}|${targetId(target)}`;
  return qualifier === undefined ? base : `${base}|${qualifier}`;
}

/** activeKey of a cleared alarm: unique per alarm, so the unique index only binds raised ones. */
export function clearedActiveKey(reductionKey: string, alarmId: string): string {
  return `${reductionKey}#cleared#${alarmId}`;
}

/**
 * Key of the per-partition position map on an alarm. Field names must not contain
 * '.', which topic names do.
 */
export function positionField(position: Pick<EventPosition, 'topic' | 'partition'>): string {
  return `${position.topic.replace(/[.$]/g, '_')}~${position.partition}`;
}
