import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Store } from '@ngrx/store';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';

import {
  CustomersPageActions,
  ExportsActions,
  StatisticsPageActions,
  type TimeRange,
  authFeature,
  customersFeature,
  lastDays,
  monthToDate,
  previousMonth,
  statisticsFeature,
} from '@circuitcare/client';

import { Preferences } from '../../core/preferences.service';
import { EChartComponent } from '../../ui/charts/echart.component';
import { formatDateTime } from '../../ui/format';
import { FORMAT_PIPES } from '../../ui/format.pipes';
import { IconComponent } from '../../ui/icon.component';
import { countsChart, mttrChart } from './statistics-charts';

type Period = 'month' | 'previous-month' | '90d' | '365d';

export function rangeOf(period: Period, now = new Date()): TimeRange {
  switch (period) {
    case 'month':
      return monthToDate(now);
    case 'previous-month':
      return previousMonth(now);
    case '90d':
      return lastDays(90, now);
    case '365d':
      return lastDays(365, now);
  }
}

/**
 * Service statistics for the NOC, management and account managers: tickets by type,
 * state and cause, SLA compliance, MTTR by week, alarm volumes and top talkers, per
 * customer and in total; CSV and Excel exports (audited) with progress in the tray.
 */
@Component({
  selector: 'cc-statistics-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    IconComponent,
    EChartComponent,
    ...FORMAT_PIPES,
  ],
  templateUrl: './statistics.page.html',
  styleUrl: './statistics.page.scss',
})
export class StatisticsPage {
  private readonly store = inject(Store);
  private readonly translate = inject(TranslateService);
  private readonly prefs = inject(Preferences);

  protected readonly state = this.store.selectSignal(statisticsFeature.selectStatisticsState);
  protected readonly total = this.store.selectSignal(statisticsFeature.selectTotal);
  protected readonly rows = this.store.selectSignal(statisticsFeature.selectCustomerRows);
  private readonly byStatus = this.store.selectSignal(statisticsFeature.selectTicketsByStatus);
  private readonly byCause = this.store.selectSignal(statisticsFeature.selectIncidentsByCause);
  protected readonly bySeverity = this.store.selectSignal(statisticsFeature.selectAlarmsBySeverity);
  protected readonly caps = this.store.selectSignal(authFeature.selectCapabilities);
  protected readonly customerOptions = this.store.selectSignal(customersFeature.selectOptions);

  protected readonly periods: Period[] = ['month', 'previous-month', '90d', '365d'];
  protected readonly period = signal<Period>('month');

  protected readonly mttrOptions = computed(() => {
    const points = this.state().statistics.data?.mttrTrend ?? [];
    const lang = this.prefs.language();
    return mttrChart(
      points,
      { mttr: this.t('statistics.mttrMinutes'), resolved: this.t('statistics.resolved') },
      (iso) => formatDateTime(iso, lang, 'date'),
    );
  });
  protected readonly statusOptions = computed(() => {
    const rows = this.byStatus();
    this.prefs.language();
    return countsChart(rows, (k) => this.t(`statistics.status.${k}`, k));
  });
  protected readonly causeOptions = computed(() => {
    const rows = this.byCause();
    this.prefs.language();
    return countsChart(rows, (k) => this.t(`statistics.cause.${k}`, k));
  });

  constructor() {
    this.store.dispatch(CustomersPageActions.opened());
    this.store.dispatch(
      StatisticsPageActions.opened({ customerId: null, range: rangeOf(this.period()) }),
    );
    inject(DestroyRef).onDestroy(() => this.store.dispatch(StatisticsPageActions.closed()));
  }

  protected choosePeriod(period: Period): void {
    this.period.set(period);
    this.store.dispatch(StatisticsPageActions.rangeChanged({ range: rangeOf(period) }));
  }

  protected chooseCustomer(customerId: string | null): void {
    this.store.dispatch(StatisticsPageActions.customerChanged({ customerId }));
  }

  protected export(kind: 'statistics-csv' | 'statistics-xlsx'): void {
    const { customerId, range } = this.state();
    if (!range) return;
    const id = `${kind}-${Date.now().toString(36)}`;
    this.store.dispatch(ExportsActions.requested({ request: { id, kind, customerId, range } }));
  }

  private t(key: string, fallback?: string): string {
    const text = this.translate.instant(key) as string;
    return text === key && fallback !== undefined ? fallback : text;
  }
}
