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
  untracked,
} from '@angular/core';

import { Preferences } from '../../core/preferences.service';
import { type Cy, type CyElement, loadCytoscape } from './cytoscape.loader';
import { networkStyle } from './graph-theme';
import type { GraphElement } from './route-graph.component';
import { layoutNodeOf, layoutTopology } from './topology-layout';

/** What a click on the picture selected. */
export interface TopologySelection {
  id: string;
  kind: 'org' | 'site' | 'element' | 'group' | 'other';
  circuitIds: string[];
}

/**
 * A customer's whole network: org units, sites and CPEs on the left, the shared operator
 * elements on the right, live states overlaid. Selecting a site or element highlights
 * the circuits through it. Updates keep the viewport (the picture is re-read live).
 */
@Component({
  selector: 'cc-topology-graph',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'img', '[attr.aria-label]': 'label()' },
  template: '',
  styles: `
    :host {
      display: block;
      width: 100%;
      height: 100%;
      min-height: 420px;
    }
  `,
})
export class TopologyGraphComponent {
  readonly nodes = input.required<readonly GraphElement[]>();
  readonly edges = input.required<readonly GraphElement[]>();
  readonly label = input<string>('');
  /** Dim everything that is up, so the problems stand out. */
  readonly problemsOnly = input(false);
  /** An id to centre on (a search result). */
  readonly focusId = input<string | null>(null);
  readonly selected = output<TopologySelection | null>();
  /** The first frame with the picture is drawn (benchmark, tests). */
  readonly rendered = output<number>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly prefs = inject(Preferences);
  private readonly cy = signal<Cy | null>(null);
  private drawnOnce = false;

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
          minZoom: 0.05,
          maxZoom: 4,
          boxSelectionEnabled: false,
          autoungrabify: true,
          // A whole customer is ~600 nodes: while panning or zooming Cytoscape draws a
          // cached bitmap of the picture, and redraws it crisply when the motion stops.
          textureOnViewport: true,
          motionBlur: false,
          pixelRatio: 1,
        });
        cy.on('tap', (e) => {
          const target = e.target as
            Cy | { id(): string; isNode(): boolean; data(k: string): unknown; classes(): string[] };
          if (target === cy || !('isNode' in target) || !target.isNode()) {
            this.highlight(null);
            this.selected.emit(null);
            return;
          }
          const circuitIds = (target.data('circuitIds') as string[] | undefined) ?? [];
          const kind = layoutNodeOf({
            data: { id: target.id() },
            classes: target.classes().join(' '),
          }).kind;
          this.highlight(target.id());
          this.selected.emit({ id: target.id(), kind, circuitIds });
        });
        this.cy.set(cy);
      });
    });
    effect(() => {
      const cy = this.cy();
      if (!cy) return;
      const nodes = this.nodes();
      const edges = this.edges();
      untracked(() => this.draw(cy, nodes, edges));
    });
    effect(() => {
      const cy = this.cy();
      if (!cy) return;
      const only = this.problemsOnly();
      this.nodes();
      cy.batch(() => {
        cy.elements().removeClass('dimmed');
        if (only) cy.elements('.state-up').not(':parent').addClass('dimmed');
      });
    });
    effect(() => {
      const cy = this.cy();
      const id = this.focusId();
      if (!cy || !id) return;
      const target = cy.getElementById(id);
      if (target.nonempty()) {
        cy.animate({ center: { eles: target }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 300 });
        this.highlight(id);
      }
    });
    effect(() => {
      this.prefs.dark();
      const cy = this.cy();
      cy?.style(networkStyle(this.host.nativeElement));
    });
  }

  /** Pans by a screen offset (keyboard users: the page binds arrow keys to this). */
  panBy(dx: number, dy: number): void {
    this.cy()?.panBy({ x: dx, y: dy });
  }

  fit(): void {
    this.cy()?.fit(undefined, 30);
  }

  zoomBy(factor: number): void {
    const cy = this.cy();
    if (!cy) return;
    cy.zoom({
      level: cy.zoom() * factor,
      renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 },
    });
  }

  private draw(cy: Cy, nodes: readonly GraphElement[], edges: readonly GraphElement[]): void {
    const positions = layoutTopology(nodes.map(layoutNodeOf));
    const elements: CyElement[] = [
      ...nodes.map((n) => ({
        group: 'nodes' as const,
        data: n.data,
        classes: n.classes,
        position: positions.get(String(n.data['id'])),
      })),
      ...edges.map((e) => ({ group: 'edges' as const, data: e.data, classes: e.classes })),
    ];
    const selected = cy.$(':selected').map((e) => e.id());
    cy.batch(() => {
      cy.elements().remove();
      cy.add(elements);
      for (const id of selected) cy.getElementById(id).select();
    });
    if (!this.drawnOnce && nodes.length) {
      this.drawnOnce = true;
      cy.fit(undefined, 30);
      cy.one('render', () => this.rendered.emit(performance.now()));
    }
  }

  private highlight(id: string | null): void {
    const cy = this.cy();
    if (!cy) return;
    cy.batch(() => {
      cy.elements().removeClass('highlighted');
      if (!id) return;
      const node = cy.getElementById(id);
      const circuits = new Set<string>((node.data('circuitIds') as string[] | undefined) ?? []);
      // A compound (site, unit): the circuits of everything inside it.
      node.descendants().forEach((d) => {
        for (const c of (d.data('circuitIds') as string[] | undefined) ?? []) circuits.add(c);
      });
      node.addClass('highlighted');
      cy.edges().forEach((edge) => {
        const ids = (edge.data('circuitIds') as string[] | undefined) ?? [];
        if (ids.some((c) => circuits.has(c))) {
          edge.addClass('highlighted');
          edge.connectedNodes().addClass('highlighted');
        }
      });
    });
  }
}
