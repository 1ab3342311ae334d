import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterNextRender,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';

import { Preferences } from '../../core/preferences.service';
import { type ECharts, type EChartsOption, loadECharts } from './echarts.loader';

/** Colours of the current theme, read from the CSS variables so charts follow light/dark. */
export interface ChartTheme {
  text: string;
  muted: string;
  grid: string;
  surface: string;
  primary: string;
  up: string;
  degraded: string;
  down: string;
  unknown: string;
  series: string[];
}

export function readChartTheme(element: Element): ChartTheme {
  // Custom properties come back unresolved (`light-dark(…)`, `var(…)`): a probe element
  // resolves each one to the rgb() the canvas can use.
  const probe = element.ownerDocument.createElement('span');
  probe.style.display = 'none';
  element.appendChild(probe);
  const v = (name: string, fallback: string) => {
    probe.style.color = fallback;
    probe.style.color = `var(${name}, ${fallback})`;
    return getComputedStyle(probe).color || fallback;
  };
  const theme: ChartTheme = {
    text: v('--mat-sys-on-surface', '#1b1b1f'),
    muted: v('--mat-sys-on-surface-variant', '#44474e'),
    grid: v('--mat-sys-outline-variant', '#c4c6d0'),
    surface: v('--mat-sys-surface', '#ffffff'),
    primary: v('--mat-sys-primary', '#005cbb'),
    up: v('--cc-up', '#1b7f3b'),
    degraded: v('--cc-degraded', '#8a5300'),
    down: v('--cc-down', '#b3261e'),
    unknown: v('--cc-unknown', '#5d5f63'),
    series: [],
  };
  theme.series = [theme.primary, '#e8710a', '#12b5cb', '#9334e6', '#1e8e3e'];
  probe.remove();
  return theme;
}

/** What the chart reports when the user zooms with the data-zoom slider or wheel. */
export interface ZoomWindow {
  /** Start and end of the visible window, in axis values (epoch ms on a time axis). */
  start: number;
  end: number;
}

/**
 * The one place that owns an ECharts instance: created after render, resized with its
 * host, options replaced when the input or the theme changes, disposed with the view.
 * Internal to the chart wrappers (`ui/charts`); pages use the wrappers' typed inputs.
 */
@Component({
  selector: 'cc-echart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'img', '[attr.aria-label]': 'label()' },
  template: '',
  styles: `
    :host {
      display: block;
      width: 100%;
      height: 100%;
      min-height: 120px;
    }
  `,
})
export class EChartComponent {
  /** Builds the options from the theme's colours. */
  readonly options = input.required<(theme: ChartTheme) => EChartsOption>();
  readonly label = input<string>('');
  readonly zoomed = output<ZoomWindow>();
  readonly clicked = output<{ seriesName?: string; dataIndex: number; data: unknown }>();
  /** The first frame is drawn (for the benchmark and tests). */
  readonly rendered = output<number>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly prefs = inject(Preferences);
  private readonly chart = signal<ECharts | null>(null);

  constructor() {
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      let disposed = false;
      let observer: ResizeObserver | null = null;
      destroyRef.onDestroy(() => {
        disposed = true;
        observer?.disconnect();
        this.chart()?.dispose();
      });
      void loadECharts().then((echarts) => {
        if (disposed) return;
        const chart = echarts.init(this.host.nativeElement, undefined, { renderer: 'canvas' });
        chart.on('datazoom', () => this.emitZoom(chart));
        chart.on('click', (p) => {
          const params = p as { seriesName?: string; dataIndex: number; data: unknown };
          this.clicked.emit({
            seriesName: params.seriesName,
            dataIndex: params.dataIndex,
            data: params.data,
          });
        });
        chart.on('finished', () => this.rendered.emit(performance.now()));
        observer = new ResizeObserver(() => chart.resize());
        observer.observe(this.host.nativeElement);
        this.chart.set(chart);
      });
    });
    effect(() => {
      const chart = this.chart();
      const build = this.options();
      this.prefs.dark(); // re-read the colours when the theme flips
      if (!chart) return;
      const theme = readChartTheme(this.host.nativeElement);
      chart.setOption(build(theme), { notMerge: true, lazyUpdate: true });
    });
  }

  private emitZoom(chart: ECharts): void {
    const option = chart.getOption() as { dataZoom?: { startValue?: number; endValue?: number }[] };
    const zoom = option.dataZoom?.[0];
    if (zoom?.startValue !== undefined && zoom.endValue !== undefined) {
      this.zoomed.emit({ start: Number(zoom.startValue), end: Number(zoom.endValue) });
    }
  }
}
