import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';

/**
 * Charts for the PDFs: ECharts renders an option to SVG on the server (the same library
 * and options the web app draws on screen), resvg turns the SVG into a PNG with the
 * report's CJK font (ADR 0018). Pure CPU, no browser.
 */
export interface ChartFonts {
  regular: string;
  family: string;
}

const COLORS = ['#1f4e79', '#2e86c1', '#f39c12', '#c0392b', '#27ae60', '#8e44ad', '#7f8c8d'];

export function renderChart(
  option: echarts.EChartsCoreOption,
  width: number,
  height: number,
  fonts: ChartFonts,
): Buffer {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      color: COLORS,
      textStyle: { fontFamily: fonts.family },
      ...option,
    });
    const svg = chart.renderToSVGString();
    const png = new Resvg(svg, {
      fitTo: { mode: 'zoom', value: 2 },
      background: '#ffffff',
      font: { loadSystemFonts: false, fontFiles: [fonts.regular], defaultFontFamily: fonts.family },
    })
      .render()
      .asPng();
    return Buffer.from(png);
  } finally {
    chart.dispose();
  }
}

export function barChart(input: {
  title: string;
  categories: string[];
  values: Array<number | null>;
  unit: string;
  horizontal?: boolean;
  markLine?: { value: number; label: string };
  min?: number;
  max?: number;
}): echarts.EChartsCoreOption {
  const valueAxis = {
    type: 'value',
    min: input.min,
    max: input.max,
    axisLabel: { formatter: `{value}${input.unit}` },
  };
  const categoryAxis = { type: 'category', data: input.categories, axisLabel: { fontSize: 9 } };
  return {
    title: { text: input.title, left: 'center', textStyle: { fontSize: 13 } },
    grid: { left: input.horizontal ? 150 : 50, right: 30, top: 40, bottom: 40 },
    xAxis: input.horizontal ? valueAxis : categoryAxis,
    yAxis: input.horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: [
      {
        type: 'bar',
        data: input.values,
        label: { show: true, position: input.horizontal ? 'right' : 'top', fontSize: 8 },
        markLine: input.markLine
          ? {
              symbol: 'none',
              data: [
                {
                  [input.horizontal ? 'xAxis' : 'yAxis']: input.markLine.value,
                  name: input.markLine.label,
                },
              ],
              label: { formatter: input.markLine.label, fontSize: 9 },
              lineStyle: { color: '#c0392b', type: 'dashed' },
            }
          : undefined,
      },
    ],
  };
}

export function lineChart(input: {
  title: string;
  categories: string[];
  series: Array<{ name: string; values: Array<number | null>; axis: 0 | 1; type?: 'line' | 'bar' }>;
  axes: Array<{ name: string; min?: number; max?: number }>;
}): echarts.EChartsCoreOption {
  return {
    title: { text: input.title, left: 'center', textStyle: { fontSize: 13 } },
    legend: { bottom: 0 },
    grid: { left: 60, right: 60, top: 45, bottom: 45 },
    xAxis: { type: 'category', data: input.categories },
    yAxis: input.axes.map((a) => ({
      type: 'value',
      name: a.name,
      min: a.min,
      max: a.max,
      scale: true,
    })),
    series: input.series.map((s) => ({
      name: s.name,
      type: s.type ?? 'line',
      yAxisIndex: s.axis,
      data: s.values,
      label: { show: true, fontSize: 8 },
    })),
  };
}

export function pieChart(
  title: string,
  slices: Array<{ name: string; value: number }>,
): echarts.EChartsCoreOption {
  return {
    title: { text: title, left: 'center', textStyle: { fontSize: 13 } },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        top: 30,
        data: slices,
        label: { formatter: '{b}: {c}', fontSize: 10 },
      },
    ],
  };
}
