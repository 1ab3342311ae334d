import type { ClockName, TimerKind } from '../sla/sla-plan';

/** The queue of ticket timers: SLA warnings and breaches, auto-close, reverts, sweeps. */
export const TICKET_TIMERS_QUEUE = 'ticket-timers';

export type TicketTimerJob =
  | { type: 'sla'; ticketId: string; generation: number; clock: ClockName; kind: TimerKind }
  /** Closes a ticket left resolved; `resolvedAt` names the resolution it was planned for. */
  | { type: 'auto-close'; ticketId: string; resolvedAt: string }
  /** Ends a temporary bandwidth increase. */
  | { type: 'revert-bandwidth'; ticketId: string }
  /** Opens tickets for service-affecting alarms nobody reported. */
  | { type: 'proactive-sweep' };

export function slaJobId(
  ticketId: string,
  generation: number,
  clock: ClockName,
  kind: TimerKind,
): string {
  return `sla:${ticketId}:${generation}:${clock}:${kind}`;
}
