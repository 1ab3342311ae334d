import type { MaintenanceWindowDocument } from '../database/documents';
import type { SlaClock, TicketDocument, TicketSla } from '../tickets/ticket.document';
import { type Interval, instantAfterRunning, runningMs } from './sla-clock';
import type { SlaTarget } from './sla-targets';

export type ClockName = 'response' | 'restore';
export type TimerKind = 'warn' | 'breach' | 'duty';

export interface SlaTimer {
  clock: ClockName;
  kind: TimerKind;
  at: Date;
}

const MIN = 60_000;

function clock(targetMinutes: number, startedAt: Date): SlaClock {
  return {
    targetMinutes,
    dueAt: new Date(startedAt.getTime() + targetMinutes * MIN),
    stoppedAt: null,
    warnedAt: null,
    breachedAt: null,
    elapsedMinutes: null,
    met: null,
  };
}

export function initialSla(
  slaClass: TicketSla['slaClass'],
  target: SlaTarget,
  now: Date,
): TicketSla {
  return {
    slaClass,
    startedAt: now,
    pauses: [],
    response: clock(target.responseMin, now),
    restore: clock(target.restoreMin, now),
    escalationLevel: 0,
    generation: 1,
  };
}

/** Every interval during which the clocks do not run: the ticket's pauses and approved maintenance. */
export function pausesOf(
  sla: TicketSla,
  maintenance: readonly Pick<MaintenanceWindowDocument, 'start' | 'end'>[],
): Interval[] {
  return [
    ...sla.pauses.map((p) => ({ from: new Date(p.from), to: p.to ? new Date(p.to) : null })),
    ...maintenance.map((w) => ({ from: new Date(w.start), to: new Date(w.end) })),
  ];
}

/** The SLA with due instants recomputed from the pauses (stopped clocks unchanged). */
export function withDueDates(sla: TicketSla, pauses: readonly Interval[]): TicketSla {
  const due = (c: SlaClock): SlaClock =>
    c.stoppedAt
      ? c
      : {
          ...c,
          dueAt: instantAfterRunning(new Date(sla.startedAt), c.targetMinutes * MIN, pauses),
        };
  return { ...sla, response: due(sla.response), restore: due(sla.restore) };
}

/** Stops a clock at `at`: elapsed running minutes and whether the target was met. */
export function stopClock(
  sla: TicketSla,
  name: ClockName,
  at: Date,
  pauses: readonly Interval[],
): SlaClock {
  const c = sla[name];
  if (c.stoppedAt) return c;
  const elapsed = runningMs(new Date(sla.startedAt), at, pauses) / MIN;
  return {
    ...c,
    stoppedAt: at,
    elapsedMinutes: Math.round(elapsed * 100) / 100,
    met: elapsed <= c.targetMinutes,
  };
}

/** The timers still to come for the SLA as it stands. */
export function timersOf(
  sla: TicketSla,
  pauses: readonly Interval[],
  warnShare: number,
  dutyAfterMin: number,
): SlaTimer[] {
  const timers: SlaTimer[] = [];
  for (const name of ['response', 'restore'] as const) {
    const c = sla[name];
    if (c.stoppedAt) continue;
    if (!c.warnedAt) {
      const warnAt = instantAfterRunning(
        new Date(sla.startedAt),
        c.targetMinutes * warnShare * MIN,
        pauses,
      );
      if (warnAt) timers.push({ clock: name, kind: 'warn', at: warnAt });
    }
    if (!c.breachedAt && c.dueAt)
      timers.push({ clock: name, kind: 'breach', at: new Date(c.dueAt) });
  }
  const restore = sla.restore;
  if (!restore.stoppedAt && restore.breachedAt && sla.escalationLevel < 2) {
    timers.push({
      clock: 'restore',
      kind: 'duty',
      at: new Date(new Date(restore.breachedAt).getTime() + dutyAfterMin * MIN),
    });
  }
  return timers;
}

/** Whether the clocks are held by an open pause now. */
export function isPaused(sla: TicketSla): boolean {
  return sla.pauses.some((p) => p.to === null);
}

export function openPauseClosed(sla: TicketSla, at: Date): TicketSla['pauses'] {
  return sla.pauses.map((p) => (p.to === null ? { ...p, to: at } : p));
}

export type SlaOf = Pick<TicketDocument, 'sla'>;
