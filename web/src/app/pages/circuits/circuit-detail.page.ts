import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { Subject, debounceTime } from 'rxjs';

import {
  CircuitDetailPageActions,
  type TimeRange,
  authFeature,
  circuitDetailFeature,
  granularityFor,
  hasMajorIncident,
  lastDays,
  lastHours,
  monthToDate,
  previousMonth,
} from '@circuitcare/client';

import { Preferences } from '../../core/preferences.service';
import {
  AvailabilityTimelineComponent,
  type TimelineInterval,
} from '../../ui/availability-timeline.component';
import {
  type PerformanceChartLabels,
  PerformanceChartComponent,
  type PerformanceMetric,
} from '../../ui/charts/performance-chart.component';
import { ExportButtonComponent } from '../../ui/export-button.component';
import { FORMAT_PIPES } from '../../ui/format.pipes';
import { type GraphElement, RouteGraphComponent } from '../../ui/graphs/route-graph.component';
import { IconComponent } from '../../ui/icon.component';
import { StatusBadgeComponent } from '../../ui/status-badge.component';
import { EmergencyPlanPanelComponent } from '../emergency-plans/emergency-plan-panel.component';

interface RangePreset {
  key: string;
  range: () => TimeRange;
}

const PERFORMANCE_PRESETS: RangePreset[] = [
  { key: '6h', range: () => lastHours(6) },
  { key: '24h', range: () => lastHours(24) },
  { key: '3d', range: () => lastDays(3) },
  { key: '7d', range: () => lastDays(7) },
  { key: '30d', range: () => lastDays(30) },
  { key: '1y', range: () => lastDays(365) },
];

const AVAILABILITY_PRESETS: RangePreset[] = [
  { key: 'month', range: () => monthToDate() },
  { key: 'lastMonth', range: () => previousMonth() },
  { key: '7d', range: () => lastDays(7) },
  { key: '30d', range: () => lastDays(30) },
];

/** Zoom settles this long before the finer window is read from the API. */
const ZOOM_SETTLE_MS = 500;

/**
 * One circuit: its live state and located fault with the evidence, the route drawn hop
 * by hop, performance with p95 (zooming reads a finer granularity), availability against
 * the SLA with every down interval, alarms and maintenance on it, CSV exports.
 */
@Component({
  selector: 'cc-circuit-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatProgressBarModule,
    MatTooltipModule,
    TranslatePipe,
    IconComponent,
    StatusBadgeComponent,
    RouteGraphComponent,
    PerformanceChartComponent,
    AvailabilityTimelineComponent,
    ExportButtonComponent,
    EmergencyPlanPanelComponent,
    ...FORMAT_PIPES,
  ],
  templateUrl: './circuit-detail.page.html',
  styleUrl: './circuit-detail.page.scss',
})
export class CircuitDetailPage {
  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  private readonly store = inject(Store);
  private readonly translate = inject(TranslateService);
  protected readonly prefs = inject(Preferences);

  protected readonly state = this.store.selectSignal(circuitDetailFeature.selectCircuitDetailState);
  protected readonly fault = this.store.selectSignal(circuitDetailFeature.selectFault);
  protected readonly status = this.store.selectSignal(circuitDetailFeature.selectLiveStatus);
  protected readonly summary = this.store.selectSignal(
    circuitDetailFeature.selectPerformanceSummary,
  );
  protected readonly caps = this.store.selectSignal(authFeature.selectCapabilities);
  /** A located fault or a raised critical/major alarm: the emergency plan goes beside it. */
  protected readonly majorIncident = computed(() =>
    hasMajorIncident(this.fault(), this.state().alarms.data?.items),
  );

  protected readonly performancePresets = PERFORMANCE_PRESETS;
  protected readonly availabilityPresets = AVAILABILITY_PRESETS;
  protected readonly performancePreset = signal('24h');
  protected readonly availabilityPreset = signal('month');
  protected readonly metric = signal<PerformanceMetric>('traffic');
  private readonly zoom$ = new Subject<TimeRange>();

  protected readonly graphNodes = computed<readonly GraphElement[]>(
    () => this.state().topology.data?.cytoscape.nodes ?? [],
  );
  protected readonly graphEdges = computed<readonly GraphElement[]>(
    () => this.state().topology.data?.cytoscape.edges ?? [],
  );
  protected readonly chartLabels = computed<PerformanceChartLabels>(() => {
    this.prefs.language();
    const t = (k: string) => this.translate.instant(`performance.${k}`) as string;
    return {
      in: t('in'),
      out: t('out'),
      p95In: t('p95In'),
      p95Out: t('p95Out'),
      errors: t('errors'),
      discards: t('discards'),
    };
  });
  protected readonly expectedGranularity = computed(() =>
    granularityFor(this.state().performanceRange),
  );
  protected readonly timeline = computed<TimelineInterval[]>(() => {
    const a = this.state().availability.data;
    if (!a) return [];
    const down = a.unplannedIntervals.map((i) => ({
      from: i.from,
      to: i.to,
      kind: 'unplanned' as const,
      title: `${i.from} – ${i.to}`,
    }));
    const planned = a.evidence
      .filter((e) => e.source === 'maintenance')
      .map((e) => ({ from: e.from, to: e.to, kind: 'planned' as const, title: e.description }));
    return [...planned, ...down];
  });
  /** Interfaces and devices the fault evidence names: highlighted in the hop table. */
  protected readonly suspectDevices = computed(
    () => new Set(this.fault()?.suspect.deviceIds ?? []),
  );

  constructor() {
    effect(() => {
      const circuitId = this.id();
      untracked(() => {
        this.performancePreset.set('24h');
        this.availabilityPreset.set('month');
        this.store.dispatch(CircuitDetailPageActions.opened({ circuitId }));
      });
    });
    this.zoom$.pipe(debounceTime(ZOOM_SETTLE_MS)).subscribe((range) => {
      this.performancePreset.set('');
      this.store.dispatch(CircuitDetailPageActions.performanceRangeChanged({ range }));
    });
    inject(DestroyRef).onDestroy(() => {
      this.zoom$.complete();
      this.store.dispatch(CircuitDetailPageActions.closed());
    });
  }

  protected refresh(): void {
    this.store.dispatch(CircuitDetailPageActions.refreshRequested());
  }

  protected choosePerformance(key: string): void {
    const preset = PERFORMANCE_PRESETS.find((p) => p.key === key);
    if (!preset) return;
    this.performancePreset.set(key);
    this.store.dispatch(
      CircuitDetailPageActions.performanceRangeChanged({ range: preset.range() }),
    );
  }

  protected chooseAvailability(key: string): void {
    const preset = AVAILABILITY_PRESETS.find((p) => p.key === key);
    if (!preset) return;
    this.availabilityPreset.set(key);
    this.store.dispatch(
      CircuitDetailPageActions.availabilityRangeChanged({ range: preset.range() }),
    );
  }

  protected zoomed(range: TimeRange): void {
    const current = this.state().performanceRange;
    // The full window reported back after new data arrived is not a zoom.
    if (
      Math.abs(Date.parse(range.from) - Date.parse(current.from)) < 60_000 &&
      Math.abs(Date.parse(range.to) - Date.parse(current.to)) < 60_000
    ) {
      return;
    }
    this.zoom$.next(range);
  }
}
