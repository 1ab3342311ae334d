import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { ActivatedRoute, Router } from '@angular/router';
import { Store } from '@ngrx/store';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';

import {
  CustomersPageActions,
  ExportsActions,
  ReportsPageActions,
  authFeature,
  customersFeature,
  reportsFeature,
} from '@circuitcare/client';

import { Preferences } from '../../core/preferences.service';
import { EChartComponent } from '../../ui/charts/echart.component';
import { FORMAT_PIPES } from '../../ui/format.pipes';
import { IconComponent } from '../../ui/icon.component';
import { StatusBadgeComponent } from '../../ui/status-badge.component';
import { availabilityChart, trendChart, utilisationChart } from './report-charts';
import { chinaMonth, monthOptions } from './report-period';

/**
 * VIP/SLA and inspection reports of a customer: request one for any month (or period),
 * follow the bull job's progress, read the figures on screen (ECharts), download the
 * PDF; the reports already made and the monthly schedules.
 */
@Component({
  selector: 'cc-reports-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSlideToggleModule,
    TranslatePipe,
    IconComponent,
    StatusBadgeComponent,
    EChartComponent,
    ...FORMAT_PIPES,
  ],
  templateUrl: './reports.page.html',
  styleUrl: './reports.page.scss',
})
export class ReportsPage {
  private readonly store = inject(Store);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly translate = inject(TranslateService);
  protected readonly prefs = inject(Preferences);

  protected readonly state = this.store.selectSignal(reportsFeature.selectReportsState);
  protected readonly vip = this.store.selectSignal(reportsFeature.selectCurrentVip);
  protected readonly inspection = this.store.selectSignal(reportsFeature.selectCurrentInspection);
  protected readonly running = this.store.selectSignal(reportsFeature.selectCurrentRunning);
  protected readonly caps = this.store.selectSignal(authFeature.selectCapabilities);
  private readonly ownCustomer = this.store.selectSignal(authFeature.selectOwnCustomerId);
  protected readonly customerOptions = this.store.selectSignal(customersFeature.selectOptions);

  protected readonly months = monthOptions(new Date(), 12);
  protected readonly kind = signal<'vip' | 'inspection'>('vip');
  protected readonly month = signal(this.months[1]!.key);
  protected readonly language = signal<'zh-CN' | 'en'>(this.prefs.language());
  protected readonly recipients = signal('');
  protected readonly dayOfMonth = signal(1);

  /** The customer chosen: the route's `?customer=`, the caller's own, or the first option. */
  private readonly queryCustomer = signal<string | null>(
    this.route.snapshot.queryParamMap.get('customer'),
  );
  protected readonly customerId = computed(
    () => this.queryCustomer() ?? this.ownCustomer() ?? this.customerOptions()[0]?.id ?? null,
  );
  protected readonly canSchedule = computed(
    () => this.caps().assignedCustomers || this.caps().allCustomers,
  );

  protected readonly availabilityOptions = computed(() => {
    const vip = this.vip();
    this.prefs.language();
    return vip
      ? availabilityChart(vip.availability, {
          availability: this.t('reports.availability'),
          target: this.t('reports.target'),
        })
      : null;
  });
  protected readonly utilisationOptions = computed(() => {
    const vip = this.vip();
    this.prefs.language();
    return vip
      ? utilisationChart(vip.utilisation, vip.upgradeThreshold, {
          p95: 'p95',
          max: this.t('reports.max'),
          threshold: this.t('reports.threshold'),
        })
      : null;
  });
  protected readonly trendOptions = computed(() => {
    const vip = this.vip();
    this.prefs.language();
    return vip
      ? trendChart(vip.trend, {
          availability: this.t('reports.meanAvailability'),
          incidents: this.t('reports.incidents'),
        })
      : null;
  });
  protected readonly upgrades = computed(() =>
    (this.vip()?.utilisation ?? []).filter((u) => u.upgradeToBps !== null),
  );

  constructor() {
    this.store.dispatch(CustomersPageActions.opened());
    effect(() => {
      const customerId = this.customerId();
      untracked(() => this.store.dispatch(ReportsPageActions.opened({ customerId })));
    });
    const reportId = this.route.snapshot.queryParamMap.get('report');
    if (reportId) this.store.dispatch(ReportsPageActions.reportOpened({ id: reportId }));
    inject(DestroyRef).onDestroy(() => this.store.dispatch(ReportsPageActions.closed()));
  }

  protected chooseCustomer(id: string): void {
    this.queryCustomer.set(id);
    void this.router.navigate([], { queryParams: { customer: id }, replaceUrl: true });
  }

  protected generate(): void {
    const customerId = this.customerId();
    const period = chinaMonth(this.month());
    if (!customerId || !period) return;
    this.store.dispatch(
      ReportsPageActions.reportRequested({
        request: { customerId, kind: this.kind(), ...period, language: this.language() },
      }),
    );
  }

  protected open(id: string): void {
    this.store.dispatch(ReportsPageActions.reportOpened({ id }));
  }

  protected downloadPdf(reportId: string): void {
    const id = `pdf-${reportId}-${Date.now().toString(36)}`;
    this.store.dispatch(
      ExportsActions.requested({ request: { id, kind: 'report-pdf', reportId } }),
    );
  }

  protected addSchedule(): void {
    const customerId = this.customerId();
    const recipients = this.recipients()
      .split(/[\s,;]+/)
      .map((r) => r.trim())
      .filter(Boolean);
    if (!customerId || recipients.length === 0) return;
    this.store.dispatch(
      ReportsPageActions.scheduleRequested({
        schedule: {
          customerId,
          kind: this.kind(),
          language: this.language(),
          dayOfMonth: this.dayOfMonth(),
          recipients,
        },
      }),
    );
    this.recipients.set('');
  }

  protected toggleSchedule(id: string, enabled: boolean): void {
    this.store.dispatch(ReportsPageActions.scheduleToggled({ id, enabled }));
  }

  protected customerName(id: string): string {
    return this.customerOptions().find((o) => o.id === id)?.name ?? id;
  }

  private t(key: string): string {
    return this.translate.instant(key) as string;
  }
}
