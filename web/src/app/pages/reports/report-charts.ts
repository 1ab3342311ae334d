import type { ReportCircuitAvailabilityDto } from '@circuitcare/client';
import type { ReportTrendPointDto } from '@circuitcare/client';
import type { ReportUtilisationDto } from '@circuitcare/client';

import type { ChartTheme } from '../../ui/charts/echart.component';
import type { EChartsOption } from '../../ui/charts/echarts.loader';

/** The report's on-screen charts as ECharts options: the same figures the PDF draws. */
export const CHART_ROWS = 15;

/** The circuits furthest below 100 %, each against its SLA target. */
export function availabilityChart(
  rows: readonly ReportCircuitAvailabilityDto[],
  labels: { availability: string; target: string },
): (t: ChartTheme) => EChartsOption {
  const worst = [...rows].sort((a, b) => a.availability - b.availability).slice(0, CHART_ROWS);
  return (t) => ({
    animation: false,
    aria: { enabled: true },
    grid: { left: 160, right: 24, top: 28, bottom: 28 },
    legend: { textStyle: { color: t.text }, top: 0 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: unknown) => `${(Number(v) * 100).toFixed(3)} %`,
    },
    xAxis: {
      type: 'value',
      min: (v: { min: number }) => Math.max(0, Math.floor(v.min * 1000) / 1000 - 0.001),
      max: 1,
      axisLabel: { color: t.muted, formatter: (v: number) => `${(v * 100).toFixed(1)}%` },
      splitLine: { lineStyle: { color: t.grid } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: worst.map((r) => r.name),
      axisLabel: { color: t.text, width: 150, overflow: 'truncate' },
    },
    series: [
      {
        name: labels.availability,
        type: 'bar',
        data: worst.map((r) => ({
          value: r.availability,
          itemStyle: { color: r.sla === 'met' ? t.up : t.down },
        })),
      },
      {
        name: labels.target,
        type: 'scatter',
        symbol: 'rect',
        symbolSize: [3, 14],
        itemStyle: { color: t.text },
        data: worst.map((r) => r.target),
      },
    ],
  });
}

/** p95 utilisation of the most loaded circuits, with the upgrade threshold. */
export function utilisationChart(
  rows: readonly ReportUtilisationDto[],
  threshold: number,
  labels: { p95: string; max: string; threshold: string },
): (t: ChartTheme) => EChartsOption {
  const top = rows
    .filter((r) => r.p95Util !== null)
    .sort((a, b) => (b.p95Util ?? 0) - (a.p95Util ?? 0))
    .slice(0, CHART_ROWS);
  const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
  return (t) => ({
    animation: false,
    aria: { enabled: true },
    grid: { left: 160, right: 24, top: 28, bottom: 28 },
    legend: { textStyle: { color: t.text }, top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${String(v)} %` },
    xAxis: {
      type: 'value',
      max: 100,
      axisLabel: { color: t.muted, formatter: '{value}%' },
      splitLine: { lineStyle: { color: t.grid } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: top.map((r) => r.name),
      axisLabel: { color: t.text, width: 150, overflow: 'truncate' },
    },
    series: [
      {
        name: labels.p95,
        type: 'bar',
        data: top.map((r) => ({
          value: pct(r.p95Util),
          itemStyle: { color: (r.p95Util ?? 0) >= threshold ? t.degraded : t.primary },
        })),
        markLine: {
          symbol: 'none',
          label: { formatter: labels.threshold, color: t.text },
          lineStyle: { color: t.down, type: 'dashed' },
          data: [{ xAxis: pct(threshold) }],
        },
      },
      {
        name: labels.max,
        type: 'scatter',
        itemStyle: { color: t.muted },
        data: top.map((r) => pct(r.maxUtil)),
      },
    ],
  });
}

/** This period against the previous ones: mean availability and incidents. */
export function trendChart(
  points: readonly ReportTrendPointDto[],
  labels: { availability: string; incidents: string },
): (t: ChartTheme) => EChartsOption {
  return (t) => ({
    animation: false,
    aria: { enabled: true },
    grid: { left: 60, right: 60, top: 32, bottom: 28 },
    legend: { textStyle: { color: t.text }, top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: points.map((p) => p.label),
      axisLabel: { color: t.muted },
    },
    yAxis: [
      {
        type: 'value',
        scale: true,
        axisLabel: { color: t.muted, formatter: (v: number) => `${v.toFixed(2)}%` },
        splitLine: { lineStyle: { color: t.grid } },
      },
      { type: 'value', minInterval: 1, axisLabel: { color: t.muted }, splitLine: { show: false } },
    ],
    series: [
      {
        name: labels.availability,
        type: 'line',
        itemStyle: { color: t.primary },
        data: points.map((p) =>
          p.meanAvailability === null ? null : Math.round(p.meanAvailability * 1e5) / 1e3,
        ),
      },
      {
        name: labels.incidents,
        type: 'bar',
        yAxisIndex: 1,
        itemStyle: { color: t.degraded },
        data: points.map((p) => p.incidents),
      },
    ],
  });
}
