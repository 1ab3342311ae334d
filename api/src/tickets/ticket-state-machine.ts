import type { Role } from '../database/documents';
import type { TicketStatus } from './ticket.document';

/** Who acts on a ticket, by what they are to it. */
export type TicketActorKind = 'customer' | 'noc' | 'field' | 'system';

export function actorKindOf(role: Role): TicketActorKind | null {
  switch (role) {
    case 'customer-admin':
    case 'customer-engineer':
      return 'customer';
    case 'noc-operator':
    case 'platform-admin':
      return 'noc';
    case 'field-engineer':
      return 'field';
    case 'customer-viewer':
    case 'account-manager':
      // Read (and comment), never move a ticket.
      return null;
  }
}

interface Rule {
  from: readonly TicketStatus[];
  to: TicketStatus;
  by: readonly TicketActorKind[];
  /** The transition needs a reason (shown on the timeline). */
  reasonRequired: boolean;
}

/**
 * The life cycle (docs/tickets.md): acknowledged → inProgress ⇄ pending → resolved →
 * closed, resolved → reopened → inProgress/resolved; cancelled and rejected end a
 * ticket early. Each rule names who may make it.
 */
export const TRANSITIONS: readonly Rule[] = [
  {
    from: ['acknowledged', 'reopened', 'pending'],
    to: 'inProgress',
    by: ['noc', 'field'],
    reasonRequired: false,
  },
  // A customer answering what it was asked for takes the ticket off pending.
  { from: ['pending'], to: 'inProgress', by: ['customer'], reasonRequired: false },
  { from: ['inProgress'], to: 'pending', by: ['noc', 'field'], reasonRequired: true },
  { from: ['inProgress', 'reopened'], to: 'resolved', by: ['noc', 'field'], reasonRequired: true },
  { from: ['resolved'], to: 'closed', by: ['customer', 'system'], reasonRequired: false },
  { from: ['resolved'], to: 'reopened', by: ['customer'], reasonRequired: true },
  { from: ['acknowledged'], to: 'rejected', by: ['noc'], reasonRequired: true },
  {
    from: ['acknowledged', 'inProgress', 'pending', 'reopened'],
    to: 'cancelled',
    by: ['customer', 'noc'],
    reasonRequired: true,
  },
];

export type TransitionCheck =
  | { ok: true; reasonRequired: boolean }
  | {
      ok: false;
      reason: 'illegal' | 'role';
      allowedFrom: TicketStatus[];
      allowedBy: TicketActorKind[];
    };

/** Whether `actor` may move a ticket from `from` to `to`. */
export function checkTransition(
  from: TicketStatus,
  to: TicketStatus,
  actor: TicketActorKind,
): TransitionCheck {
  const rules = TRANSITIONS.filter((r) => r.to === to);
  const fitting = rules.filter((r) => r.from.includes(from));
  const allowedFrom = [...new Set(rules.flatMap((r) => r.from))];
  const allowedBy = [...new Set(fitting.flatMap((r) => r.by))];
  if (fitting.length === 0) return { ok: false, reason: 'illegal', allowedFrom, allowedBy };
  const rule = fitting.find((r) => r.by.includes(actor));
  if (!rule) return { ok: false, reason: 'role', allowedFrom, allowedBy };
  return { ok: true, reasonRequired: rule.reasonRequired };
}

/** The statuses `actor` may move a ticket to from `from` (for the UI's buttons). */
export function nextStatuses(from: TicketStatus, actor: TicketActorKind | null): TicketStatus[] {
  if (!actor) return [];
  return [
    ...new Set(
      TRANSITIONS.filter((r) => r.from.includes(from) && r.by.includes(actor)).map((r) => r.to),
    ),
  ];
}
