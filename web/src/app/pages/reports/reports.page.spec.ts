import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { TranslateService } from '@ngx-translate/core';

import {
  ExportsActions,
  type ReportDto,
  ReportsPageActions,
  initialAuthState,
  initialCustomersState,
  initialReportsState,
} from '@circuitcare/client';

import { provideTestTranslations, useLanguage } from '../../../testing/translations.testing';
import { ReportsPage } from './reports.page';

const job = (over: Partial<ReportDto>): ReportDto =>
  ({
    id: 'r1',
    customerId: 'bank-a',
    kind: 'vip',
    state: 'running',
    progress: 40,
    stage: 'utilisation',
    from: '2026-10-31T16:00:00Z',
    to: '2026-11-30T16:00:00Z',
    pdfAvailable: false,
    vip: null,
    inspection: null,
    error: null,
    ...over,
  }) as ReportDto;

// The first render compiles the Material components: slow on a loaded 2-core box.
jest.setTimeout(30_000);

describe('ReportsPage', () => {
  async function render(current: ReportDto | null, lang: 'zh-CN' | 'en' = 'en') {
    TestBed.configureTestingModule({
      imports: [ReportsPage],
      providers: [
        provideRouter([]),
        provideMockStore({
          initialState: {
            auth: {
              ...initialAuthState,
              status: 'signed-in',
              user: { role: 'customer-admin', customerId: 'bank-a', displayName: 'A' },
            },
            customers: initialCustomersState,
            reports: {
              ...initialReportsState,
              open: true,
              customerId: 'bank-a',
              currentId: current?.id ?? null,
              current,
            },
          },
        }),
        ...provideTestTranslations(),
      ],
    });
    await useLanguage(TestBed.inject(TranslateService), lang);
    const store = TestBed.inject(MockStore);
    const dispatched: { type: string }[] = [];
    store.scannedActions$.subscribe((a) => dispatched.push(a));
    const fixture = TestBed.createComponent(ReportsPage);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement, dispatched };
  }

  it('opens for the caller’s own customer and shows the running job’s stage and progress', async () => {
    const { el, dispatched } = await render(job({}));
    expect(dispatched).toContainEqual(ReportsPageActions.opened({ customerId: 'bank-a' }));
    const bar = el.querySelector('[data-testid=report-progress]');
    expect(bar?.getAttribute('aria-valuenow')).toBe('40');
    expect(el.querySelector('[data-testid=report-job]')?.textContent).toContain(
      'Computing utilisation · 40 %',
    );
    // No second report while one runs.
    expect((el.querySelector('[data-testid=report-generate]') as HTMLButtonElement).disabled).toBe(
      true,
    );
    // A customer admin has no schedules (account managers and the NOC do).
    expect(el.querySelector('[data-testid=report-schedules]')).toBeNull();
  });

  it('requests the chosen month as a China-time calendar month', async () => {
    const { el, fixture, dispatched } = await render(null);
    (el.querySelector('[data-testid=report-generate]') as HTMLButtonElement).click();
    await fixture.whenStable();
    const requested = dispatched.find((a) => a.type === ReportsPageActions.reportRequested.type) as
      ReturnType<typeof ReportsPageActions.reportRequested> | undefined;
    // The PDF in the portal's language unless chosen otherwise (zh-CN on a first visit).
    expect(requested?.request).toMatchObject({
      customerId: 'bank-a',
      kind: 'vip',
      language: 'zh-CN',
    });
    expect(requested?.request.from).toMatch(/T16:00:00\.000Z$/);
  });

  it('offers the PDF of a finished report and downloads it through the operations tray', async () => {
    const { el, fixture, dispatched } = await render(
      job({ state: 'done', progress: 100, stage: 'done', pdfAvailable: true }),
      'zh-CN',
    );
    expect(el.querySelector('[data-testid=report-state]')?.textContent?.trim()).toBe('已完成');
    expect(el.querySelector('[data-testid=report-progress]')).toBeNull();
    (el.querySelector('[data-testid=report-pdf]') as HTMLButtonElement).click();
    await fixture.whenStable();
    const exported = dispatched.find((a) => a.type === ExportsActions.requested.type) as
      ReturnType<typeof ExportsActions.requested> | undefined;
    expect(exported?.request).toMatchObject({ kind: 'report-pdf', reportId: 'r1' });
  });
});
