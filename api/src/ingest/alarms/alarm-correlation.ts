/**
 * Root-cause and correlation rules of the ingestion (TMF642 rootCauseAlarm,
 * correlatedAlarm, isRootCause), applied when a service-affecting alarm is raised.
 * Pure: the caller loads the neighbourhood and the raised candidates. What the network
 * tells us, and only that:
 * - same interface: two alarms on one interface (a trap's linkDown and the poll's
 *   oper-down) are correlated;
 * - the two ends of one link: their alarms are correlated (one cut, seen from both sides);
 * - neighbours facing one element: alarms raised within SIBLING_WINDOW_MS of each other
 *   on the interfaces of different elements whose links lead to the same element are
 *   correlated (that element has probably failed: a dead device cannot trap, so its
 *   neighbours are the only witnesses; the window keeps two unrelated cuts apart);
 * - an alarm on an element is the root cause of the alarms on its own interfaces and on
 *   the interfaces facing it.
 * Correlation without a root names no root: the probable failed element is what
 * `locateFaults` (topology) reports; an alarm is marked root only when one exists on it.
 */

/** Where an alarm sits. */
export interface AlarmPlace {
  id: string;
  kind: 'interface' | 'element';
  deviceId: string;
  /** `deviceId:ifIndex` or `deviceId`. */
  objectId: string;
  /** alarmRaisedTime in ms. */
  raisedAt: number;
}

/** Alarms of neighbours facing one element are taken as one failure if raised this close. */
export const SIBLING_WINDOW_MS = 120_000;

/** What the inventory tells about the new alarm's surroundings. */
export interface Neighbourhood {
  /** Interface alarm: the far end of its link (null when the interface has no link). */
  peer: { interfaceId: string; deviceId: string } | null;
  /**
   * Interfaces of other elements whose links lead to the faced element: the peer's
   * element for an interface alarm, the element itself for an element alarm.
   */
  facing: readonly string[];
}

export interface CorrelationDecision {
  /** Raised alarms that cause the new one. */
  rootCauses: string[];
  /** Raised alarms that the new one causes. */
  rootOf: string[];
  /** Raised alarms sharing the new one's cause (links both ways, no root). */
  correlated: string[];
}

export function correlate(
  alarm: AlarmPlace,
  neighbourhood: Neighbourhood,
  candidates: readonly AlarmPlace[],
): CorrelationDecision {
  const decision: CorrelationDecision = { rootCauses: [], rootOf: [], correlated: [] };
  const facing = new Set(neighbourhood.facing);
  for (const other of candidates) {
    if (other.id === alarm.id) continue;
    if (alarm.kind === 'interface') {
      if (other.kind === 'element') {
        if (other.deviceId === alarm.deviceId || other.deviceId === neighbourhood.peer?.deviceId) {
          decision.rootCauses.push(other.id);
        }
      } else if (
        other.objectId === alarm.objectId ||
        other.objectId === neighbourhood.peer?.interfaceId ||
        (facing.has(other.objectId) &&
          facing.has(alarm.objectId) &&
          other.deviceId !== alarm.deviceId &&
          Math.abs(other.raisedAt - alarm.raisedAt) <= SIBLING_WINDOW_MS)
      ) {
        decision.correlated.push(other.id);
      }
    } else if (other.kind === 'interface') {
      if (other.deviceId === alarm.deviceId || facing.has(other.objectId)) {
        decision.rootOf.push(other.id);
      }
    }
  }
  decision.rootCauses.sort();
  decision.rootOf.sort();
  decision.correlated.sort();
  return decision;
}

/** The alarm's own correlation keys (stored on it: see AlarmDocument.correlationKeys). */
export function correlationKeysOf(alarm: AlarmPlace, neighbourhood: Neighbourhood): string[] {
  const keys = [`dev:${alarm.deviceId}`];
  if (alarm.kind === 'interface' && neighbourhood.peer) {
    keys.push(`faces:${neighbourhood.peer.deviceId}`);
  }
  return keys;
}

/**
 * The keys whose raised alarms may relate to the new one: each is one query with two
 * top-level equalities (`state`, `correlationKeys`), pushed down to PostgreSQL by
 * FerretDB, so the cost does not grow with the number of raised alarms elsewhere.
 * Interface alarm on D facing N: alarms on D and on N (element alarms, the same
 * interface, the far end) and alarms facing N (siblings). Element alarm on N: alarms on
 * N and alarms facing N.
 */
export function keysToSearch(alarm: AlarmPlace, neighbourhood: Neighbourhood): string[] {
  const keys = new Set([`dev:${alarm.deviceId}`]);
  if (alarm.kind === 'element') keys.add(`faces:${alarm.deviceId}`);
  else if (neighbourhood.peer) {
    keys.add(`dev:${neighbourhood.peer.deviceId}`);
    keys.add(`faces:${neighbourhood.peer.deviceId}`);
  }
  return [...keys].sort();
}
