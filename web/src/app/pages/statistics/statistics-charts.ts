import type { MttrPointDto } from '@circuitcare/client';

import type { ChartTheme } from '../../ui/charts/echart.component';
import type { EChartsOption } from '../../ui/charts/echarts.loader';

/** Mean time to repair per week, with the number of tickets resolved that week. */
export function mttrChart(
  points: readonly MttrPointDto[],
  labels: { mttr: string; resolved: string },
  dateLabel: (iso: string) => string,
): (t: ChartTheme) => EChartsOption {
  return (t) => ({
    animation: false,
    aria: { enabled: true },
    grid: { left: 56, right: 56, top: 32, bottom: 28 },
    legend: { textStyle: { color: t.text }, top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: points.map((p) => dateLabel(p.from)),
      axisLabel: { color: t.muted },
    },
    yAxis: [
      {
        type: 'value',
        name: labels.mttr,
        nameTextStyle: { color: t.muted },
        axisLabel: { color: t.muted },
        splitLine: { lineStyle: { color: t.grid } },
      },
      { type: 'value', minInterval: 1, axisLabel: { color: t.muted }, splitLine: { show: false } },
    ],
    series: [
      {
        name: labels.mttr,
        type: 'line',
        connectNulls: false,
        itemStyle: { color: t.primary },
        data: points.map((p) => p.mttrMinutes),
      },
      {
        name: labels.resolved,
        type: 'bar',
        yAxisIndex: 1,
        itemStyle: { color: t.series[2] ?? t.muted },
        data: points.map((p) => p.resolved),
      },
    ],
  });
}

/** Counts by key (status, cause, severity) as horizontal bars, largest first. */
export function countsChart(
  rows: readonly { key: string; count: number }[],
  label: (key: string) => string,
): (t: ChartTheme) => EChartsOption {
  return (t) => ({
    animation: false,
    aria: { enabled: true },
    grid: { left: 120, right: 24, top: 8, bottom: 24 },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: t.muted },
      splitLine: { lineStyle: { color: t.grid } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => label(r.key)),
      axisLabel: { color: t.text },
    },
    series: [{ type: 'bar', itemStyle: { color: t.primary }, data: rows.map((r) => r.count) }],
  });
}
