import { Observable, firstValueFrom } from 'rxjs';

import type { ChangeEventMessageDto } from './generated/models/change-event-message-dto';
import type { EventTicketDto } from './generated/models/event-ticket-dto';

/** The `event:` names the API streams today (docs/api.md, live events). */
export const CHANGE_EVENT_NAMES = [
  'alarm.raised',
  'alarm.changed',
  'alarm.cleared',
  'alarm.acknowledged',
  'alarm.unacknowledged',
  'alarm.commented',
  'circuit.state',
  // Tickets (api/src/tickets/tickets.service.ts, `ticket.<action>`): EventSource hears only
  // the names it listens to, so every action is listed.
  'ticket.created',
  'ticket.updated',
  'ticket.status',
  'ticket.triaged',
  'ticket.note',
  'ticket.dispatched',
  'ticket.reassigned',
  'ticket.merged',
  'ticket.alarm-linked',
  'ticket.joined',
  'ticket.field-arrival',
  'ticket.field-progress',
  'ticket.field-cause',
  'ticket.stage',
  'ticket.circuit-changed',
  'ticket.circuit-reverted',
  'ticket.rated',
  'ticket.attachment',
  'ticket.sla-replanned',
  'ticket.sla-warn',
  'ticket.sla-breach',
  'ticket.sla-duty',
] as const;

export type ChangeStreamItem =
  | { type: 'change'; name: string; message: ChangeEventMessageDto }
  /** The subscription is in place (after a resume: the missed events were sent). */
  | { type: 'ready' }
  /** Events were lost (too far behind to resume): reload what is on screen. */
  | { type: 'resync' };

/** The part of the browser's EventSource used here (a fake in tests). */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(
    type: string,
    listener: (event: { data?: string; lastEventId?: string }) => void,
  ): void;
  close(): void;
}

export interface ChangeEventsOptions {
  /** Origin of the API, as given to provideCircuitCareApi. */
  rootUrl: string;
  /** A fresh single-use ticket: `() => inject(EventsService).eventsTicket()`. */
  ticket: () => Observable<EventTicketDto>;
  /** Delay before reconnecting after the stream fails. */
  retryMs?: number;
  eventSource?: (url: string) => EventSourceLike;
}

/**
 * The caller's live change events as an Observable. Each connection needs a new ticket
 * (EventSource cannot send the bearer token, and a ticket opens one stream only), so the
 * browser's own reconnection, which would reuse the spent ticket, is replaced by ours: on
 * any error the stream is closed and reopened with a new ticket and the last event id seen,
 * and the server resumes from there.
 */
export function changeEvents(options: ChangeEventsOptions): Observable<ChangeStreamItem> {
  const open: (url: string) => EventSourceLike =
    options.eventSource ?? ((url: string) => new EventSource(url));
  const retryMs = options.retryMs ?? 3000;
  return new Observable<ChangeStreamItem>((subscriber) => {
    let source: EventSourceLike | null = null;
    let lastEventId: string | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;

    const connect = async (): Promise<void> => {
      let ticket: string;
      try {
        ({ ticket } = await firstValueFrom(options.ticket()));
      } catch {
        // Not signed in any more, or the API is unreachable: try again later.
        scheduleReconnect();
        return;
      }
      if (stopped) return;
      const query = new URLSearchParams({ ticket });
      if (lastEventId) query.set('lastEventId', lastEventId);
      const es = open(`${options.rootUrl}/api/v1/events?${query.toString()}`);
      source = es;
      for (const name of CHANGE_EVENT_NAMES) {
        es.addEventListener(name, (event) => {
          if (event.lastEventId) lastEventId = event.lastEventId;
          try {
            subscriber.next({
              type: 'change',
              name,
              message: JSON.parse(event.data ?? '') as ChangeEventMessageDto,
            });
          } catch {
            // A frame that is not JSON is not an event of ours: skip it.
          }
        });
      }
      es.addEventListener('ready', () => subscriber.next({ type: 'ready' }));
      es.addEventListener('resync', () => subscriber.next({ type: 'resync' }));
      es.addEventListener('error', () => {
        if (source !== es) return;
        es.close();
        source = null;
        scheduleReconnect();
      });
    };

    const scheduleReconnect = (): void => {
      if (stopped || retry) return;
      retry = setTimeout(() => {
        retry = null;
        void connect();
      }, retryMs);
    };

    void connect();
    return () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      source?.close();
    };
  });
}
