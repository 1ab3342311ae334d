import type { ChangeEventMessageDto, NotificationEventsDto } from '@circuitcare/client';

/** Which preference (GET /notifications/preferences `events`) a ticket change falls under. */
export function preferenceOf(action: string): keyof NotificationEventsDto | null {
  if (action === 'note') return 'notes';
  if (action.startsWith('field-')) return 'field';
  if (action.startsWith('sla-')) return 'sla';
  if (action === 'updated' || action === 'joined' || action === 'alarm-linked') return null;
  return 'status';
}

export interface InboxLine {
  key: string;
  /** The preference that decides whether the line is also shown as a system notification. */
  preference: keyof NotificationEventsDto;
  text: string;
  params: Record<string, string>;
  objectId: string;
  kind: 'ticket' | 'circuit';
}

/**
 * The inbox line of a live change, or null when it is not for the inbox: internal
 * bookkeeping, a circuit that came back up (only faults are news) or any alarm (the
 * circuit's state says it better). The inbox lists every change in the user's scope,
 * whatever the preferences; they decide what alerts (`alerts`).
 */
export function inboxLineOf(message: ChangeEventMessageDto): InboxLine | null {
  const data = message.data as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
  if (message.kind === 'ticket') {
    const pref = preferenceOf(message.action);
    if (!pref) return null;
    return {
      key: `ticket:${message.id}:${str(data['version']) || message.time}`,
      preference: pref,
      kind: 'ticket',
      objectId: message.id,
      text: `inbox.ticket.${pref}`,
      params: { id: message.id, name: str(data['name']), status: str(data['status']) },
    };
  }
  if (message.kind === 'circuit') {
    const state = str(data['state']);
    if (state !== 'down' && state !== 'degraded') return null;
    return {
      key: `circuit:${message.id}:${message.time}`,
      preference: 'circuitFaults',
      kind: 'circuit',
      objectId: message.id,
      text: `inbox.circuit.${state}`,
      params: { id: message.id, name: str(data['name']) || message.id },
    };
  }
  return null;
}

/**
 * Whether a line is also shown as a system notification: by the same preferences as push
 * and e-mail (a category turned off stays in the inbox, silently). A category the settings
 * do not name yet counts as on.
 */
export function alerts(line: Pick<InboxLine, 'preference'>, prefs: NotificationEventsDto): boolean {
  return prefs[line.preference] !== false;
}
