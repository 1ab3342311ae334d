import type { TicketDto } from '../../generated/models/ticket-dto';
import type { TicketSummaryDto } from '../../generated/models/ticket-summary-dto';

/** The restore clock as a page shows it: minutes left (negative: overdue), or paused/stopped. */
export interface SlaCountdown {
  kind: 'running' | 'paused' | 'met' | 'missed';
  dueAt: string | null;
  minutesLeft: number | null;
  targetMinutes: number;
  elapsedMinutes: number | null;
}

export function restoreCountdown(ticket: Pick<TicketDto, 'sla'>, now = Date.now()): SlaCountdown {
  const clock = ticket.sla.restore;
  const base = {
    dueAt: clock.dueAt,
    targetMinutes: clock.targetMinutes,
    elapsedMinutes: clock.elapsedMinutes,
  };
  if (clock.stoppedAt || clock.met !== null) {
    return { ...base, kind: clock.met === false ? 'missed' : 'met', minutesLeft: null };
  }
  if (ticket.sla.paused || !clock.dueAt) return { ...base, kind: 'paused', minutesLeft: null };
  return {
    ...base,
    kind: 'running',
    minutesLeft: Math.floor((Date.parse(clock.dueAt) - now) / 60_000),
  };
}

/** Minutes to a deadline (negative: passed), or null without one. */
export function minutesUntil(iso: string | null, now = Date.now()): number | null {
  return iso ? Math.floor((Date.parse(iso) - now) / 60_000) : null;
}

const STOPPED: readonly TicketSummaryDto['status'][] = [
  'resolved',
  'closed',
  'cancelled',
  'rejected',
];

/** The same from a list row, which carries the deadline and whether it was missed. */
export function summaryCountdown(
  t: Pick<TicketSummaryDto, 'restoreDueAt' | 'restoreBreached' | 'status'>,
  now = Date.now(),
): SlaCountdown {
  const base = { dueAt: t.restoreDueAt, targetMinutes: 0, elapsedMinutes: null };
  if (STOPPED.includes(t.status)) {
    return { ...base, kind: t.restoreBreached ? 'missed' : 'met', minutesLeft: null };
  }
  if (!t.restoreDueAt) return { ...base, kind: 'paused', minutesLeft: null };
  return { ...base, kind: 'running', minutesLeft: minutesUntil(t.restoreDueAt, now) };
}
