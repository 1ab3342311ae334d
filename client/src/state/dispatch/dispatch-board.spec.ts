import { TestBed } from '@angular/core/testing';
import type { Action } from '@ngrx/store';
import { ReplaySubject, firstValueFrom, take, toArray } from 'rxjs';

import type { TeamDto } from '../../generated/models/team-dto';
import type { TicketDto } from '../../generated/models/ticket-dto';
import type { TicketSummaryDto } from '../../generated/models/ticket-summary-dto';
import { loaded } from '../shared/loadable.model';
import { problemBody, setUpApiTestBed } from '../testing/api-test-bed';
import { DispatchApiActions } from './dispatch-api.actions';
import { DispatchBoardPageActions } from './dispatch-board-page.actions';
import { boardCommands, loadBoard } from './dispatch-board.effects';
import {
  boardColumns,
  dispatchBoardFeature,
  initialDispatchBoardState,
} from './dispatch-board.feature';

const soon = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
const ticket = (id: string, over: Partial<TicketSummaryDto> = {}): TicketSummaryDto =>
  ({
    id,
    name: id,
    status: 'acknowledged',
    priority: 'P2',
    teamId: null,
    engineerName: null,
    escalationLevel: 0,
    restoreBreached: false,
    restoreDueAt: soon(60),
    lastUpdate: '',
    version: 1,
    ...over,
  }) as TicketSummaryDto;
const team = (id: string) =>
  ({ id, name: id, nameEn: id, memberUserIds: [] }) as unknown as TeamDto;

describe('dispatch board feature', () => {
  it('puts undispatched tickets first, each team’s in its column, nearest deadline on top', () => {
    const cols = boardColumns(
      [
        ticket('t1'),
        ticket('t2', { teamId: 'bj', restoreDueAt: soon(90) }),
        ticket('t3', { teamId: 'bj', restoreDueAt: soon(5), restoreBreached: true }),
        ticket('t4', { teamId: 'gone' }),
      ],
      [team('bj'), team('sh')],
      {},
    );
    expect(cols.map((c) => [c.teamId, c.tickets.map((t) => t.id)])).toEqual([
      [null, ['t1', 't4']],
      ['bj', ['t3', 't2']],
      ['sh', []],
    ]);
    expect(cols[1]!.breached).toBe(1);
  });

  it('shows a dropped ticket in its new column at once, and takes it back when refused', () => {
    const start = {
      ...initialDispatchBoardState,
      tickets: loaded([ticket('t1')]),
      teams: loaded([team('bj')]),
    };
    const moving = dispatchBoardFeature.reducer(
      start,
      DispatchBoardPageActions.dispatchRequested({
        ticketId: 't1',
        teamId: 'bj',
        engineerUserId: null,
      }),
    );
    const cols = dispatchBoardFeature.selectColumns.projector(
      moving.tickets,
      moving.teams,
      moving.pending,
    );
    expect(cols[1]!.tickets.map((t) => t.id)).toEqual(['t1']);
    const refused = dispatchBoardFeature.reducer(
      moving,
      DispatchApiActions.commandFailed({
        ticketId: 't1',
        error: { status: 409, title: '', detail: 'stale' },
      }),
    );
    expect(refused.pending).toEqual({});
    expect(refused.commandError?.ticketId).toBe('t1');
  });

  it('takes a resolved ticket off the board', () => {
    const start = { ...initialDispatchBoardState, tickets: loaded([ticket('t1'), ticket('t2')]) };
    const done = dispatchBoardFeature.reducer(
      start,
      DispatchApiActions.commandSucceeded({
        ticket: {
          id: 't1',
          status: 'resolved',
          assignment: { teamId: 'bj', engineerName: null },
          sla: { escalationLevel: 0, restore: { dueAt: null, breachedAt: null } },
        } as unknown as TicketDto,
      }),
    );
    expect(done.tickets.data?.map((t) => t.id)).toEqual(['t2']);
  });
});

describe('dispatch board effects', () => {
  let actions$: ReplaySubject<Action>;
  beforeEach(() => (actions$ = new ReplaySubject<Action>()));

  it('reads the open tickets by deadline and the queues', async () => {
    const http = setUpApiTestBed({ actions$: () => actions$ });
    const out = TestBed.runInInjectionContext(() =>
      firstValueFrom(loadBoard().pipe(take(2), toArray())),
    );
    actions$.next(DispatchBoardPageActions.opened());
    const list = http.expectOne((r) => r.url === '/api/v1/tickets');
    expect(list.request.params.get('status')).toBe('open');
    expect(list.request.params.get('sort')).toBe('restoreDueAt');
    list.flush({ items: [], page: 1, pageSize: 200, total: 0 });
    http.expectOne('/api/v1/tickets/queues').flush({ queues: [] });
    expect((await out).map((a) => a.type).sort()).toEqual(
      [DispatchApiActions.queuesLoaded.type, DispatchApiActions.ticketsLoaded.type].sort(),
    );
  });

  it('dispatches against the version on the board, and re-reads the board when it was stale', async () => {
    const http = setUpApiTestBed({
      actions$: () => actions$,
      state: {
        dispatchBoard: {
          ...initialDispatchBoardState,
          tickets: loaded([ticket('t1', { version: 7 })]),
        },
      },
    });
    const out = TestBed.runInInjectionContext(() =>
      firstValueFrom(boardCommands().pipe(take(2), toArray())),
    );
    actions$.next(
      DispatchBoardPageActions.dispatchRequested({
        ticketId: 't1',
        teamId: 'bj',
        engineerUserId: 'u-wang',
      }),
    );
    const req = http.expectOne('/api/v1/tickets/t1/dispatch');
    expect(req.request.body).toEqual({ teamId: 'bj', engineerUserId: 'u-wang', version: 7 });
    req.flush(problemBody(409, 'stale'), { status: 409, statusText: 'Conflict' });
    expect((await out).map((a) => a.type)).toEqual([
      DispatchApiActions.commandFailed.type,
      DispatchBoardPageActions.refreshRequested.type,
    ]);
  });
});
