import type { TicketDto } from '@circuitcare/client';

/** What a field engineer does to a job; each is one API call. */
export type FieldAction =
  /** Takes the job: acknowledged (or reopened) → inProgress. */
  | { kind: 'accept' }
  | { kind: 'arrival'; text: string | null }
  | { kind: 'progress'; text: string }
  | { kind: 'cause'; causeCode: string; fixCode: string; text: string | null }
  /** The bytes, not a Blob: what IndexedDB keeps the same in every browser. */
  | { kind: 'photo'; name: string; type: string; bytes: ArrayBuffer; sha256: string }
  | { kind: 'resolve'; reason: string };

/** A field action kept in IndexedDB until the API has it. */
export interface QueuedAction {
  /** Made on the phone (crypto.randomUUID): the queue holds an action once. */
  id: string;
  userId: string;
  ticketId: string;
  /** When the engineer did it (ISO; the phone's clock). */
  queuedAt: string;
  action: FieldAction;
  attempts: number;
  /** The API refused it (4xx other than a conflict): kept for the engineer to see, not retried. */
  failed: string | null;
}

/**
 * A clock difference between phone and server that a progress note may show: a note
 * with the same text stamped up to this much before it was queued is the same note.
 */
export const CLOCK_SKEW_MS = 10 * 60_000;

const STARTABLE: readonly TicketDto['status'][] = ['acknowledged', 'reopened', 'pending'];

/**
 * Whether the ticket already shows the action's effect (sent before, its answer lost),
 * or no longer takes it (cancelled, rejected, closed) — either way it is not sent again.
 * The API has no idempotency keys; this check on the ticket it answers is what makes a
 * replay send each action at most once.
 */
export function verdictOf(
  item: Pick<QueuedAction, 'action' | 'queuedAt'>,
  ticket: TicketDto,
): 'send' | 'applied' | 'obsolete' {
  const a = item.action;
  const report = ticket.fieldReport;
  switch (a.kind) {
    case 'accept':
      if (!STARTABLE.includes(ticket.status)) return isFinal(ticket) ? 'obsolete' : 'applied';
      return 'send';
    case 'arrival':
      if (report.arrivedAt !== null) return 'applied';
      break;
    case 'progress': {
      const since = Date.parse(item.queuedAt) - CLOCK_SKEW_MS;
      if (report.progress.some((p) => p.text === a.text && Date.parse(p.at) >= since)) {
        return 'applied';
      }
      break;
    }
    case 'cause':
      if (report.causeCode === a.causeCode && report.fixCode === a.fixCode) return 'applied';
      break;
    case 'photo':
      if (ticket.attachment.some((f) => f.sha256 === a.sha256)) return 'applied';
      break;
    case 'resolve':
      if (ticket.status === 'resolved' || ticket.status === 'closed') return 'applied';
      break;
  }
  return isFinal(ticket) ? 'obsolete' : 'send';
}

function isFinal(ticket: TicketDto): boolean {
  return ['closed', 'cancelled', 'rejected'].includes(ticket.status);
}
