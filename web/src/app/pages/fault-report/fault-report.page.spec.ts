import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { TranslateService } from '@ngx-translate/core';

import {
  FaultReportPageActions,
  PendingAttachments,
  type PreCheckDto,
  initialFaultReportState,
  loaded,
} from '@circuitcare/client';

import { provideTestTranslations, useLanguage } from '../../../testing/translations.testing';
import { FaultReportPage } from './fault-report.page';

const preCheck: PreCheckDto = {
  operatorAware: true,
  openTickets: [
    {
      id: 'TT-7',
      name: 'BJ-SH 1 中断',
      status: 'inProgress',
      channel: 'proactive',
      circuitIds: ['c-1'],
      creationDate: '',
      customerId: 'bank-a',
      engineerName: null,
      escalationLevel: 0,
      lastUpdate: '',
      priority: 'P2',
      region: null,
      restoreBreached: false,
      restoreDueAt: null,
      severity: 'major',
      teamId: null,
      ticketType: 'fault',
      version: 1,
    },
  ],
  circuits: [
    {
      id: 'c-1',
      name: 'BJ-SH 1',
      slaClass: 'gold',
      state: 'down',
      stateSince: '2030-01-01T00:00:00Z',
      activeAlarms: [],
      fault: {
        causeId: 'cause-1',
        confidence: 0.9,
        evidence: [],
        otherCauseIds: [],
        otherSupportingFacts: 0,
        segment: 'pe',
        severity: 'down',
        suspect: {
          kind: 'element',
          id: 'pe-bj-1',
          name: 'PE-BJ-1',
          deviceIds: ['pe-bj-1'],
          interfaceIds: [],
          segment: 'pe',
        },
      },
    },
  ],
};

describe('FaultReportPage', () => {
  async function render(faultReport = initialFaultReportState) {
    TestBed.configureTestingModule({
      imports: [FaultReportPage],
      providers: [
        provideRouter([]),
        provideMockStore({ initialState: { faultReport } }),
        ...provideTestTranslations(),
      ],
    });
    await useLanguage(TestBed.inject(TranslateService), 'zh-CN');
    const store = TestBed.inject(MockStore);
    const dispatched: { type: string }[] = [];
    store.scannedActions$.subscribe((a) => dispatched.push(a));
    const fixture = TestBed.createComponent(FaultReportPage);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement, store, dispatched };
  }

  const picked = {
    ...initialFaultReportState,
    circuitId: 'c-1',
    preCheck: loaded(preCheck),
  };

  it('lists circuits to pick from, worst first as the API sends them', async () => {
    const { el, fixture, dispatched } = await render({
      ...initialFaultReportState,
      circuits: loaded([
        {
          id: 'c-1',
          name: 'BJ-SH 1',
          state: 'down',
          activeAlarmCount: 2,
          aEnd: { siteName: '北京' },
          zEnd: { siteName: '上海' },
        } as never,
      ]),
    });
    expect(dispatched).toContainEqual(FaultReportPageActions.opened({ circuitId: null }));
    const option = el.querySelector<HTMLButtonElement>('[data-testid=report-circuit-option]')!;
    expect(option.textContent).toContain('中断');
    option.click();
    await fixture.whenStable();
    expect(dispatched).toContainEqual(FaultReportPageActions.circuitPicked({ circuitId: 'c-1' }));
  });

  it('shows the located fault and the open ticket to join', async () => {
    const { el, fixture, dispatched } = await render(picked);
    expect(el.querySelector('[data-testid=report-known-fault]')!.textContent).toContain('PE-BJ-1');
    expect(el.querySelector('[data-testid=report-operator-aware]')).not.toBeNull();
    el.querySelector<HTMLButtonElement>('[data-testid=report-join]')!.click();
    await fixture.whenStable();
    expect(dispatched).toContainEqual(FaultReportPageActions.joinRequested({ ticketId: 'TT-7' }));
  });

  it('says what is missing instead of filing an empty report', async () => {
    const { el, fixture, dispatched } = await render(picked);
    el.querySelector<HTMLButtonElement>('[data-testid=report-submit]')!.click();
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=report-problems]')!.textContent).toContain(
      '请选择影响程度',
    );
    expect(dispatched.some((a) => a.type === FaultReportPageActions.submitted.type)).toBe(false);
  });

  it('files the impact, description and photos chosen', async () => {
    const { el, fixture, dispatched } = await render(picked);
    el.querySelector<HTMLButtonElement>('[data-testid=report-impact-down] button')!.click();
    const text = el.querySelector<HTMLTextAreaElement>('[data-testid=report-description]')!;
    text.value = '全部业务中断，无法访问';
    text.dispatchEvent(new Event('input'));
    const input = el.querySelector<HTMLInputElement>('[data-testid=report-photos]')!;
    const photo = new File(['x'], 'cabinet.jpg', { type: 'image/jpeg' });
    Object.defineProperty(input, 'files', { value: [photo], configurable: true });
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=report-photo-list]')!.textContent).toContain(
      'cabinet.jpg',
    );
    el.querySelector<HTMLButtonElement>('[data-testid=report-submit]')!.click();
    await fixture.whenStable();
    expect(dispatched).toContainEqual(
      FaultReportPageActions.submitted({
        form: {
          description: '全部业务中断，无法访问',
          impact: 'down',
          contactName: '',
          contactPhone: '',
        },
        attachments: ['cabinet.jpg'],
      }),
    );
    expect(
      TestBed.inject(PendingAttachments)
        .take()
        .map((f) => f.name),
    ).toEqual(['cabinet.jpg']);
  });

  it('goes to the ticket once it is filed', async () => {
    const { store, fixture } = await render(picked);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    store.setState({ faultReport: { ...picked, ticketId: 'TT-9', completed: true } });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/tickets', 'TT-9']);
  });
});
