import { createFeature, createReducer, createSelector, on } from '@ngrx/store';

import type { CustomerAvailabilityPageDto } from '../../generated/models/customer-availability-page-dto';
import type { CustomerTopologyDto } from '../../generated/models/customer-topology-dto';
import { type Loadable, failed, idle, loaded, loading } from '../shared/loadable.model';
import { CustomersApiActions } from './customers-api.actions';
import { CustomersPageActions } from './customers-page.actions';

export interface CustomersState {
  ids: Loadable<string[]>;
  /** Per customer: name, circuit counts and the worst circuits (`format=circuit-rows`). */
  health: Record<string, Loadable<CustomerTopologyDto>>;
  /** Per customer: this month's availability aggregate. */
  availability: Record<string, Loadable<CustomerAvailabilityPageDto>>;
}

export const initialCustomersState: CustomersState = { ids: idle(), health: {}, availability: {} };

export interface CustomerCard {
  customerId: string;
  name: string | null;
  health: Loadable<CustomerTopologyDto>;
  availability: Loadable<CustomerAvailabilityPageDto>;
}

export const customersFeature = createFeature({
  name: 'customers',
  reducer: createReducer(
    initialCustomersState,
    on(
      CustomersPageActions.opened,
      CustomersPageActions.refreshRequested,
      (state): CustomersState => ({ ...state, ids: loading(state.ids) }),
    ),
    on(CustomersApiActions.idsLoaded, (state, { customerIds }): CustomersState => {
      const health: CustomersState['health'] = {};
      const availability: CustomersState['availability'] = {};
      for (const id of customerIds) {
        health[id] = loading(state.health[id] ?? idle());
        availability[id] = loading(state.availability[id] ?? idle());
      }
      return { ids: loaded(customerIds), health, availability };
    }),
    on(CustomersApiActions.idsFailed, (state, { error }) => ({
      ...state,
      ids: failed(state.ids, error),
    })),
    on(CustomersApiActions.healthLoaded, (state, { customerId, topology }) => ({
      ...state,
      health: { ...state.health, [customerId]: loaded(topology) },
    })),
    on(CustomersApiActions.availabilityLoaded, (state, { customerId, availability }) => ({
      ...state,
      availability: { ...state.availability, [customerId]: loaded(availability) },
    })),
    on(CustomersApiActions.customerFailed, (state, { customerId, error }) => ({
      ...state,
      health: { ...state.health, [customerId]: failed(state.health[customerId] ?? idle(), error) },
    })),
  ),
  extraSelectors: ({ selectIds, selectHealth, selectAvailability }) => ({
    selectCards: createSelector(selectIds, selectHealth, selectAvailability, (ids, health, avail) =>
      (ids.data ?? []).map((customerId): CustomerCard => ({
        customerId,
        name: health[customerId]?.data?.customerName ?? null,
        health: health[customerId] ?? idle(),
        availability: avail[customerId] ?? idle(),
      })),
    ),
    /** For pickers: id and name (the id until the name is known). */
    selectOptions: createSelector(selectIds, selectHealth, (ids, health) =>
      (ids.data ?? []).map((id) => ({ id, name: health[id]?.data?.customerName ?? id })),
    ),
  }),
});
