import { createFeature, createReducer, createSelector, on } from '@ngrx/store';

import type { CustomerTopologyDto } from '../../generated/models/customer-topology-dto';
import type { ImpactDto } from '../../generated/models/impact-dto';
import { type Loadable, failed, idle, loaded, loading } from '../shared/loadable.model';
import { TopologyApiActions } from './topology-api.actions';
import { TopologyPageActions } from './topology-page.actions';

export interface CustomerTopologyState {
  open: boolean;
  customerId: string | null;
  /** `GET /topology?format=cytoscape`: the whole picture with live states. */
  picture: Loadable<CustomerTopologyDto>;
  selectedId: string | null;
  /** Every customer and circuit the selected element carries (operator staff only). */
  impact: Loadable<ImpactDto>;
}

export const initialCustomerTopologyState: CustomerTopologyState = {
  open: false,
  customerId: null,
  picture: idle(),
  selectedId: null,
  impact: idle(),
};

export const customerTopologyFeature = createFeature({
  name: 'customerTopology',
  reducer: createReducer(
    initialCustomerTopologyState,
    on(TopologyPageActions.opened, (state, { customerId }): CustomerTopologyState => {
      const base = state.customerId === customerId ? state : initialCustomerTopologyState;
      return { ...base, open: true, customerId, picture: loading(base.picture) };
    }),
    on(TopologyPageActions.closed, (state): CustomerTopologyState => ({ ...state, open: false })),
    on(TopologyPageActions.elementSelected, (state, { elementId }): CustomerTopologyState => ({
      ...state,
      selectedId: elementId,
      impact: elementId ? loading(idle()) : idle(),
    })),
    on(TopologyApiActions.pictureLoaded, (state, { customerId, topology }) =>
      customerId === state.customerId ? { ...state, picture: loaded(topology) } : state,
    ),
    on(TopologyApiActions.pictureFailed, (state, { customerId, error }) =>
      customerId === state.customerId ? { ...state, picture: failed(state.picture, error) } : state,
    ),
    on(TopologyApiActions.impactLoaded, (state, { elementId, impact }) =>
      elementId === state.selectedId ? { ...state, impact: loaded(impact) } : state,
    ),
    on(TopologyApiActions.impactFailed, (state, { elementId, error }) =>
      elementId === state.selectedId ? { ...state, impact: failed(state.impact, error) } : state,
    ),
  ),
  extraSelectors: ({ selectPicture, selectSelectedId }) => {
    const selectElements = createSelector(
      selectPicture,
      (p) => p.data?.cytoscape ?? { nodes: [], edges: [] },
    );
    return {
      selectElements,
      selectSelectedNode: createSelector(selectElements, selectSelectedId, (els, id) =>
        id ? (els.nodes.find((n) => n.data['id'] === id) ?? null) : null,
      ),
    };
  },
});
