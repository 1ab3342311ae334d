import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { concatLatestFrom } from '@ngrx/operators';
import { Store } from '@ngrx/store';
import {
  catchError,
  concat,
  concatMap,
  debounceTime,
  filter,
  from,
  map,
  merge,
  of,
  switchMap,
} from 'rxjs';

import type { CircuitSummaryDto } from '../../generated/models/circuit-summary-dto';
import { CircuitsService } from '../../generated/services/circuits.service';
import { TicketsService } from '../../generated/services/tickets.service';
import { LiveEventsActions } from '../live-events/live-events.actions';
import { ofChangeKind } from '../live-events/live-events.effects';
import { failureOf } from '../shared/loadable.model';
import { FaultReportApiActions } from './fault-report-api.actions';
import { FaultReportPageActions } from './fault-report-page.actions';
import { faultReportFeature } from './fault-report.feature';
import { PendingAttachments } from './pending-attachments.service';

export const CIRCUIT_SEARCH_DEBOUNCE_MS = 250;
/**
 * The API sorts states by name (degraded, down, up): one page of 50 holds every circuit
 * that is not up in the demo, and is put worst first here — a reporter usually looks for
 * the circuit that is down.
 */
export const CIRCUIT_SEARCH_SORT = 'state,name';
const CIRCUIT_SEARCH_PAGE = 50;
const STATE_RANK: Record<CircuitSummaryDto['state'], number> = { down: 0, degraded: 1, up: 2 };

export function worstFirst(circuits: readonly CircuitSummaryDto[]): CircuitSummaryDto[] {
  return [...circuits].sort(
    (a, b) => STATE_RANK[a.state] - STATE_RANK[b.state] || a.name.localeCompare(b.name, 'zh-CN'),
  );
}

export const searchCircuits = createEffect(
  (actions$ = inject(Actions), circuits = inject(CircuitsService)) =>
    merge(
      actions$.pipe(
        ofType(FaultReportPageActions.opened),
        map(() => ''),
      ),
      actions$.pipe(
        ofType(FaultReportPageActions.circuitSearched),
        debounceTime(CIRCUIT_SEARCH_DEBOUNCE_MS),
        map(({ q }) => q),
      ),
    ).pipe(
      switchMap((q) =>
        circuits
          .circuitsList({
            ...(q.trim() ? { q: q.trim() } : {}),
            pageSize: CIRCUIT_SEARCH_PAGE,
            sort: CIRCUIT_SEARCH_SORT,
          })
          .pipe(
            map((page) =>
              FaultReportApiActions.circuitsFound({ q, circuits: worstFirst(page.items) }),
            ),
            catchError((e: unknown) =>
              of(FaultReportApiActions.circuitsFailed({ q, error: failureOf(e) })),
            ),
          ),
      ),
    ),
  { functional: true },
);

/** What is already known, read when a circuit is picked and again when it changes live. */
export const preCheck = createEffect(
  (actions$ = inject(Actions), store = inject(Store), tickets = inject(TicketsService)) =>
    merge(
      actions$.pipe(
        ofType(FaultReportPageActions.opened, FaultReportPageActions.circuitPicked),
        map(({ circuitId }) => circuitId),
      ),
      actions$.pipe(
        ofType(LiveEventsActions.changeReceived),
        ofChangeKind('alarm', 'circuit', 'ticket'),
        debounceTime(1500),
        concatLatestFrom(() => store.select(faultReportFeature.selectFaultReportState)),
        filter(([, s]) => s.circuitId !== null && s.ticketId === null),
        map(([, s]) => s.circuitId),
      ),
    ).pipe(
      filter((id): id is string => id !== null),
      switchMap((circuitId) =>
        tickets.ticketsPreCheck({ circuitId }).pipe(
          map((p) => FaultReportApiActions.preCheckLoaded({ circuitId, preCheck: p })),
          catchError((e: unknown) =>
            of(FaultReportApiActions.preCheckFailed({ circuitId, error: failureOf(e) })),
          ),
        ),
      ),
    ),
  { functional: true },
);

export const fileReport = createEffect(
  (actions$ = inject(Actions), store = inject(Store), tickets = inject(TicketsService)) =>
    actions$.pipe(
      ofType(FaultReportPageActions.submitted),
      concatLatestFrom(() => store.select(faultReportFeature.selectCircuitId)),
      filter(([, circuitId]) => circuitId !== null),
      concatMap(([{ form }, circuitId]) =>
        tickets
          .ticketsCreate({
            body: {
              ticketType: 'fault',
              circuitId: circuitId ?? undefined,
              description: form.description.trim(),
              impact: form.impact,
              ...(form.severity ? { severity: form.severity } : {}),
              // Without a contact the API takes the reporter's own.
              ...(form.contactName?.trim()
                ? {
                    contact: {
                      name: form.contactName.trim(),
                      ...(form.contactPhone?.trim() ? { phone: form.contactPhone.trim() } : {}),
                    },
                  }
                : {}),
            },
          })
          .pipe(
            map((ticket) => FaultReportApiActions.filed({ ticket })),
            catchError((e: unknown) =>
              of(FaultReportApiActions.submitFailed({ error: failureOf(e) })),
            ),
          ),
      ),
    ),
  { functional: true },
);

export const joinTicket = createEffect(
  (actions$ = inject(Actions), tickets = inject(TicketsService)) =>
    actions$.pipe(
      ofType(FaultReportPageActions.joinRequested),
      concatMap(({ ticketId }) =>
        tickets.ticketsJoin({ id: ticketId }).pipe(
          map((ticket) => FaultReportApiActions.joined({ ticket })),
          catchError((e: unknown) =>
            of(FaultReportApiActions.submitFailed({ error: failureOf(e) })),
          ),
        ),
      ),
    ),
  { functional: true },
);

/** Photos go up one after the other once the ticket exists; a failed one does not stop the rest. */
export const uploadAttachments = createEffect(
  (
    actions$ = inject(Actions),
    tickets = inject(TicketsService),
    pending = inject(PendingAttachments),
  ) =>
    actions$.pipe(
      ofType(FaultReportApiActions.filed, FaultReportApiActions.joined),
      concatMap(({ ticket, type }) => {
        const files = type === FaultReportApiActions.filed.type ? pending.take() : [];
        const ticketId = ticket.id;
        return concat(
          from(files).pipe(
            concatMap(({ name, blob }) =>
              tickets
                .attachmentsUpload({ id: ticketId, body: { file: blob, visibility: 'public' } })
                .pipe(
                  map(() => FaultReportApiActions.attachmentUploaded({ ticketId, name })),
                  catchError((e: unknown) =>
                    of(
                      FaultReportApiActions.attachmentFailed({
                        ticketId,
                        name,
                        error: failureOf(e),
                      }),
                    ),
                  ),
                ),
            ),
          ),
          of(FaultReportApiActions.completed({ ticketId })),
        );
      }),
    ),
  { functional: true },
);

export const faultReportEffects = {
  searchCircuits,
  preCheck,
  fileReport,
  joinTicket,
  uploadAttachments,
};
