import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideIonicAngular } from '@ionic/angular/standalone';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { TranslateModule } from '@ngx-translate/core';

import {
  CircuitDetailPageActions,
  type CircuitTopologyDto,
  type TicketDto,
  initialCircuitDetailState,
  initialTicketDetailState,
  loaded,
} from '@circuitcare/client';

import { Outbox } from '../../core/outbox/outbox.service';
import { JobDetailPage } from './job-detail.page';

const job = {
  id: 'TT-9',
  version: 3,
  name: 'Wuhan outlet down',
  priority: 'P1',
  region: 'Wuhan',
  status: 'inProgress',
  description: 'CPE unreachable',
  allowedTransitions: ['pending', 'resolved'],
  relatedEntity: [
    { id: 'SITE-1', '@referredType': 'Site', role: 'affected', name: 'Outlet 1' },
    { id: 'CKT-1', '@referredType': 'Circuit', role: 'affected', name: 'MPLS 1' },
  ],
  relatedParty: [],
  attachment: [],
  assignment: { engineerName: 'Wang', engineerUserId: 'u1', teamId: 't', dispatchedAt: null },
  fieldReport: { arrivedAt: null, causeCode: null, fixCode: null, progress: [] },
  sla: {
    escalationLevel: 0,
    restore: { dueAt: null, breachedAt: null },
    response: { dueAt: null, breachedAt: null },
  },
  timeline: [],
} as unknown as TicketDto;

const hop = (index: number, deviceId: string, status: string) => ({
  index,
  deviceId,
  name: deviceId,
  role: index === 0 ? 'cpe' : 'pe',
  siteName: `site of ${deviceId}`,
  status,
});

const route = {
  circuitId: 'CKT-1',
  name: 'MPLS 1',
  status: 'down',
  hops: [
    {
      ...hop(0, 'CPE-1', 'up'),
      inInterface: null,
      // The element answers; its port towards the PE does not.
      outInterface: { id: 'CPE-1:2', ifIndex: 2, ifName: 'GE0/0/2', status: 'down', alarmIds: [] },
    },
    hop(1, 'PE-1', 'down'),
  ],
  fault: {
    suspect: { kind: 'element', id: 'PE-1', name: 'PE-1 Wuhan', deviceIds: ['PE-1'] },
    segment: 'pe',
    confidence: 0.9,
  },
} as unknown as CircuitTopologyDto;

describe('JobDetailPage', () => {
  it("reads the job circuit's route only, and shows its hops with states and the located fault", async () => {
    TestBed.configureTestingModule({
      imports: [JobDetailPage, TranslateModule.forRoot()],
      providers: [
        provideIonicAngular(),
        {
          provide: Outbox,
          useValue: {
            items: signal([]),
            sending: signal(false),
            enqueue: () => Promise.resolve(),
            discard: () => Promise.resolve(),
          },
        },
        provideMockStore({
          initialState: {
            ticketDetail: {
              ...initialTicketDetailState,
              open: true,
              ticketId: 'TT-9',
              ticket: loaded(job),
            },
            circuitDetail: {
              ...initialCircuitDetailState,
              open: true,
              circuitId: 'CKT-1',
              parts: ['topology'],
              topology: loaded(route),
            },
          },
        }),
      ],
    });
    const store = TestBed.inject(MockStore);
    const dispatched: unknown[] = [];
    store.scannedActions$.subscribe((a) => dispatched.push(a));
    const fixture = TestBed.createComponent(JobDetailPage);
    fixture.componentRef.setInput('id', 'TT-9');
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;

    expect(dispatched).toContainEqual(
      CircuitDetailPageActions.opened({ circuitId: 'CKT-1', parts: ['topology'] }),
    );
    const section = el.querySelector('[data-testid="job-route"]')!;
    expect(section).not.toBeNull();
    const hops = [...section.querySelectorAll('[data-testid^="hop-"]')].map((li) => [
      li.getAttribute('data-testid'),
      li.className.includes('cc-border-down') ? 'down' : 'up',
    ]);
    expect(hops).toEqual([
      ['hop-CPE-1', 'up'],
      ['hop-PE-1', 'down'],
    ]);
    const ports = [...section.querySelectorAll('[data-testid="port-state"]')];
    expect(ports.map((p) => p.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'GE0/0/2 · enum.state.down',
    ]);
    expect(ports[0]?.className).toContain('cc-state-down');
    expect(section.querySelector('[data-testid="located-fault"]')?.textContent).toContain(
      'PE-1 Wuhan',
    );
    expect(section.querySelector('[data-testid="no-fault"]')).toBeNull();

    fixture.destroy();
    expect(dispatched).toContainEqual(CircuitDetailPageActions.closed());
  });
});
