import { readChartTheme } from '../charts/echart.component';
import type { CyStylesheet } from './cytoscape.loader';

/**
 * The network's look, shared by the route and the customer topology: elements by role,
 * links by kind, status by colour (red down, amber degraded), the located fault outlined
 * thick and dashed, shared operator elements in a neutral frame.
 */
export function networkStyle(host: Element): CyStylesheet {
  const t = readChartTheme(host);
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        color: t.text,
        'font-size': 11,
        'font-family': 'Noto Sans CJK SC, Noto Sans SC, sans-serif',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'min-zoomed-font-size': 7,
        'background-color': t.up,
        width: 22,
        height: 22,
        'border-width': 2,
        'border-color': t.surface,
      },
    },
    { selector: 'node.role-cpe', style: { shape: 'round-rectangle', width: 20, height: 16 } },
    { selector: 'node.role-access', style: { shape: 'ellipse' } },
    { selector: 'node.role-pe', style: { shape: 'hexagon', width: 26, height: 26 } },
    { selector: 'node.role-core', style: { shape: 'diamond', width: 30, height: 30 } },
    { selector: 'node.state-up', style: { 'background-color': t.up } },
    { selector: 'node.state-degraded', style: { 'background-color': t.degraded } },
    { selector: 'node.state-down', style: { 'background-color': t.down } },
    { selector: 'node.state-unknown', style: { 'background-color': t.unknown } },
    {
      selector: 'node.silent',
      style: { 'background-color': t.unknown, 'border-style': 'dashed', 'border-color': t.down },
    },
    {
      selector: ':parent',
      style: {
        'background-opacity': 0.05,
        'background-color': t.primary,
        'border-width': 1,
        'border-color': t.grid,
        'text-valign': 'top',
        'text-halign': 'center',
        'text-margin-y': -2,
        'font-size': 12,
        color: t.muted,
        padding: '10px',
        shape: 'round-rectangle',
      },
    },
    { selector: 'node.site:parent', style: { 'background-opacity': 0.02, 'font-size': 10 } },
    { selector: 'node.org-unit.state-down', style: { 'border-color': t.down, 'border-width': 2 } },
    {
      selector: 'node.org-unit.state-degraded',
      style: { 'border-color': t.degraded, 'border-width': 2 },
    },
    {
      selector: 'node.operator-network',
      style: { 'background-color': t.muted, 'background-opacity': 0.06 },
    },
    { selector: 'node.out-of-scope', style: { opacity: 0.5 } },
    {
      selector: 'edge',
      style: {
        width: 2,
        'line-color': t.grid,
        'curve-style': 'straight',
        'font-size': 9,
        color: t.muted,
        'min-zoomed-font-size': 9,
        'text-rotation': 'autorotate',
        'text-background-color': t.surface,
        'text-background-opacity': 0.8,
      },
    },
    // Port names only on demand: on a whole picture they are noise.
    { selector: 'edge.labelled, edge:selected', style: { label: 'data(label)' } },
    { selector: 'edge.kind-backbone', style: { width: 3 } },
    { selector: 'edge.kind-wireless', style: { 'line-style': 'dotted' } },
    { selector: 'edge.state-degraded', style: { 'line-color': t.degraded, width: 3 } },
    { selector: 'edge.state-down', style: { 'line-color': t.down, width: 3 } },
    {
      selector: '.fault-suspect',
      style: {
        'border-width': 4,
        'border-color': t.down,
        'border-style': 'double',
        'overlay-color': t.down,
        'overlay-opacity': 0.12,
        'overlay-padding': 8,
      },
    },
    {
      selector: 'edge.fault-suspect',
      style: { 'line-style': 'dashed', width: 5, 'line-color': t.down },
    },
    { selector: '.highlighted', style: { 'line-color': t.primary, width: 4, 'z-index': 10 } },
    { selector: 'node.highlighted', style: { 'border-color': t.primary, 'border-width': 3 } },
    { selector: '.dimmed', style: { opacity: 0.25 } },
    { selector: ':selected', style: { 'border-color': t.primary, 'border-width': 3 } },
  ];
}
