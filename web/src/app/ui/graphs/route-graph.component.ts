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
import { type Cy, type CyElement, loadCytoscape } from './cytoscape.loader';
import { networkStyle } from './graph-theme';

/** A node or edge of the API's Cytoscape output (`GET /circuits/{id}/topology`). */
export interface GraphElement {
  data: Record<string, unknown>;
  classes: string;
}

/** Where each element of a route goes: hops left to right in route order, sites around their CPE. */
export function routePositions(
  nodes: readonly GraphElement[],
): Map<string, { x: number; y: number }> {
  const positions = new Map<string, { x: number; y: number }>();
  for (const node of nodes) {
    const index = node.data['index'];
    if (typeof index === 'number') {
      positions.set(String(node.data['id']), { x: index * 150, y: index % 2 === 0 ? 0 : 40 });
    }
  }
  return positions;
}

/**
 * A circuit's route: hops in order, alarmed hops and links coloured, the located fault
 * outlined. Typed inputs; the page never touches Cytoscape.
 */
@Component({
  selector: 'cc-route-graph',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'img', '[attr.aria-label]': 'label()' },
  template: '',
  styles: `
    :host {
      display: block;
      width: 100%;
      height: 260px;
    }
  `,
})
export class RouteGraphComponent {
  readonly nodes = input.required<readonly GraphElement[]>();
  readonly edges = input.required<readonly GraphElement[]>();
  readonly label = input<string>('');
  readonly elementSelected = output<string>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly prefs = inject(Preferences);
  private readonly cy = signal<Cy | null>(null);

  constructor() {
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      let disposed = false;
      destroyRef.onDestroy(() => {
        disposed = true;
        this.cy()?.destroy();
      });
      void loadCytoscape().then((cytoscape) => {
        if (disposed) return;
        const cy = cytoscape({
          container: this.host.nativeElement,
          style: networkStyle(this.host.nativeElement),
          layout: { name: 'preset' },
          minZoom: 0.3,
          maxZoom: 3,
          boxSelectionEnabled: false,
          autoungrabify: true,
        });
        cy.on('tap', 'node', (e) => {
          const target = e.target as { id(): string };
          this.elementSelected.emit(target.id());
        });
        this.cy.set(cy);
      });
    });
    effect(() => {
      const cy = this.cy();
      if (!cy) return;
      const nodes = this.nodes();
      const edges = this.edges();
      const positions = routePositions(nodes);
      const elements: CyElement[] = [
        ...nodes.map((n) => ({
          group: 'nodes' as const,
          data: n.data,
          classes: n.classes,
          position: positions.get(String(n.data['id'])),
        })),
        ...edges.map((e) => ({
          group: 'edges' as const,
          data: e.data,
          classes: e.classes,
        })),
      ];
      cy.batch(() => {
        cy.elements().remove();
        cy.add(elements);
      });
      cy.fit(undefined, 24);
    });
    effect(() => {
      this.prefs.dark();
      const cy = this.cy();
      cy?.style(networkStyle(this.host.nativeElement));
    });
  }

  fit(): void {
    this.cy()?.fit(undefined, 24);
  }
}
