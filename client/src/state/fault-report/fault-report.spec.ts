import { TestBed } from '@angular/core/testing';
import type { Action } from '@ngrx/store';
import { ReplaySubject, firstValueFrom, take, toArray } from 'rxjs';

import type { PreCheckDto } from '../../generated/models/pre-check-dto';
import { problemBody, setUpApiTestBed } from '../testing/api-test-bed';
import { FaultReportApiActions } from './fault-report-api.actions';
import { FaultReportPageActions } from './fault-report-page.actions';
import { fileReport, preCheck, uploadAttachments, worstFirst } from './fault-report.effects';
import { faultReportFeature, initialFaultReportState } from './fault-report.feature';
import { PendingAttachments } from './pending-attachments.service';

const known: PreCheckDto = {
  operatorAware: true,
  openTickets: [{ id: 'TT-7' } as PreCheckDto['openTickets'][number]],
  circuits: [
    {
      id: 'c-1',
      name: 'BJ-SH 1',
      slaClass: 'gold',
      state: 'down',
      stateSince: '',
      activeAlarms: [],
      fault: null,
    },
  ],
};

describe('fault report feature', () => {
  it('keeps the pre-check of the circuit picked only, and tracks the photos of a filing', () => {
    const state = [
      FaultReportPageActions.opened({ circuitId: null }),
      FaultReportPageActions.circuitPicked({ circuitId: 'c-1' }),
      FaultReportApiActions.preCheckLoaded({ circuitId: 'c-9', preCheck: known }),
    ].reduce(faultReportFeature.reducer, initialFaultReportState);
    expect(state.preCheck).toMatchObject({ loading: true, data: null });
    const loaded = [
      FaultReportApiActions.preCheckLoaded({ circuitId: 'c-1', preCheck: known }),
      FaultReportPageActions.submitted({
        form: { description: 'down since 9:00', impact: 'down' },
        attachments: ['a.jpg', 'b.png'],
      }),
      FaultReportApiActions.filed({ ticket: { id: 'TT-8' } as never }),
      FaultReportApiActions.attachmentUploaded({ ticketId: 'TT-8', name: 'a.jpg' }),
      FaultReportApiActions.attachmentFailed({
        ticketId: 'TT-8',
        name: 'b.png',
        error: { status: 415, title: 'x', detail: 'not an image' },
      }),
      FaultReportApiActions.completed({ ticketId: 'TT-8' }),
    ].reduce(faultReportFeature.reducer, state);
    expect(faultReportFeature.selectKnownCircuit.projector(loaded.preCheck, 'c-1')?.state).toBe(
      'down',
    );
    expect(loaded).toMatchObject({
      ticketId: 'TT-8',
      completed: true,
      submitting: false,
      attachments: [
        { name: 'a.jpg', state: 'uploaded' },
        { name: 'b.png', state: 'failed' },
      ],
    });
  });
});

describe('circuit search', () => {
  it('puts down circuits first, then degraded, then up', () => {
    const c = (name: string, state: 'up' | 'down' | 'degraded') => ({ name, state }) as never;
    const sorted = worstFirst([c('b', 'degraded'), c('a', 'up'), c('c', 'down'), c('a', 'down')]);
    expect(sorted.map((x: { name: string }) => x.name)).toEqual(['a', 'c', 'b', 'a']);
  });
});

describe('fault report effects', () => {
  let actions$: ReplaySubject<Action>;
  beforeEach(() => (actions$ = new ReplaySubject<Action>()));

  it('asks what is known about the circuit picked', async () => {
    const http = setUpApiTestBed({ actions$: () => actions$ });
    const out = TestBed.runInInjectionContext(() => firstValueFrom(preCheck()));
    actions$.next(FaultReportPageActions.circuitPicked({ circuitId: 'c-1' }));
    http.expectOne('/api/v1/tickets/pre-check?circuitId=c-1').flush(known);
    expect(await out).toEqual(
      FaultReportApiActions.preCheckLoaded({ circuitId: 'c-1', preCheck: known }),
    );
  });

  it('files a fault on the circuit picked, with the contact only when given', async () => {
    const http = setUpApiTestBed({
      actions$: () => actions$,
      state: { faultReport: { ...initialFaultReportState, circuitId: 'c-1' } },
    });
    const out = TestBed.runInInjectionContext(() => firstValueFrom(fileReport()));
    actions$.next(
      FaultReportPageActions.submitted({
        form: { description: ' no traffic ', impact: 'down', contactName: '', contactPhone: '1' },
        attachments: [],
      }),
    );
    const req = http.expectOne('/api/v1/tickets');
    expect(req.request.body).toEqual({
      ticketType: 'fault',
      circuitId: 'c-1',
      description: 'no traffic',
      impact: 'down',
    });
    req.flush(problemBody(400, 'description too short'), { status: 400, statusText: 'Bad' });
    expect(await out).toMatchObject({
      type: FaultReportApiActions.submitFailed.type,
      error: { status: 400, detail: 'description too short' },
    });
  });

  it('uploads each photo to the new ticket, goes on after a failure, then completes', async () => {
    const http = setUpApiTestBed({ actions$: () => actions$ });
    TestBed.inject(PendingAttachments).set([
      { name: 'a.jpg', blob: new Blob(['a']) },
      { name: 'b.png', blob: new Blob(['b']) },
    ]);
    const out = TestBed.runInInjectionContext(() =>
      firstValueFrom(uploadAttachments().pipe(take(3), toArray())),
    );
    actions$.next(FaultReportApiActions.filed({ ticket: { id: 'TT-8' } as never }));
    const first = http.expectOne('/api/v1/tickets/TT-8/attachments');
    expect(first.request.body).toBeInstanceOf(FormData);
    first.flush(problemBody(415, 'no'), { status: 415, statusText: 'Unsupported' });
    http.expectOne('/api/v1/tickets/TT-8/attachments').flush({ id: 'att-2' });
    expect((await out).map((a) => a.type)).toEqual([
      FaultReportApiActions.attachmentFailed.type,
      FaultReportApiActions.attachmentUploaded.type,
      FaultReportApiActions.completed.type,
    ]);
    expect(TestBed.inject(PendingAttachments).take()).toEqual([]);
  });
});
