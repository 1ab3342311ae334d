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
  text: string;
  params: Record<string, string>;
  objectId: string;
  kind: 'ticket' | 'circuit';
}

/**
 * The inbox line of a live change, or null when it is not for the inbox: a ticket change
 * the user turned off, internal bookkeeping, a circuit that came back up (only faults are
 * news) or any alarm (the circuit's state says it better).
 */
export function inboxLineOf(
  message: ChangeEventMessageDto,
  prefs: NotificationEventsDto,
): InboxLine | null {
  const data = message.data as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
  if (message.kind === 'ticket') {
    const pref = preferenceOf(message.action);
    if (!pref || !prefs[pref]) return null;
    return {
      key: `ticket:${message.id}:${str(data['version']) || message.time}`,
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
      kind: 'circuit',
      objectId: message.id,
      text: `inbox.circuit.${state}`,
      params: { id: message.id, name: str(data['name']) || message.id },
    };
  }
  return null;
}
