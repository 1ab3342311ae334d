import type { ChangeEvent } from '../../events/change-event';

/** A circuit that went down or degraded, as the live stream tells it. */
export interface CircuitFault {
  circuitId: string;
  state: 'down' | 'degraded';
  previousState: string;
  /** ISO: since when it is in that state (with the id, what makes the fault one fault). */
  since: string;
}

/**
 * The fault a change event announces, or null: the same rule as the app's inbox
 * (mobile/src/app/core/inbox/inbox-rules.ts) — a circuit now down or degraded is news, one
 * coming back up is not — and only a change of state (a repeated state is no new fault).
 */
export function circuitFaultOf(
  event: Pick<ChangeEvent, 'kind' | 'action' | 'id' | 'data'>,
): CircuitFault | null {
  if (event.kind !== 'circuit' || event.action !== 'state') return null;
  const { state, previousState, stateSince } = event.data;
  if (state !== 'down' && state !== 'degraded') return null;
  if (typeof previousState !== 'string' || previousState === state) return null;
  if (typeof stateSince !== 'string') return null;
  return { circuitId: event.id, state, previousState, since: stateSince };
}
