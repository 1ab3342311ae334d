import { TestBed } from '@angular/core/testing';
import type { Action } from '@ngrx/store';
import { ReplaySubject, firstValueFrom } from 'rxjs';

import type { TicketDto } from '../../generated/models/ticket-dto';
import { setUpApiTestBed } from '../testing/api-test-bed';
import { minutesUntil, restoreCountdown, summaryCountdown } from './sla-countdown.model';
import {
  DEFAULT_TICKET_QUERY,
  TicketListPageActions,
  ticketQueryFromParams,
  ticketQueryToParams,
} from './ticket-list-page.actions';
import { initialTicketListState } from './ticket-list.feature';
import { TicketsApiActions } from './tickets-api.actions';
import { loadTicketList } from './tickets.effects';

const now = Date.parse('2030-01-01T08:00:00Z');
const clock = (over: object = {}) => ({
  breachedAt: null,
  dueAt: null,
  elapsedMinutes: null,
  met: null,
  stoppedAt: null,
  targetMinutes: 240,
  warnedAt: null,
  ...over,
});
const ticketOf = (over: Partial<TicketDto> = {}): TicketDto =>
  ({
    id: 'TT-1',
    version: 3,
    status: 'resolved',
    allowedTransitions: ['closed', 'reopened'],
    timeline: [
      {
        seq: 1,
        at: '',
        actor: 'bank-a.admin',
        summary: 'filed',
        type: 'created',
        visibility: 'public',
      },
      {
        seq: 2,
        at: '',
        actor: 'operator',
        summary: 'resolved',
        type: 'status',
        visibility: 'public',
      },
    ],
    sla: {
      escalationLevel: 0,
      paused: false,
      slaClass: 'gold',
      response: clock(),
      restore: clock({ dueAt: '2030-01-01T09:30:00Z' }),
    },
    ...over,
  }) as TicketDto;

describe('restore countdown', () => {
  it('counts the restore clock down, and says when it is paused or met', () => {
    expect(restoreCountdown(ticketOf(), now)).toMatchObject({ kind: 'running', minutesLeft: 90 });
    const paused = ticketOf({ sla: { ...ticketOf().sla, paused: true } });
    expect(restoreCountdown(paused, now)).toMatchObject({ kind: 'paused', minutesLeft: null });
    const met = ticketOf({
      sla: { ...ticketOf().sla, restore: clock({ met: true, stoppedAt: 'x', elapsedMinutes: 70 }) },
    });
    expect(restoreCountdown(met, now)).toMatchObject({ kind: 'met', elapsedMinutes: 70 });
    const overdue = ticketOf({
      sla: { ...ticketOf().sla, restore: clock({ dueAt: '2030-01-01T07:00:00Z' }) },
    });
    expect(restoreCountdown(overdue, now).minutesLeft).toBe(-60);
    expect(minutesUntil(null, now)).toBeNull();
    const row = { restoreDueAt: '2030-01-01T08:20:00Z', restoreBreached: false };
    expect(summaryCountdown({ ...row, status: 'inProgress' }, now)).toMatchObject({
      kind: 'running',
      minutesLeft: 20,
    });
    expect(summaryCountdown({ ...row, status: 'pending', restoreDueAt: null }, now).kind).toBe(
      'paused',
    );
    expect(summaryCountdown({ ...row, status: 'closed', restoreBreached: true }, now).kind).toBe(
      'missed',
    );
  });
});

describe('ticket list query', () => {
  it('round-trips through the URL and leaves defaults out', () => {
    const q = { ...DEFAULT_TICKET_QUERY, status: 'all' as const, circuitId: 'c-1', breached: true };
    expect(ticketQueryToParams(q)).toEqual({ status: 'all', circuit: 'c-1', breached: 'true' });
    expect(ticketQueryFromParams(ticketQueryToParams(q))).toEqual(q);
    expect(ticketQueryFromParams({ status: 'bogus', page: '-2' })).toEqual(DEFAULT_TICKET_QUERY);
  });
});

describe('tickets effects', () => {
  let actions$: ReplaySubject<Action>;
  beforeEach(() => (actions$ = new ReplaySubject<Action>()));

  it('reads the list with the filters of the query', async () => {
    const http = setUpApiTestBed({
      actions$: () => actions$,
      state: { ticketList: { ...initialTicketListState, open: true } },
    });
    const out = TestBed.runInInjectionContext(() => firstValueFrom(loadTicketList()));
    actions$.next(
      TicketListPageActions.queryChanged({
        query: { ...DEFAULT_TICKET_QUERY, circuitId: 'c-1' },
      }),
    );
    const req = http.expectOne((r) => r.url === '/api/v1/tickets');
    expect(req.request.params.get('status')).toBe('open');
    expect(req.request.params.get('circuitId')).toBe('c-1');
    expect(req.request.params.get('sort')).toBe('-lastUpdate');
    req.flush({ items: [], page: 1, pageSize: 50, total: 0 });
    expect((await out).type).toBe(TicketsApiActions.listLoaded.type);
  });
});
