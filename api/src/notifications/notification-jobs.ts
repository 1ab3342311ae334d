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
  | { type: 'webhook'; logId: string; userId: string; url: string; body: string };
