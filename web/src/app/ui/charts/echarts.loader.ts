/**
 * ECharts, tree-shaken to what the portal draws and loaded on first use (a chunk of its
 * own, not in the initial bundle). Only the chart wrappers in this folder import it.
 */
export type ECharts = import('echarts/core').ECharts;
export type EChartsOption = import('echarts/core').EChartsCoreOption;

let loading: Promise<typeof import('echarts/core')> | null = null;

export function loadECharts(): Promise<typeof import('echarts/core')> {
  loading ??= (async () => {
    const [core, charts, components, renderers] = await Promise.all([
      import('echarts/core'),
      import('echarts/charts'),
      import('echarts/components'),
      import('echarts/renderers'),
    ]);
    core.use([
      charts.LineChart,
      charts.BarChart,
      charts.ScatterChart,
      charts.CustomChart,
      components.GridComponent,
      components.TooltipComponent,
      components.LegendComponent,
      components.DataZoomComponent,
      components.MarkLineComponent,
      components.MarkAreaComponent,
      components.VisualMapComponent,
      components.AriaComponent,
      renderers.CanvasRenderer,
    ]);
    return core;
  })();
  return loading;
}
