/** A user's notification settings (collection notificationPreferences, _id = user id). */
export interface NotificationPreferencesDocument {
  _id: string;
  email: string | null;
  phone: string | null;
  emailEnabled: boolean;
  /** HTTPS endpoint (SMS gateway, enterprise chat bot) receiving signed JSON. */
  webhookUrl: string | null;
  webhookEnabled: boolean;
  /**
   * HMAC-SHA256 key of the webhook signature. Kept as is: the signature needs the key
   * itself (not a hash); it is shown once when generated and never returned again.
   */
  webhookSecret: string | null;
  /**
   * Ticket changes that only touch internal matter never notify; these choose among public
   * ones. `circuitFaults` (pushes of my circuits going down or degraded) came later: a
   * document without it reads as true (`wantsCircuitFaults`).
   */
  events: {
    status: boolean;
    notes: boolean;
    field: boolean;
    sla: boolean;
    circuitFaults?: boolean;
  };
  updatedAt: Date;
}

export type NotificationChannel = 'email' | 'webhook' | 'push';

/** One delivery to one recipient over one channel (collection notificationLog). */
export interface NotificationLogDocument {
  /** `${ticketId}:${seq}:${recipient}:${channel}`: a retried fan-out finds what was sent. */
  _id: string;
  ticketId: string;
  customerId: string;
  /** Null for a contact who is not a user (e-mail only). */
  recipientUserId: string | null;
  channel: NotificationChannel;
  /** What it was about: ticket change or SLA alert. */
  kind: 'ticket-change' | 'sla-alert';
  subject: string;
  status: 'sending' | 'sent' | 'failed' | 'skipped';
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

/** Whether a circuit-fault push goes to this user: on unless turned off (missing reads as on). */
export function wantsCircuitFaults(
  prefs: Pick<NotificationPreferencesDocument, 'events'> | null,
): boolean {
  return prefs?.events.circuitFaults !== false;
}
