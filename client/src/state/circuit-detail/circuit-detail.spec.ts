import { TestBed } from '@angular/core/testing';
import type { Action } from '@ngrx/store';
import { MockStore } from '@ngrx/store/testing';
import { ReplaySubject, type Subscription } from 'rxjs';

import type { CircuitTopologyDto } from '../../generated/models/circuit-topology-dto';
import { setUpApiTestBed } from '../testing/api-test-bed';
import { CircuitDetailApiActions } from './circuit-detail-api.actions';
import { CircuitDetailPageActions } from './circuit-detail-page.actions';
import { loadCircuitDetail } from './circuit-detail.effects';
import { circuitDetailFeature, initialCircuitDetailState } from './circuit-detail.feature';

const reduce = (...actions: Action[]) =>
  actions.reduce(circuitDetailFeature.reducer, initialCircuitDetailState);

describe('circuit detail: the whole page, or the route only (job sheet)', () => {
  it('opened for the route only: the topology loads, the other parts stay idle', () => {
    const state = reduce(
      CircuitDetailPageActions.opened({ circuitId: 'c-1', parts: ['topology'] }),
    );
    expect(state.parts).toEqual(['topology']);
    expect(state.topology.loading).toBe(true);
    expect(state.detail.loading).toBe(false);
    expect(state.performance.loading).toBe(false);
    // The same circuit opened by the full page afterwards reads everything.
    const full = reduce(
      CircuitDetailPageActions.opened({ circuitId: 'c-1', parts: ['topology'] }),
      CircuitDetailPageActions.opened({ circuitId: 'c-1' }),
    );
    expect(full.parts).toHaveLength(6);
    expect(full.detail.loading).toBe(true);
  });

  it('keeps the route and fault of the loaded topology', () => {
    const topology = { circuitId: 'c-1', fault: { causeId: 'x' } } as unknown as CircuitTopologyDto;
    const state = reduce(
      CircuitDetailPageActions.opened({ circuitId: 'c-1', parts: ['topology'] }),
      CircuitDetailApiActions.topologyLoaded({ circuitId: 'c-1', topology }),
    );
    expect(state.topology.data).toBe(topology);
    expect(circuitDetailFeature.selectFault.projector(state.topology)).toEqual({ causeId: 'x' });
  });

  function requestsFor(action: Action): string[] {
    const actions$ = new ReplaySubject<Action>();
    const http = setUpApiTestBed({ actions$: () => actions$ });
    const store = TestBed.inject(MockStore);
    store.setState({ [circuitDetailFeature.name]: reduce(action) });
    const sub: Subscription = TestBed.runInInjectionContext(() => loadCircuitDetail()).subscribe();
    actions$.next(action);
    const urls = http.match(() => true).map((r) => r.request.url);
    sub.unsubscribe();
    return urls.sort();
  }

  it('reads only the route for a job sheet', () => {
    expect(
      requestsFor(CircuitDetailPageActions.opened({ circuitId: 'c-1', parts: ['topology'] })),
    ).toEqual(['/api/v1/circuits/c-1/topology']);
  });

  it('reads every part for the circuit page', () => {
    const urls = requestsFor(CircuitDetailPageActions.opened({ circuitId: 'c-1' }));
    expect(urls).toHaveLength(6);
    expect(urls).toContain('/api/v1/circuits/c-1');
    expect(urls).toContain('/api/v1/circuits/c-1/topology');
  });
});
