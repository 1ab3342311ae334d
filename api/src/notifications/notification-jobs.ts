export const NOTIFICATIONS_QUEUE = 'notifications';

export type NotificationJob =
  | { type: 'ticket-change'; ticketId: string; seq: number }
  | {
      type: 'sla-alert';
      ticketId: string;
      generation: number;
      clock: string;
      kind: string;
      level: 1 | 2 | null;
    }
  | { type: 'webhook'; logId: string; userId: string; url: string; body: string }
  /** A circuit went down or degraded: pushed to the customer users who see it. */
  | { type: 'circuit-fault'; circuitId: string; state: 'down' | 'degraded'; since: string };
