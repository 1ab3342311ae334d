import { TestBed } from '@angular/core/testing';
import type { Action } from '@ngrx/store';
import { ReplaySubject, firstValueFrom } from 'rxjs';

import type { CustomerTopologyDto } from '../../generated/models/customer-topology-dto';
import { initialAuthState } from '../auth/auth.feature';
import { LiveEventsActions } from '../live-events/live-events.actions';
import { setUpApiTestBed } from '../testing/api-test-bed';
import { LIVE_TOPOLOGY_DEBOUNCE_MS, loadImpact, loadPicture } from './customer-topology.effects';
import { customerTopologyFeature, initialCustomerTopologyState } from './customer-topology.feature';
import { TopologyApiActions } from './topology-api.actions';
import { TopologyPageActions } from './topology-page.actions';

const picture = (customerId: string, nodes: string[] = []): CustomerTopologyDto => ({
  customerId,
  customerName: customerId,
  format: 'cytoscape',
  rootOrgUnitId: 'root',
  live: { inventoryAt: '', pollingAlive: true, readAt: '' },
  summary: {
    circuits: { up: 1, degraded: 0, down: 0, unknown: 0 },
    customerElements: 1,
    faults: 0,
    sharedElements: 0,
    sites: 1,
  },
  cytoscape: { nodes: nodes.map((id) => ({ data: { id }, classes: 'element' })), edges: [] },
});

describe('customer topology feature', () => {
  it('forgets another customer’s picture and ignores a late answer for it', () => {
    const a = [
      TopologyPageActions.opened({ customerId: 'bank-a' }),
      TopologyApiActions.pictureLoaded({
        customerId: 'bank-a',
        topology: picture('bank-a', ['x']),
      }),
    ].reduce(customerTopologyFeature.reducer, initialCustomerTopologyState);
    expect(a.picture.data?.customerId).toBe('bank-a');
    const b = [
      TopologyPageActions.opened({ customerId: 'bank-b' }),
      TopologyApiActions.pictureLoaded({ customerId: 'bank-a', topology: picture('bank-a') }),
    ].reduce(customerTopologyFeature.reducer, a);
    expect(b.picture.data).toBeNull();
    expect(b.picture.loading).toBe(true);
  });

  it('selects the node picked and keeps the impact of the current selection only', () => {
    const state = [
      TopologyPageActions.opened({ customerId: null }),
      TopologyApiActions.pictureLoaded({ customerId: null, topology: picture('bank-a', ['pe-1']) }),
      TopologyPageActions.elementSelected({ elementId: 'pe-1' }),
      TopologyApiActions.impactLoaded({ elementId: 'other', impact: { circuitCount: 9 } as never }),
    ].reduce(customerTopologyFeature.reducer, initialCustomerTopologyState);
    expect(state.impact).toMatchObject({ loading: true, data: null });
    expect(
      customerTopologyFeature.selectSelectedNode.projector(
        customerTopologyFeature.selectElements.projector(state.picture),
        state.selectedId,
      )?.data['id'],
    ).toBe('pe-1');
  });
});

describe('customer topology effects', () => {
  let actions$: ReplaySubject<Action>;
  beforeEach(() => (actions$ = new ReplaySubject<Action>()));

  it('reads the Cytoscape picture of the customer opened', async () => {
    const http = setUpApiTestBed({
      actions$: () => actions$,
      state: {
        customerTopology: { ...initialCustomerTopologyState, open: true, customerId: 'bank-a' },
      },
    });
    const out = TestBed.runInInjectionContext(() => firstValueFrom(loadPicture()));
    actions$.next(TopologyPageActions.opened({ customerId: 'bank-a' }));
    const req = http.expectOne((r) => r.url === '/api/v1/topology');
    expect(req.request.params.get('format')).toBe('cytoscape');
    expect(req.request.params.get('customerId')).toBe('bank-a');
    req.flush(picture('bank-a'));
    expect(await out).toEqual(
      TopologyApiActions.pictureLoaded({ customerId: 'bank-a', topology: picture('bank-a') }),
    );
  });

  it('reads the picture once per burst of live changes, and not for ticket events', () => {
    jest.useFakeTimers();
    try {
      const http = setUpApiTestBed({
        actions$: () => actions$,
        state: { customerTopology: { ...initialCustomerTopologyState, open: true } },
      });
      TestBed.runInInjectionContext(() => loadPicture().subscribe());
      const change = (kind: 'alarm' | 'ticket') =>
        LiveEventsActions.changeReceived({
          name: `${kind}.x`,
          message: { kind, action: 'x', id: 'i', time: '', data: {} },
        });
      actions$.next(change('alarm'));
      actions$.next(change('alarm'));
      actions$.next(change('ticket'));
      jest.advanceTimersByTime(LIVE_TOPOLOGY_DEBOUNCE_MS + 10);
      expect(http.match((r) => r.url === '/api/v1/topology')).toHaveLength(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('reads the impact of a selected element for the NOC only', () => {
    const noc = setUpApiTestBed({
      actions$: () => actions$,
      state: { auth: { ...initialAuthState, user: { role: 'customer-admin' } } },
    });
    TestBed.runInInjectionContext(() => loadImpact().subscribe());
    actions$.next(TopologyPageActions.elementSelected({ elementId: 'pe-1' }));
    noc.expectNone((r) => r.url.includes('/impact'));
  });

  it('asks the API what a selected element carries for operator staff', async () => {
    const http = setUpApiTestBed({
      actions$: () => actions$,
      state: { auth: { ...initialAuthState, user: { role: 'noc-operator' } } },
    });
    const out = TestBed.runInInjectionContext(() => firstValueFrom(loadImpact()));
    actions$.next(TopologyPageActions.elementSelected({ elementId: 'pe-1' }));
    const req = http.expectOne('/api/v1/elements/pe-1/impact?pageSize=50');
    req.flush({ circuitCount: 4 });
    expect(await out).toEqual(
      TopologyApiActions.impactLoaded({ elementId: 'pe-1', impact: { circuitCount: 4 } as never }),
    );
  });
});
