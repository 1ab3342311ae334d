/** Cytoscape, loaded on first use (its own chunk); only the graph wrappers here import it. */
export type Cy = import('cytoscape').Core;
export type CyElement = import('cytoscape').ElementDefinition;
export type CyStylesheet = import('cytoscape').StylesheetJson;
type CytoscapeFactory = typeof import('cytoscape');

let loading: Promise<CytoscapeFactory> | null = null;

export function loadCytoscape(): Promise<CytoscapeFactory> {
  loading ??= import('cytoscape').then((m) => m.default);
  return loading;
}
