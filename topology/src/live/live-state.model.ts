/**
 * What the network says now, as the topology functions take it. The shapes mirror the
 * API's stored alarms (an AlarmDocument is assignable to LiveAlarm) without importing
 * them: this library imports nothing of ours.
 */

export type ServiceImpact = 'down' | 'degraded' | 'none';

/** The alarmed object: a whole element or one of its interfaces. */
export interface LiveAlarmedObject {
  type: 'element' | 'interface';
  deviceId: string;
  ifIndex: number | null;
}

/** One active (raised) alarm. */
export interface LiveAlarm {
  _id: string;
  alarmedObject: LiveAlarmedObject;
  /** linkDown, congestion, highErrorRate, coldStart, warmStart, … */
  probableCause: string;
  /** critical | major | minor | warning | indeterminate. */
  perceivedSeverity: string;
  /**
   * What the alarm does to the circuits crossing its object. When absent it is derived
   * from probableCause (linkDown → down; congestion, highErrorRate → degraded; else none).
   */
  serviceImpact?: ServiceImpact;
  alarmRaisedTime: Date | string;
}

/**
 * The live state: active alarms, interfaces polled operationally down, and elements
 * silent (no poll sample for more than three poll intervals; a dead element cannot trap,
 * so silence is the only thing it says).
 */
export interface LiveState {
  alarms: readonly LiveAlarm[];
  /** Interface ids `${deviceId}:${ifIndex}`. */
  operDownInterfaceIds?: readonly string[];
  silentElementIds?: readonly string[];
  /**
   * Element id → when it last answered a poll (ms since epoch). Optional: an element that
   * answered after the reports that would blame it were raised is alive, which tells a
   * dead CPE from its access line when one of the line's two reports was lost.
   */
  lastAnsweredAt?: ReadonlyMap<string, number>;
}

/** The live status of a node, interface, link or circuit in a view. */
export type LiveStatus = 'up' | 'degraded' | 'down' | 'unknown';

export const EMPTY_LIVE_STATE: LiveState = { alarms: [] };
