import { TestBed } from '@angular/core/testing';
import type { Action } from '@ngrx/store';
import { ReplaySubject, firstValueFrom } from 'rxjs';

import type { TicketSummaryDto } from '../../generated/models/ticket-summary-dto';
import { setUpApiTestBed } from '../testing/api-test-bed';
import { OpenTicketsApiActions } from './open-tickets-api.actions';
import { OpenTicketsPageActions } from './open-tickets-page.actions';
import { loadOpenTickets } from './open-tickets.effects';
import {
  bySlaUrgency,
  initialOpenTicketsState,
  minutesToRestore,
  openTicketsFeature,
} from './open-tickets.feature';

const now = Date.now();
const inMinutes = (m: number) => new Date(now + m * 60_000).toISOString();
const ticket = (id: string, over: Partial<TicketSummaryDto> = {}): TicketSummaryDto => ({
  id,
  name: id,
  channel: 'self-service',
  circuitIds: [],
  creationDate: inMinutes(-60),
  customerId: 'bank-a',
  engineerName: null,
  escalationLevel: 0,
  lastUpdate: inMinutes(-5),
  priority: 'P3',
  region: null,
  restoreBreached: false,
  restoreDueAt: null,
  severity: 'major',
  status: 'inProgress',
  teamId: null,
  ticketType: 'fault',
  version: 1,
  ...over,
});

describe('open tickets', () => {
  it('puts the breached first, then the nearest restore deadline, paused clocks last', () => {
    const list = [
      ticket('paused', { restoreDueAt: null, priority: 'P1' }),
      ticket('later', { restoreDueAt: inMinutes(120) }),
      ticket('breached', { restoreDueAt: inMinutes(-10), restoreBreached: true }),
      ticket('soon', { restoreDueAt: inMinutes(15) }),
    ];
    expect([...list].sort(bySlaUrgency).map((t) => t.id)).toEqual([
      'breached',
      'soon',
      'later',
      'paused',
    ]);
    expect(minutesToRestore(ticket('x', { restoreDueAt: inMinutes(15) }), now)).toBe(15);
    expect(minutesToRestore(ticket('x'), now)).toBeNull();
  });

  it('keeps what it showed when a refresh fails, and selects by urgency', () => {
    const page = {
      items: [
        ticket('b', { restoreDueAt: inMinutes(9) }),
        ticket('a', { restoreDueAt: inMinutes(3) }),
      ],
      page: 1,
      pageSize: 50,
      total: 2,
    };
    const state = [
      OpenTicketsPageActions.opened(),
      OpenTicketsApiActions.loaded({ page }),
      OpenTicketsPageActions.refreshRequested(),
      OpenTicketsApiActions.loadFailed({ error: { status: 0, title: 'offline', detail: '' } }),
    ].reduce(openTicketsFeature.reducer, initialOpenTicketsState);
    expect(state.tickets.data).toBe(page);
    expect(state.tickets.error?.status).toBe(0);
    expect(state.tickets.loadedAt).not.toBeNull();
    expect(openTicketsFeature.selectByUrgency.projector(state.tickets).map((t) => t.id)).toEqual([
      'a',
      'b',
    ]);
  });

  it('reads the open tickets sorted by the restore deadline', async () => {
    const actions$ = new ReplaySubject<Action>();
    const http = setUpApiTestBed({ actions$: () => actions$ });
    const result = TestBed.runInInjectionContext(() => firstValueFrom(loadOpenTickets()));
    actions$.next(OpenTicketsPageActions.opened());
    const req = http.expectOne((r) => r.url === '/api/v1/tickets');
    expect(req.request.params.get('status')).toBe('open');
    expect(req.request.params.get('sort')).toBe('restoreDueAt');
    const page = { items: [ticket('t1')], page: 1, pageSize: 50, total: 1 };
    req.flush(page);
    expect(await result).toEqual(OpenTicketsApiActions.loaded({ page }));
  });
});
