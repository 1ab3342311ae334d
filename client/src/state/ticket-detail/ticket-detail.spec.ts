import { TestBed } from '@angular/core/testing';
import type { Action } from '@ngrx/store';
import { ReplaySubject, firstValueFrom, take, toArray } from 'rxjs';

import type { TicketDto } from '../../generated/models/ticket-dto';
import { LiveEventsActions } from '../live-events/live-events.actions';
import { loaded } from '../shared/loadable.model';
import { setUpApiTestBed } from '../testing/api-test-bed';
import { AttachmentDrafts } from './attachment-drafts.service';
import { canRate, customerChoices } from './ticket-command.model';
import { TicketDetailApiActions } from './ticket-detail-api.actions';
import { TicketDetailPageActions } from './ticket-detail-page.actions';
import { loadTicketDetail, ticketCommands } from './ticket-detail.effects';
import { initialTicketDetailState, ticketDetailFeature } from './ticket-detail.feature';

const ticket = (over: Partial<TicketDto> = {}): TicketDto =>
  ({
    id: 'TT-1',
    version: 3,
    status: 'resolved',
    allowedTransitions: ['closed', 'reopened'],
    satisfaction: null,
    timeline: [
      {
        seq: 1,
        at: '2026-12-03T10:00:00Z',
        type: 'status',
        visibility: 'public',
        actor: 'x',
        summary: 'a',
      },
      {
        seq: 2,
        at: '2026-12-03T11:00:00Z',
        type: 'status',
        visibility: 'public',
        actor: 'x',
        summary: 'b',
      },
    ],
    ...over,
  }) as TicketDto;

describe('ticket detail', () => {
  it('never puts an older version back over a newer one, and shows the newest entry first', () => {
    const state = [
      TicketDetailPageActions.opened({ ticketId: 'TT-1' }),
      TicketDetailApiActions.commandSucceeded({ ticketId: 'TT-1', ticket: ticket({ version: 4 }) }),
      TicketDetailApiActions.loaded({ ticketId: 'TT-1', ticket: ticket({ version: 3 }) }),
      TicketDetailApiActions.loaded({
        ticketId: 'TT-2',
        ticket: ticket({ id: 'TT-2', version: 9 }),
      }),
    ].reduce(ticketDetailFeature.reducer, initialTicketDetailState);
    expect(state.ticket.data?.version).toBe(4);
    expect(state.sending).toBe(false);
    expect(ticketDetailFeature.selectTimeline.projector(state.ticket).map((e) => e.seq)).toEqual([
      2, 1,
    ]);
  });

  it('offers confirm and reopen from the allowed transitions, and a rating once', () => {
    expect(customerChoices(ticket())).toEqual({ confirm: true, reopen: true });
    expect(
      customerChoices(ticket({ status: 'inProgress', allowedTransitions: ['cancelled'] })),
    ).toEqual({
      confirm: false,
      reopen: false,
    });
    expect(canRate(ticket())).toBe(true);
    expect(canRate(ticket({ satisfaction: { rating: 5, comment: '', at: 'x' } }))).toBe(false);
    expect(canRate(ticket({ status: 'inProgress' }))).toBe(false);
  });

  it('confirms against the version on screen and takes the answer', async () => {
    const actions$ = new ReplaySubject<Action>();
    const state = {
      ...initialTicketDetailState,
      open: true,
      ticketId: 'TT-1',
      ticket: loaded(ticket()),
    };
    const http = setUpApiTestBed({ actions$: () => actions$, state: { ticketDetail: state } });
    const result = TestBed.runInInjectionContext(() => firstValueFrom(ticketCommands()));
    actions$.next(TicketDetailPageActions.transitionRequested({ status: 'closed', reason: null }));
    const req = http.expectOne('/api/v1/tickets/TT-1/status');
    expect(req.request.body).toEqual({ status: 'closed', version: 3 });
    const next = ticket({ version: 4, status: 'closed', allowedTransitions: [] });
    req.flush(next);
    expect(await result).toEqual(
      TicketDetailApiActions.commandSucceeded({ ticketId: 'TT-1', ticket: next }),
    );
  });

  it('uploads a picked file once, then shows the ticket with it', async () => {
    const actions$ = new ReplaySubject<Action>();
    const state = {
      ...initialTicketDetailState,
      open: true,
      ticketId: 'TT-1',
      ticket: loaded(ticket({ status: 'inProgress' })),
    };
    const http = setUpApiTestBed({ actions$: () => actions$, state: { ticketDetail: state } });
    const drafts = TestBed.inject(AttachmentDrafts);
    const draftId = drafts.put(new Blob(['\x89PNG'], { type: 'image/png' }));
    const result = TestBed.runInInjectionContext(() =>
      firstValueFrom(ticketCommands().pipe(take(2), toArray())),
    );
    const submit = TicketDetailPageActions.attachmentSubmitted({
      draftId,
      name: 'cabinet.png',
      visibility: 'public',
    });
    actions$.next(submit);
    const upload = http.expectOne('/api/v1/tickets/TT-1/attachments');
    const body = upload.request.body as FormData;
    expect((body.get('file') as File).name).toBe('cabinet.png');
    expect(body.get('visibility')).toBe('public');
    upload.flush({ id: 'att-1', name: 'cabinet.png' });
    const next = ticket({ version: 4, status: 'inProgress' });
    http.expectOne('/api/v1/tickets/TT-1').flush(next);
    // The same action again finds no file: refused, nothing sent.
    actions$.next(submit);
    http.verify();
    expect(await result).toEqual([
      TicketDetailApiActions.commandSucceeded({ ticketId: 'TT-1', ticket: next }),
      TicketDetailApiActions.commandFailed({
        ticketId: 'TT-1',
        error: { status: 400, title: 'File no longer available', detail: 'Pick the file again.' },
      }),
    ]);
    expect([submit].reduce(ticketDetailFeature.reducer, state).sending).toBe(true);
  });

  it('reads the ticket again for a newer live change only', async () => {
    const actions$ = new ReplaySubject<Action>();
    const state = {
      ...initialTicketDetailState,
      open: true,
      ticketId: 'TT-1',
      ticket: loaded(ticket()),
    };
    const http = setUpApiTestBed({ actions$: () => actions$, state: { ticketDetail: state } });
    const result = TestBed.runInInjectionContext(() =>
      firstValueFrom(loadTicketDetail().pipe(take(1), toArray())),
    );
    const change = (id: string, version: number) =>
      LiveEventsActions.changeReceived({
        name: 'ticket.status',
        message: { kind: 'ticket', action: 'status', id, time: 'x', data: { version } },
      });
    actions$.next(change('TT-1', 3)); // what is shown already
    actions$.next(change('TT-9', 7)); // another ticket
    actions$.next(change('TT-1', 5));
    const req = http.expectOne('/api/v1/tickets/TT-1');
    http.verify();
    req.flush(ticket({ version: 5 }));
    expect((await result)[0]).toEqual(
      TicketDetailApiActions.loaded({ ticketId: 'TT-1', ticket: ticket({ version: 5 }) }),
    );
  });
});
