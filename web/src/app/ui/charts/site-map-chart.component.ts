import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';

import { type ChartTheme, EChartComponent } from './echart.component';
import type { EChartsOption } from './echarts.loader';

export interface MapSite {
  id: string;
  name: string;
  lat: number;
  lon: number;
  status: 'up' | 'degraded' | 'down' | 'unknown';
  circuits: number;
}

/**
 * Sites on their coordinates, coloured by status, the worst drawn on top; no base map
 * tiles (the portal runs on closed networks), the shape of the province shows through
 * the sites themselves.
 */
@Component({
  selector: 'cc-site-map-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [EChartComponent],
  template: `<cc-echart
    [options]="options()"
    [label]="label()"
    (clicked)="onClick($event.data)"
  />`,
  styles: `
    :host {
      display: block;
      height: 320px;
    }
  `,
})
export class SiteMapChartComponent {
  readonly sites = input.required<readonly MapSite[]>();
  readonly label = input<string>('');
  /** Names of the statuses in the user's language, for the legend. */
  readonly statusNames = input<Record<MapSite['status'], string>>({
    up: 'up',
    degraded: 'degraded',
    down: 'down',
    unknown: 'unknown',
  });
  readonly siteSelected = output<string>();

  protected readonly options = computed(() => {
    const sites = this.sites();
    const names = this.statusNames();
    const order: MapSite['status'][] = ['up', 'unknown', 'degraded', 'down'];
    return (theme: ChartTheme): EChartsOption => ({
      animation: false,
      aria: { enabled: true },
      grid: { left: 8, right: 8, top: 28, bottom: 8, containLabel: false },
      legend: { top: 0, textStyle: { color: theme.muted } },
      tooltip: {
        trigger: 'item',
        formatter: (p: unknown) => {
          const d = (p as { data: { site: MapSite } }).data.site;
          return `${escape(d.name)}<br/>${escape(names[d.status])} · ${d.circuits}`;
        },
      },
      xAxis: { type: 'value', scale: true, show: false },
      yAxis: { type: 'value', scale: true, show: false },
      series: order.map((status) => ({
        name: names[status],
        type: 'scatter',
        symbolSize: status === 'down' ? 14 : status === 'degraded' ? 11 : 7,
        z: order.indexOf(status) + 1,
        itemStyle: {
          color: theme[status],
          opacity: status === 'up' ? 0.55 : 0.95,
          borderColor: theme.surface,
          borderWidth: 1,
        },
        data: sites
          .filter((s) => s.status === status)
          .map((site) => ({ value: [site.lon, site.lat], site })),
      })),
    });
  });

  protected onClick(data: unknown): void {
    const site = (data as { site?: MapSite } | null)?.site;
    if (site) this.siteSelected.emit(site.id);
  }
}

function escape(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c,
  );
}
