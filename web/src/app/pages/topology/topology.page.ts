import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';
import { TranslatePipe } from '@ngx-translate/core';

import {
  CustomersPageActions,
  TopologyPageActions,
  authFeature,
  customerTopologyFeature,
  customersFeature,
} from '@circuitcare/client';

import { Preferences } from '../../core/preferences.service';
import { FORMAT_PIPES } from '../../ui/format.pipes';
import type { GraphElement } from '../../ui/graphs/route-graph.component';
import {
  TopologyGraphComponent,
  type TopologySelection,
} from '../../ui/graphs/topology-graph.component';
import { layoutNodeOf } from '../../ui/graphs/topology-layout';
import { IconComponent } from '../../ui/icon.component';
import { StatusBadgeComponent } from '../../ui/status-badge.component';

/** What the side panel says about the node picked. */
export interface SelectedInfo {
  id: string;
  kind: TopologySelection['kind'];
  label: string;
  status: string;
  role: string | null;
  shared: boolean;
  silent: boolean;
  suspect: boolean;
  alarmCount: number;
  circuitIds: string[];
}

const PAN_STEP = 80;

const text = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' ? `${v}` : '';

export function selectedInfoOf(node: GraphElement | null, en: boolean): SelectedInfo | null {
  if (!node) return null;
  const d = node.data;
  const classes = node.classes.split(' ');
  const state = classes.find((c) => c.startsWith('state-'))?.slice(6) ?? 'unknown';
  const label = (en && text(d['nameEn'])) || text(d['label']) || text(d['id']);
  return {
    id: text(d['id']),
    kind: layoutNodeOf(node).kind,
    label,
    status: state,
    role: typeof d['role'] === 'string' ? d['role'] : null,
    shared: classes.includes('shared'),
    silent: classes.includes('silent'),
    suspect: classes.includes('fault-suspect'),
    alarmCount: Array.isArray(d['alarmIds']) ? d['alarmIds'].length : 0,
    circuitIds: Array.isArray(d['circuitIds']) ? (d['circuitIds'] as string[]) : [],
  };
}

/**
 * A customer's whole leased network: the org hierarchy with its sites and CPEs, the
 * shared operator elements its circuits cross, live states and located faults overlaid.
 * Re-read after each burst of alarm and circuit changes; the viewport stays put.
 */
@Component({
  selector: 'cc-topology-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSlideToggleModule,
    MatTooltipModule,
    TranslatePipe,
    IconComponent,
    StatusBadgeComponent,
    TopologyGraphComponent,
    ...FORMAT_PIPES,
  ],
  templateUrl: './topology.page.html',
  styleUrl: './topology.page.scss',
})
export class TopologyPage {
  /** Query parameter `customer` (operator staff and account managers of several banks). */
  readonly customer = input<string>();

  private readonly store = inject(Store);
  private readonly router = inject(Router);
  private readonly prefs = inject(Preferences);
  private readonly graph = viewChild(TopologyGraphComponent);

  protected readonly caps = this.store.selectSignal(authFeature.selectCapabilities);
  protected readonly state = this.store.selectSignal(
    customerTopologyFeature.selectCustomerTopologyState,
  );
  protected readonly elements = this.store.selectSignal(customerTopologyFeature.selectElements);
  private readonly selectedNode = this.store.selectSignal(
    customerTopologyFeature.selectSelectedNode,
  );
  protected readonly customerOptions = this.store.selectSignal(customersFeature.selectOptions);

  protected readonly problemsOnly = signal(false);
  protected readonly search = signal('');
  protected readonly focusId = signal<string | null>(null);
  /** When the first picture was drawn (`performance.now()`): `data-rendered` for tests and the benchmark. */
  protected readonly renderedAt = signal<number | null>(null);
  /** A picker is needed unless the caller sees one customer only. */
  protected readonly needsPicker = computed(() => !this.caps().singleCustomer);
  protected readonly customerId = computed(() => {
    const asked = this.customer();
    if (asked) return asked;
    if (!this.needsPicker()) return null;
    return this.customerOptions()[0]?.id ?? null;
  });
  protected readonly nodes = computed<readonly GraphElement[]>(() => this.elements().nodes);
  protected readonly edges = computed<readonly GraphElement[]>(() => this.elements().edges);
  protected readonly selected = computed(() =>
    selectedInfoOf(this.selectedNode(), this.prefs.language() === 'en'),
  );
  /** Up to 8 names matching the search (elements and sites). */
  protected readonly matches = computed(() => {
    const q = this.search().trim().toLowerCase();
    if (q.length < 2) return [];
    return this.nodes()
      .filter((n) => {
        const label = text(n.data['label']).toLowerCase();
        return label.includes(q) || text(n.data['id']).toLowerCase().includes(q);
      })
      .slice(0, 8)
      .map((n) => ({ id: text(n.data['id']), label: text(n.data['label']) || text(n.data['id']) }));
  });

  constructor() {
    if (!this.caps().singleCustomer) this.store.dispatch(CustomersPageActions.opened());
    effect(() => {
      const customerId = this.customerId();
      const waiting = this.needsPicker() && customerId === null;
      untracked(() => {
        if (!waiting) this.store.dispatch(TopologyPageActions.opened({ customerId }));
      });
    });
    inject(DestroyRef).onDestroy(() => this.store.dispatch(TopologyPageActions.closed()));
  }

  protected chooseCustomer(customer: string): void {
    void this.router.navigate([], { queryParams: { customer }, replaceUrl: true });
  }

  protected onSelected(selection: TopologySelection | null): void {
    this.store.dispatch(TopologyPageActions.elementSelected({ elementId: selection?.id ?? null }));
  }

  protected goTo(id: string): void {
    this.focusId.set(null);
    queueMicrotask(() => this.focusId.set(id));
    this.store.dispatch(TopologyPageActions.elementSelected({ elementId: id }));
    this.search.set('');
  }

  protected refresh(): void {
    this.store.dispatch(TopologyPageActions.opened({ customerId: this.customerId() }));
  }

  protected fit(): void {
    this.graph()?.fit();
  }

  protected zoom(factor: number): void {
    this.graph()?.zoomBy(factor);
  }

  protected key(event: KeyboardEvent): void {
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [PAN_STEP, 0],
      ArrowRight: [-PAN_STEP, 0],
      ArrowUp: [0, PAN_STEP],
      ArrowDown: [0, -PAN_STEP],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      this.graph()?.panBy(move[0], move[1]);
    } else if (event.key === '+' || event.key === '=') {
      this.zoom(1.25);
    } else if (event.key === '-') {
      this.zoom(0.8);
    } else if (event.key === '0') {
      this.fit();
    }
  }
}
