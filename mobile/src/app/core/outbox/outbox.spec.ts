import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  type TestRequest,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideMockStore } from '@ngrx/store/testing';

import { type TicketDto, provideCircuitCareApi } from '@circuitcare/client';

import { Connectivity } from '../connectivity.service';
import { LOCAL_DB, openLocalDb } from '../local-db';
import { Outbox } from './outbox.service';
import { CLOCK_SKEW_MS, type QueuedAction, verdictOf } from './queued-action.model';

const ticket = (over: Partial<TicketDto> = {}): TicketDto =>
  ({
    id: 'TT-1',
    version: 2,
    status: 'inProgress',
    attachment: [],
    fieldReport: { arrivedAt: null, causeCode: null, fixCode: null, progress: [] },
    ...over,
  }) as TicketDto;

const queued = (action: QueuedAction['action'], queuedAt = '2026-12-03T10:00:00.000Z') => ({
  action,
  queuedAt,
});

describe('verdictOf', () => {
  it('drops an action whose effect the ticket already shows', () => {
    const done = ticket({
      status: 'resolved',
      attachment: [{ sha256: 'abc' } as TicketDto['attachment'][number]],
      fieldReport: {
        arrivedAt: '2026-12-03T10:01:00Z',
        causeCode: 'FIBER_CUT',
        fixCode: 'SPLICE',
        progress: [{ at: '2026-12-03T10:02:00Z', text: 'splicing', by: 'Wang' }],
      },
    });
    expect(verdictOf(queued({ kind: 'accept' }), done)).toBe('applied');
    expect(verdictOf(queued({ kind: 'arrival', text: null }), done)).toBe('applied');
    expect(verdictOf(queued({ kind: 'progress', text: 'splicing' }), done)).toBe('applied');
    expect(
      verdictOf(
        queued({ kind: 'cause', causeCode: 'FIBER_CUT', fixCode: 'SPLICE', text: null }),
        done,
      ),
    ).toBe('applied');
    expect(
      verdictOf(
        queued({
          kind: 'photo',
          name: 'a.png',
          type: 'image/png',
          bytes: new ArrayBuffer(1),
          sha256: 'abc',
        }),
        done,
      ),
    ).toBe('applied');
    expect(verdictOf(queued({ kind: 'resolve', reason: 'fixed' }), done)).toBe('applied');
  });

  it('sends what is not there yet; the same note long before is another note', () => {
    const t = ticket({
      status: 'acknowledged',
      fieldReport: {
        arrivedAt: null,
        causeCode: null,
        fixCode: null,
        progress: [
          {
            at: new Date(Date.parse('2026-12-03T10:00:00Z') - CLOCK_SKEW_MS - 1).toISOString(),
            text: 'splicing',
            by: 'Wang',
          },
        ],
      },
    });
    expect(verdictOf(queued({ kind: 'accept' }), t)).toBe('send');
    expect(verdictOf(queued({ kind: 'progress', text: 'splicing' }), t)).toBe('send');
    expect(verdictOf(queued({ kind: 'resolve', reason: 'x' }), t)).toBe('send');
    expect(
      verdictOf(queued({ kind: 'progress', text: 'x' }), ticket({ status: 'cancelled' })),
    ).toBe('obsolete');
  });
});

