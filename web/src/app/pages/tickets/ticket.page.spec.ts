import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { TranslateService } from '@ngx-translate/core';

import {
  AttachmentDrafts,
  ExportsActions,
  TicketDetailPageActions,
  type TicketDto,
  initialAuthState,
  initialEmergencyPlansState,
  initialTicketDetailState,
  loaded,
} from '@circuitcare/client';

import { provideTestTranslations, useLanguage } from '../../../testing/translations.testing';
import { testPlan } from '../emergency-plans/emergency-plan.testing';
import { TicketPage } from './ticket.page';

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

const ticket = (over: Partial<TicketDto> = {}): TicketDto =>
  ({
    id: 'TT-1',
    name: 'BJ-SH 1 中断',
    version: 5,
    status: 'resolved',
    priority: 'P2',
    severity: 'major',
    channel: 'self-service',
    creationDate: '2030-01-01T00:00:00Z',
    allowedTransitions: ['closed', 'reopened'],
    assignment: {
      teamId: 'team-bj',
      engineerName: '王工',
      engineerUserId: 'u',
      dispatchedAt: '2030-01-01T00:30:00Z',
    },
    circuitIds: ['c-1'],
    attachment: [],
    impact: 'down',
    description: '业务中断',
    expectedResolutionDate: null,
    satisfaction: null,
    result: { restoreMinutes: null } as TicketDto['result'],
    timeline: [
      {
        seq: 1,
        at: '2030-01-01T00:00:00Z',
        actor: 'bank-a.admin',
        summary: '已提交',
        type: 'created',
        visibility: 'public',
      },
      {
        seq: 2,
        at: '2030-01-01T01:00:00Z',
        actor: 'operator',
        summary: '已解决',
        type: 'status',
        visibility: 'public',
      },
    ],
    sla: {
      escalationLevel: 0,
      paused: false,
      slaClass: 'gold',
      response: clock(),
      restore: clock({ dueAt: new Date(Date.now() + 90 * 60_000 + 30_000).toISOString() }),
    },
    ...over,
  }) as TicketDto;

