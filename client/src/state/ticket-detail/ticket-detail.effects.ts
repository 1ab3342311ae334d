import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { concatLatestFrom } from '@ngrx/operators';
import { Store } from '@ngrx/store';
import { type Observable, catchError, concatMap, filter, map, merge, of, switchMap } from 'rxjs';

import type { TicketDto } from '../../generated/models/ticket-dto';
import { TicketsService } from '../../generated/services/tickets.service';
import { LiveEventsActions } from '../live-events/live-events.actions';
import { ofChangeKind } from '../live-events/live-events.effects';
import { type Failure, failureOf } from '../shared/loadable.model';
import { AttachmentDrafts } from './attachment-drafts.service';
import { TicketDetailApiActions } from './ticket-detail-api.actions';
import { TicketDetailPageActions } from './ticket-detail-page.actions';
import { ticketDetailFeature } from './ticket-detail.feature';

/** Reads the ticket when the page opens, on refresh, and when a live event says it changed. */
export const loadTicketDetail = createEffect(
  (actions$ = inject(Actions), store = inject(Store), tickets = inject(TicketsService)) =>
    merge(
      actions$.pipe(
        ofType(TicketDetailPageActions.opened),
        map(({ ticketId }) => ticketId),
      ),
      actions$.pipe(
        ofType(TicketDetailPageActions.refreshRequested, LiveEventsActions.resync),
        concatLatestFrom(() => store.select(ticketDetailFeature.selectTicketDetailState)),
        filter(([, s]) => s.open && s.ticketId !== null),
        map(([, s]) => s.ticketId as string),
      ),
      actions$.pipe(
        ofType(LiveEventsActions.changeReceived),
        ofChangeKind('ticket'),
        concatLatestFrom(() => store.select(ticketDetailFeature.selectTicketDetailState)),
        // Only a change newer than what is shown (our own command already brought it).
        filter(
          ([{ message }, s]) =>
            s.open &&
            s.ticketId === message.id &&
            versionOf(message.data) > (s.ticket.data?.version ?? 0),
        ),
        map(([{ message }]) => message.id),
      ),
    ).pipe(
      switchMap((ticketId) =>
        tickets.ticketsDetail({ id: ticketId }).pipe(
          map((ticket) => TicketDetailApiActions.loaded({ ticketId, ticket })),
          catchError((e: unknown) =>
            of(TicketDetailApiActions.loadFailed({ ticketId, error: failureOf(e) })),
          ),
        ),
      ),
    ),
  { functional: true },
);

/** A draft taken twice (the same action replayed): nothing to upload. */
const gone: Failure = {
  status: 400,
  title: 'File no longer available',
  detail: 'Pick the file again.',
};

function versionOf(data: object): number {
  const v = (data as { version?: unknown }).version;
  return typeof v === 'number' ? v : Number.POSITIVE_INFINITY;
}

/** The customer's changes, one after another, each against the version on screen. */
export const ticketCommands = createEffect(
  (
    actions$ = inject(Actions),
    store = inject(Store),
    tickets = inject(TicketsService),
    drafts = inject(AttachmentDrafts),
  ) =>
    actions$.pipe(
      ofType(
        TicketDetailPageActions.transitionRequested,
        TicketDetailPageActions.noteSubmitted,
        TicketDetailPageActions.ratingSubmitted,
        TicketDetailPageActions.attachmentSubmitted,
      ),
      concatLatestFrom(() => store.select(ticketDetailFeature.selectTicketDetailState)),
      filter(([, s]) => s.ticket.data !== null),
      concatMap(([action, s]) => {
        const ticket = s.ticket.data as TicketDto;
        const id = ticket.id;
        let call: Observable<TicketDto>;
        switch (action.type) {
          case TicketDetailPageActions.transitionRequested.type:
            call = tickets.ticketsTransition({
              id,
              body: {
                status: action.status,
                version: ticket.version,
                ...(action.reason ? { reason: action.reason } : {}),
              },
            });
            break;
          case TicketDetailPageActions.noteSubmitted.type:
            call = tickets.ticketsNote({ id, body: { text: action.text, visibility: 'public' } });
            break;
          case TicketDetailPageActions.ratingSubmitted.type:
            call = tickets.ticketsRate({
              id,
              body: { rating: action.rating, comment: action.comment },
            });
            break;
          case TicketDetailPageActions.attachmentSubmitted.type: {
            const blob = drafts.take(action.draftId);
            if (!blob)
              return of(TicketDetailApiActions.commandFailed({ ticketId: id, error: gone }));
            const file = new File([blob], action.name, { type: blob.type });
            // The upload answers with the file's reference; the page shows the ticket as it is now.
            call = tickets
              .attachmentsUpload({ id, body: { file, visibility: action.visibility } })
              .pipe(switchMap(() => tickets.ticketsDetail({ id })));
            break;
          }
        }
        return call.pipe(
          map((next) => TicketDetailApiActions.commandSucceeded({ ticketId: id, ticket: next })),
          catchError((e: unknown) =>
            of(TicketDetailApiActions.commandFailed({ ticketId: id, error: failureOf(e) })),
          ),
        );
      }),
    ),
  { functional: true },
);

export const ticketDetailEffects = { loadTicketDetail, ticketCommands };
