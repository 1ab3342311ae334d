import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';

import { formatBps, formatNumber, formatPercent } from '../format';
import { type ChartTheme, EChartComponent, type ZoomWindow } from './echart.component';
import type { EChartsOption } from './echarts.loader';

/** One sample or bucket of a circuit's series (the API's PerformancePointDto, by field). */
export interface PerformanceSample {
  t: string;
  inBps: number;
  outBps: number;
  inUtil: number;
  outUtil: number;
  errorsPerSec: number;
  discardsPerSec: number;
}

export type PerformanceMetric = 'traffic' | 'utilisation' | 'errors';

export interface PerformanceChartLabels {
  in: string;
  out: string;
  p95In: string;
  p95Out: string;
  errors: string;
  discards: string;
}

/**
 * In/out traffic (or utilisation, or errors) over time with the p95 lines. Zooming
 * (wheel, drag, slider) reports the window it shows, so the page can ask the API for a
 * finer granularity of just that window.
 */
@Component({
  selector: 'cc-performance-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [EChartComponent],
  template: `<cc-echart
    [options]="options()"
    [label]="label()"
    (zoomed)="onZoom($event)"
    (rendered)="rendered.emit($event)"
  />`,
  styles: `
    :host {
      display: block;
      height: 300px;
    }
  `,
})
export class PerformanceChartComponent {
  readonly samples = input.required<readonly PerformanceSample[]>();
  readonly metric = input<PerformanceMetric>('traffic');
  /** p95 lines (bit/s) for the traffic view. */
  readonly p95 = input<{ in: number | null; out: number | null } | null>(null);
  readonly labels = input.required<PerformanceChartLabels>();
  readonly lang = input<'zh-CN' | 'en'>('zh-CN');
  readonly label = input<string>('');
  /** The window the user zoomed to (ISO times). */
  readonly zoomed = output<{ from: string; to: string }>();
  readonly rendered = output<number>();

  protected readonly options = computed(() => {
    const samples = this.samples();
    const metric = this.metric();
    const p95 = this.p95();
    const labels = this.labels();
    const lang = this.lang();
    const times = samples.map((s) => Date.parse(s.t));
    const pair = (pick: (s: PerformanceSample) => number) =>
      samples.map((s, i) => [times[i] ?? 0, pick(s)] as [number, number]);
    const format = (v: number) =>
      metric === 'traffic'
        ? formatBps(v, lang)
        : metric === 'utilisation'
          ? formatPercent(v, lang, 1)
          : formatNumber(v, lang, 2);
    const series =
      metric === 'traffic'
        ? [
            {
              name: labels.in,
              data: pair((s) => s.inBps),
              p95: p95?.in ?? null,
              p95Name: labels.p95In,
            },
            {
              name: labels.out,
              data: pair((s) => s.outBps),
              p95: p95?.out ?? null,
              p95Name: labels.p95Out,
            },
          ]
        : metric === 'utilisation'
          ? [
              { name: labels.in, data: pair((s) => s.inUtil), p95: null, p95Name: '' },
              { name: labels.out, data: pair((s) => s.outUtil), p95: null, p95Name: '' },
            ]
          : [
              { name: labels.errors, data: pair((s) => s.errorsPerSec), p95: null, p95Name: '' },
              {
                name: labels.discards,
                data: pair((s) => s.discardsPerSec),
                p95: null,
                p95Name: '',
              },
            ];
    return (theme: ChartTheme): EChartsOption => ({
      animation: false,
      aria: { enabled: true },
      color: [theme.primary, '#e8710a'],
      grid: { left: 72, right: 24, top: 36, bottom: 64 },
      legend: { top: 0, textStyle: { color: theme.muted } },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (typeof v === 'number' ? format(v) : String(v)),
      },
      xAxis: {
        type: 'time',
        axisLabel: { color: theme.muted, hideOverlap: true },
        axisLine: { lineStyle: { color: theme.grid } },
      },
      yAxis: {
        type: 'value',
        min: 0,
        axisLabel: { color: theme.muted, formatter: (v: number) => format(v) },
        splitLine: { lineStyle: { color: theme.grid, opacity: 0.6 } },
      },
      dataZoom: [
        { type: 'inside', filterMode: 'none', throttle: 100 },
        {
          type: 'slider',
          filterMode: 'none',
          height: 22,
          bottom: 8,
          textStyle: { color: theme.muted },
          borderColor: theme.grid,
        },
      ],
      series: series.map((s) => ({
        name: s.name,
        type: 'line',
        showSymbol: false,
        sampling: 'lttb',
        large: true,
        lineStyle: { width: 1.5 },
        areaStyle: metric === 'traffic' ? { opacity: 0.08 } : undefined,
        data: s.data,
        markLine:
          s.p95 !== null
            ? {
                symbol: 'none',
                silent: true,
                label: {
                  formatter: `${s.p95Name} ${format(s.p95)}`,
                  position: 'insideEndTop',
                  color: theme.text,
                },
                lineStyle: { type: 'dashed', width: 1.5 },
                data: [{ yAxis: s.p95 }],
              }
            : undefined,
      })),
    });
  });

  protected onZoom(window: ZoomWindow): void {
    if (
      !Number.isFinite(window.start) ||
      !Number.isFinite(window.end) ||
      window.end <= window.start
    ) {
      return;
    }
    this.zoomed.emit({
      from: new Date(window.start).toISOString(),
      to: new Date(window.end).toISOString(),
    });
  }
}