describe('TicketPage', () => {
  async function render(t: TicketDto, role = 'customer-admin') {
    TestBed.configureTestingModule({
      imports: [TicketPage],
      providers: [
        provideRouter([]),
        provideMockStore({
          initialState: {
            auth: { ...initialAuthState, status: 'signed-in', user: { role } },
            ticketDetail: {
              ...initialTicketDetailState,
              open: true,
              ticketId: t.id,
              ticket: loaded(t),
            },
            emergencyPlans: {
              ...initialEmergencyPlansState,
              byCircuit: { 'c-1': loaded([testPlan()]) },
            },
          },
        }),
        ...provideTestTranslations(),
      ],
    });
    await useLanguage(TestBed.inject(TranslateService), 'zh-CN');
    const store = TestBed.inject(MockStore);
    const dispatched: { type: string }[] = [];
    store.scannedActions$.subscribe((a) => dispatched.push(a));
    const fixture = TestBed.createComponent(TicketPage);
    fixture.componentRef.setInput('id', t.id);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement, dispatched };
  }

  it('shows the status, the restore clock, who has it and the timeline newest first', async () => {
    const { el, dispatched } = await render(
      ticket({ status: 'inProgress', allowedTransitions: [] }),
    );
    expect(dispatched).toContainEqual(TicketDetailPageActions.opened({ ticketId: 'TT-1' }));
    expect(el.querySelector('[data-testid=ticket-status]')!.textContent).toContain('处理中');
    expect(el.querySelector('[data-testid=ticket-sla]')!.textContent).toContain(
      '剩余 1 小时 30 分',
    );
    expect(el.querySelector('[data-testid=ticket-assignee]')!.textContent).toContain('王工');
    const items = el.querySelectorAll('[data-testid=ticket-timeline] li');
    expect(items[0]!.textContent).toContain('已解决');
    expect(el.querySelector('[data-testid=ticket-confirm]')).toBeNull();
  });

  it("tells the customer it was dispatched without the operator's team id", async () => {
    const { el } = await render(
      ticket({
        status: 'inProgress',
        assignment: {
          teamId: null,
          engineerName: null,
          engineerUserId: null,
          dispatchedAt: '2030-01-01T00:30:00Z',
        },
      }),
    );
    expect(el.querySelector('[data-testid=ticket-assignee]')!.textContent).toContain(
      '已派单至运营商现场团队',
    );
  });

  it('says not dispatched while it is not', async () => {
    const { el } = await render(
      ticket({
        status: 'acknowledged',
        assignment: {
          teamId: null,
          engineerName: null,
          engineerUserId: null,
          dispatchedAt: null,
        },
      }),
    );
    expect(el.querySelector('[data-testid=ticket-assignee]')!.textContent).toContain('尚未派单');
  });

  it('lets the customer confirm a resolved ticket', async () => {
    const { el, fixture, dispatched } = await render(ticket());
    el.querySelector<HTMLButtonElement>('[data-testid=ticket-confirm]')!.click();
    await fixture.whenStable();
    expect(dispatched).toContainEqual(
      TicketDetailPageActions.transitionRequested({ status: 'closed', reason: null }),
    );
  });

  it('asks for a reason before reopening', async () => {
    const { el, fixture, dispatched } = await render(ticket());
    el.querySelector<HTMLButtonElement>('[data-testid=ticket-reopen]')!.click();
    await fixture.whenStable();
    expect(el.textContent).toContain('此操作需要填写原因');
    const reason = el.querySelector<HTMLInputElement>('[data-testid=ticket-reason]')!;
    reason.value = '仍然中断';
    reason.dispatchEvent(new Event('input'));
    el.querySelector<HTMLButtonElement>('[data-testid=ticket-reopen]')!.click();
    await fixture.whenStable();
    expect(dispatched).toContainEqual(
      TicketDetailPageActions.transitionRequested({ status: 'reopened', reason: '仍然中断' }),
    );
  });

  it('takes a rating once the ticket is resolved', async () => {
    const { el, fixture, dispatched } = await render(
      ticket({ status: 'closed', allowedTransitions: [] }),
    );
    el.querySelector<HTMLButtonElement>('[data-testid=ticket-rate-4]')!.click();
    await fixture.whenStable();
    el.querySelector<HTMLButtonElement>('[data-testid=ticket-rate-submit]')!.click();
    await fixture.whenStable();
    expect(dispatched).toContainEqual(
      TicketDetailPageActions.ratingSubmitted({ rating: 4, comment: '' }),
    );
  });

  it('offers the NOC its own transitions', async () => {
    const { el } = await render(
      ticket({ status: 'inProgress', allowedTransitions: ['pending', 'resolved', 'cancelled'] }),
      'noc-operator',
    );
    expect(el.querySelector('[data-testid=ticket-transition-resolved]')!.textContent).toContain(
      '标记为已解决',
    );
    expect(el.querySelector('[data-testid=ticket-rating]')).toBeNull();
  });

  it('takes a photo after filing and hands the file over once; opens an attachment', async () => {
    const { el, fixture, dispatched } = await render(
      ticket({
        status: 'inProgress',
        allowedTransitions: [],
        attachment: [
          {
            id: 'att-1',
            name: '机柜.jpg',
            size: 2048,
            visibility: 'public',
          } as TicketDto['attachment'][number],
        ],
      }),
    );
    const input = el.querySelector<HTMLInputElement>('[data-testid=attach-input]')!;
    const photo = new File(['jpeg'], 'port.jpg', { type: 'image/jpeg' });
    Object.defineProperty(input, 'files', { value: [photo], configurable: true });
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    const submitted = dispatched.find(
      (a) => a.type === TicketDetailPageActions.attachmentSubmitted.type,
    ) as ReturnType<typeof TicketDetailPageActions.attachmentSubmitted>;
    expect(submitted).toMatchObject({ name: 'port.jpg', visibility: 'public' });
    const drafts = TestBed.inject(AttachmentDrafts);
    expect(drafts.take(submitted.draftId)).toBe(photo);
    expect(drafts.take(submitted.draftId)).toBeNull();
    // Customers get no "operator staff only" switch.
    expect(el.textContent).not.toContain('仅运营商内部可见');

    el.querySelector<HTMLButtonElement>('[data-testid=attachment-link]')!.click();
    const download = dispatched.find((a) => a.type === ExportsActions.requested.type) as ReturnType<
      typeof ExportsActions.requested
    >;
    expect(download.request).toMatchObject({
      kind: 'attachment',
      attachmentId: 'att-1',
      name: '机柜.jpg',
    });
  });

  it('lists the related alarms, root cause first, and links the alarms of its circuits', async () => {
    const { el } = await render(
      ticket({
        status: 'inProgress',
        allowedTransitions: [],
        relatedEntity: [
          { '@referredType': 'Circuit', id: 'c-1', name: 'BJ-SH 1', role: 'affected' },
          { '@referredType': 'Alarm', id: 'a-2', name: 'highErrorRate', role: 'correlated' },
          { '@referredType': 'Alarm', id: 'a-1', name: 'linkDown', role: 'rootCause' },
        ],
      }),
    );
    const items = [...el.querySelectorAll('[data-testid=ticket-alarms] li')].map((li) =>
      li.textContent.replace(/\s+/g, ' ').trim(),
    );
    expect(items).toEqual(['linkDown 根因', 'highErrorRate 相关']);
    expect(el.querySelector('[data-testid=ticket-circuit-alarms]')!.getAttribute('href')).toBe(
      '/alarms?circuit=c-1&state=all',
    );
  });

  it('offers no upload on a finished ticket, nor to a viewer', async () => {
    const { el } = await render(ticket({ status: 'closed', allowedTransitions: [] }));
    expect(el.querySelector('[data-testid=attach]')).toBeNull();
    TestBed.resetTestingModule();
    const viewer = await render(
      ticket({ status: 'inProgress', allowedTransitions: [] }),
      'customer-viewer',
    );
    expect(viewer.el.querySelector('[data-testid=attach]')).toBeNull();
  });

  it('puts the emergency plan of the circuit beside an open fault, not a closed one', async () => {
    const { el } = await render(
      ticket({ ticketType: 'fault', status: 'inProgress', allowedTransitions: [] }),
    );
    const panel = el.querySelector('[data-testid=emergency-plan-panel]');
    expect(panel?.textContent).toContain('金桥支行专线中断应急预案');
    expect(panel?.querySelector('[data-testid=plan-contact-call]')?.getAttribute('href')).toBe(
      'tel:+8613800000001',
    );
    TestBed.resetTestingModule();
    const closed = await render(
      ticket({ ticketType: 'fault', status: 'closed', allowedTransitions: [] }),
    );
    expect(closed.el.querySelector('[data-testid=emergency-plan-panel]')).toBeNull();
  });
});