describe('Outbox', () => {
  let http: HttpTestingController;
  const online = signal(false);

  beforeEach(() => {
    online.set(false);
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideCircuitCareApi({ rootUrl: '' }),
        provideMockStore({
          initialState: {
            auth: { user: { id: 'u-wang', username: 'field.wang', role: 'field-engineer' } },
          },
        }),
        { provide: LOCAL_DB, useValue: openLocalDb(`outbox-test-${Math.random()}`) },
        { provide: Connectivity, useValue: { online } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  /** The next request to this URL (the queue works through IndexedDB between requests). */
  async function next(url: string): Promise<TestRequest> {
    for (let i = 0; i < 400; i++) {
      const [req] = http.match(url);
      if (req) return req;
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error(`no request to ${url}`);
  }

  it('keeps actions done offline and sends each once, in order, when online', async () => {
    const outbox = TestBed.inject(Outbox);
    await outbox.enqueue('TT-1', { kind: 'progress', text: 'at the cabinet' });
    await outbox.enqueue('TT-1', { kind: 'resolve', reason: 'spliced' });
    expect(outbox.waiting().map((i) => i.action.kind)).toEqual(['progress', 'resolve']);
    http.expectNone(() => true);

    online.set(true);
    const flushed = outbox.flush();
    // First: the ticket read; the note is not on it, so it is sent.
    (await next('/api/v1/tickets/TT-1')).flush(ticket());
    const note = await next('/api/v1/tickets/TT-1/field-reports');
    expect(note.request.body).toEqual({ kind: 'progress', text: 'at the cabinet' });
    // The answer is lost (the connection dropped): the note stays queued, the flush stops.
    note.error(new ProgressEvent('error'), { status: 0 });
    await flushed;
    expect(outbox.waiting()).toHaveLength(2);

    // Next flush: the ticket now shows the note (it did arrive), so only the resolve goes.
    const again = outbox.flush();
    (await next('/api/v1/tickets/TT-1')).flush(
      ticket({
        version: 3,
        fieldReport: {
          arrivedAt: null,
          causeCode: null,
          fixCode: null,
          progress: [{ at: new Date().toISOString(), text: 'at the cabinet', by: 'Wang' }],
        },
      }),
    );
    (await next('/api/v1/tickets/TT-1')).flush(ticket({ version: 3 }));
    const resolve = await next('/api/v1/tickets/TT-1/status');
    expect(resolve.request.body).toEqual({ status: 'resolved', reason: 'spliced', version: 3 });
    resolve.flush(ticket({ version: 4, status: 'resolved' }));
    await again;
    http.expectNone('/api/v1/tickets/TT-1/field-reports');
    expect(outbox.items()).toEqual([]);
  });

  it('sends an action tapped while the one before is on the wire, in the same flush', async () => {
    online.set(true);
    const outbox = TestBed.inject(Outbox);
    await outbox.enqueue('TT-1', { kind: 'accept' });
    const accept = outbox.flush();
    (await next('/api/v1/tickets/TT-1')).flush(ticket({ status: 'acknowledged' }));
    const transition = await next('/api/v1/tickets/TT-1/status');
    // "On site" is tapped while the accept is in flight.
    await outbox.enqueue('TT-1', { kind: 'arrival', text: null });
    transition.flush(ticket({ version: 3 }));
    (await next('/api/v1/tickets/TT-1')).flush(ticket({ version: 3 }));
    const arrival = await next('/api/v1/tickets/TT-1/field-reports');
    expect(arrival.request.body).toEqual({ kind: 'arrival' });
    arrival.flush(ticket({ version: 4 }));
    await accept;
    expect(outbox.items()).toEqual([]);
  });

  it('keeps an action the API refuses, marked, without blocking the rest', async () => {
    const outbox = TestBed.inject(Outbox);
    await outbox.enqueue('TT-1', {
      kind: 'cause',
      causeCode: 'BAD',
      fixCode: 'SPLICE',
      text: null,
    });
    online.set(true);
    const flushed = outbox.flush();
    (await next('/api/v1/tickets/TT-1')).flush(ticket());
    (await next('/api/v1/tickets/TT-1/field-reports')).flush(
      {
        type: 'x',
        title: 'Bad Request',
        status: 400,
        detail: 'causeCode must be …',
        instance: '/x',
      },
      {
        status: 400,
        statusText: 'Bad Request',
        headers: { 'content-type': 'application/problem+json' },
      },
    );
    await flushed;
    expect(outbox.items()[0]?.failed).toBe('causeCode must be …');
    expect(outbox.waiting()).toEqual([]);
  });
});
