import { interfaceId } from '../model/inventory.model';
import type { LiveAlarm, LiveState, LiveStatus, ServiceImpact } from './live-state.model';

/** One thing the network said, about an element or an interface. */
export interface Observation {
  kind: 'alarm' | 'oper-down' | 'silent';
  alarmId: string | null;
  deviceId: string;
  ifIndex: number | null;
  probableCause: string | null;
  severity: string | null;
  impact: ServiceImpact;
  /** When the alarm was raised (ISO 8601); null for polled and silence facts. */
  raisedAt: string | null;
}

/** The live state indexed by element and interface: O(alarms + oper-down + silent). */
export interface LiveStateIndex {
  /** False when no live state was given: every status is then `unknown`. */
  known: boolean;
  /** Interface id → observations on it (alarms on the interface, polled oper-down). */
  byInterface: ReadonlyMap<string, readonly Observation[]>;
  /** Element id → element-level observations (element alarms, silence). */
  byElement: ReadonlyMap<string, readonly Observation[]>;
  silent: ReadonlySet<string>;
  /** Element id → every active alarm id on the element or one of its interfaces. */
  alarmIdsByElement: ReadonlyMap<string, readonly string[]>;
  alarmIdsByInterface: ReadonlyMap<string, readonly string[]>;
  /** Element id → last poll answered (ms since epoch), when given. */
  lastAnsweredAt: ReadonlyMap<string, number>;
}

/** Impact of an alarm that does not say: the ingestion's own mapping of its causes. */
export function impactOfAlarm(alarm: LiveAlarm): ServiceImpact {
  if (alarm.serviceImpact !== undefined) return alarm.serviceImpact;
  switch (alarm.probableCause) {
    case 'linkDown':
      return 'down';
    case 'congestion':
    case 'highErrorRate':
      return 'degraded';
    default:
      return 'none';
  }
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function splitInterfaceId(id: string): { deviceId: string; ifIndex: number } {
  const at = id.lastIndexOf(':');
  return { deviceId: id.slice(0, at), ifIndex: Number(id.slice(at + 1)) };
}

export function indexLiveState(live: LiveState | null | undefined): LiveStateIndex {
  const byInterface = new Map<string, Observation[]>();
  const byElement = new Map<string, Observation[]>();
  const alarmIdsByElement = new Map<string, string[]>();
  const alarmIdsByInterface = new Map<string, string[]>();
  const silent = new Set<string>(live?.silentElementIds ?? []);
  for (const alarm of live?.alarms ?? []) {
    const { deviceId, ifIndex, type } = alarm.alarmedObject;
    const observation: Observation = {
      kind: 'alarm',
      alarmId: alarm._id,
      deviceId,
      ifIndex: type === 'interface' ? ifIndex : null,
      probableCause: alarm.probableCause,
      severity: alarm.perceivedSeverity,
      impact: impactOfAlarm(alarm),
      raisedAt:
        typeof alarm.alarmRaisedTime === 'string'
          ? alarm.alarmRaisedTime
          : alarm.alarmRaisedTime.toISOString(),
    };
    push(alarmIdsByElement, deviceId, alarm._id);
    if (type === 'interface' && ifIndex !== null) {
      const id = interfaceId(deviceId, ifIndex);
      push(byInterface, id, observation);
      push(alarmIdsByInterface, id, alarm._id);
    } else {
      push(byElement, deviceId, observation);
    }
  }
  for (const id of new Set(live?.operDownInterfaceIds ?? [])) {
    const { deviceId, ifIndex } = splitInterfaceId(id);
    push(byInterface, id, {
      kind: 'oper-down',
      alarmId: null,
      deviceId,
      ifIndex,
      probableCause: null,
      severity: null,
      impact: 'down',
      raisedAt: null,
    });
  }
  for (const deviceId of silent) {
    push(byElement, deviceId, {
      kind: 'silent',
      alarmId: null,
      deviceId,
      ifIndex: null,
      probableCause: null,
      severity: null,
      impact: 'down',
      raisedAt: null,
    });
  }
  return {
    known: live !== null && live !== undefined,
    byInterface,
    byElement,
    silent,
    alarmIdsByElement,
    alarmIdsByInterface,
    lastAnsweredAt: live?.lastAnsweredAt ?? new Map<string, number>(),
  };
}

function worst(observations: readonly Observation[] | undefined): LiveStatus {
  let status: LiveStatus = 'up';
  for (const o of observations ?? []) {
    if (o.impact === 'down') return 'down';
    if (o.impact === 'degraded') status = 'degraded';
  }
  return status;
}

/** An element is down when silent or alarmed down as a whole; its ports do not count. */
export function elementStatus(live: LiveStateIndex, deviceId: string): LiveStatus {
  if (!live.known) return 'unknown';
  return worst(live.byElement.get(deviceId));
}

/** An interface of a silent element is unknown unless something said more. */
export function interfaceStatus(live: LiveStateIndex, id: string, deviceId: string): LiveStatus {
  if (!live.known) return 'unknown';
  const status = worst(live.byInterface.get(id));
  if (status === 'up' && live.silent.has(deviceId)) return 'unknown';
  return status;
}

const RANK: Readonly<Record<LiveStatus, number>> = { up: 0, unknown: 1, degraded: 2, down: 3 };

/** The worse of statuses (down > degraded > unknown > up); up for none. */
export function worstStatus(statuses: Iterable<LiveStatus>): LiveStatus {
  let result: LiveStatus = 'up';
  for (const s of statuses) if (RANK[s] > RANK[result]) result = s;
  return result;
}
