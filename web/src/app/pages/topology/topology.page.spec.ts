import { Component, input, output } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { TranslateService } from '@ngx-translate/core';

import {
  type CustomerTopologyDto,
  TopologyPageActions,
  initialAuthState,
  initialCustomerTopologyState,
  initialCustomersState,
  loaded,
} from '@circuitcare/client';

import { provideTestTranslations, useLanguage } from '../../../testing/translations.testing';
import type { GraphElement } from '../../ui/graphs/route-graph.component';
import {
  TopologyGraphComponent,
  type TopologySelection,
} from '../../ui/graphs/topology-graph.component';
import { TopologyPage, selectedInfoOf } from './topology.page';

@Component({ selector: 'cc-topology-graph', template: '' })
class GraphStub {
  readonly nodes = input.required<readonly GraphElement[]>();
  readonly edges = input.required<readonly GraphElement[]>();
  readonly label = input('');
  readonly problemsOnly = input(false);
  readonly focusId = input<string | null>(null);
  readonly selected = output<TopologySelection | null>();
  readonly rendered = output<number>();
  fit(): void {}
  zoomBy(): void {}
  panBy(): void {}
}

const nodes: GraphElement[] = [
  { data: { id: 'org:ho', label: '总行' }, classes: 'org-unit level-head-office state-down' },
  {
    data: { id: 'site:s1', label: '北京分行', parent: 'org:ho', circuitIds: ['c-1'] },
    classes: 'site kind-branch state-down',
  },
  {
    data: {
      id: 'pe-bj-1',
      label: 'PE-BJ-1',
      parent: 'group:operator',
      role: 'pe',
      circuitIds: ['c-1', 'c-2'],
      alarmIds: ['a1'],
    },
    classes: 'element role-pe segment-pe state-down shared fault-suspect',
  },
];

const picture = {
  customerId: 'bank-a',
  customerName: '甲银行',
  format: 'cytoscape',
  rootOrgUnitId: 'ho',
  live: { inventoryAt: '', pollingAlive: true, readAt: '' },
  summary: {
    circuits: { up: 270, degraded: 3, down: 10, unknown: 0 },
    customerElements: 200,
    faults: 1,
    sharedElements: 67,
    sites: 170,
  },
  cytoscape: { nodes, edges: [] },
} as unknown as CustomerTopologyDto;

describe('TopologyPage', () => {
  async function render(role: string, selectedId: string | null = null) {
    TestBed.configureTestingModule({
      imports: [TopologyPage],
      providers: [
        provideRouter([]),
        provideMockStore({
          initialState: {
            auth: { ...initialAuthState, status: 'signed-in', user: { role } },
            customerTopology: {
              ...initialCustomerTopologyState,
              open: true,
              picture: loaded(picture),
              selectedId,
            },
            customers: initialCustomersState,
          },
        }),
        ...provideTestTranslations(),
      ],
    });
    TestBed.overrideComponent(TopologyPage, {
      remove: { imports: [TopologyGraphComponent] },
      add: { imports: [GraphStub] },
    });
    await useLanguage(TestBed.inject(TranslateService), 'zh-CN');
    const store = TestBed.inject(MockStore);
    const dispatched: { type: string }[] = [];
    store.scannedActions$.subscribe((a) => dispatched.push(a));
    const fixture = TestBed.createComponent(TopologyPage);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement, dispatched };
  }

  it('opens the caller’s own customer and shows the counts in Chinese', async () => {
    const { el, dispatched } = await render('customer-admin');
    expect(dispatched).toContainEqual(TopologyPageActions.opened({ customerId: null }));
    const summary = el.querySelector('[data-testid=topology-summary]')!.textContent;
    expect(summary).toContain('170');
    expect(summary).toContain('个站点');
    expect(el.querySelector('[data-testid=topology-customer]')).toBeNull();
  });

  it('tells what the selected shared element is, and the circuits through it', async () => {
    const { el } = await render('customer-admin', 'pe-bj-1');
    const panel = el.querySelector('[data-testid=topology-panel]')!.textContent;
    expect(panel).toContain('PE-BJ-1');
    expect(panel).toContain('共享');
    expect(panel).toContain('故障点');
    expect(panel).toContain('1 条活动告警');
    expect(el.querySelectorAll('[data-testid=topology-panel] a[href^="/circuits/"]')).toHaveLength(
      2,
    );
  });

  it('passes a selection from the picture to the store', async () => {
    const { fixture, dispatched } = await render('customer-admin');
    const graph = fixture.debugElement.query((d) => d.componentInstance instanceof GraphStub)
      .componentInstance as GraphStub;
    graph.selected.emit({ id: 'site:s1', kind: 'site', circuitIds: ['c-1'] });
    expect(dispatched).toContainEqual(
      TopologyPageActions.elementSelected({ elementId: 'site:s1' }),
    );
  });

  it('marks the canvas once the picture is drawn', async () => {
    const { fixture, el } = await render('customer-admin');
    const canvas = el.querySelector('[data-testid=topology-canvas]')!;
    expect(canvas.getAttribute('data-rendered')).toBeNull();
    expect(canvas.getAttribute('data-node-count')).toBe('3');
    const graph = fixture.debugElement.query((d) => d.componentInstance instanceof GraphStub)
      .componentInstance as GraphStub;
    graph.rendered.emit(123);
    await fixture.whenStable();
    expect(canvas.getAttribute('data-rendered')).toBe('true');
  });

  it('waits for a customer to be chosen when the NOC opens it', async () => {
    const { el, dispatched } = await render('noc-operator');
    expect(dispatched.some((a) => a.type === TopologyPageActions.opened.type)).toBe(false);
    expect(el.querySelector('[data-testid=topology-customer]')).not.toBeNull();
  });

  it('reads English names when the user reads English', () => {
    const info = selectedInfoOf(
      { data: { id: 'org:x', label: '北京', nameEn: 'Beijing' }, classes: 'org-unit state-up' },
      true,
    );
    expect(info).toMatchObject({ label: 'Beijing', kind: 'org', status: 'up' });
  });
});
