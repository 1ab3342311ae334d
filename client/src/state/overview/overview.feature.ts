import { createFeature, createReducer, createSelector, on } from '@ngrx/store';

import type { CustomerAvailabilityPageDto } from '../../generated/models/customer-availability-page-dto';
import type { CustomerTopologyDto } from '../../generated/models/customer-topology-dto';
import type { FaultPageDto } from '../../generated/models/fault-page-dto';
import type { OrgUnitNodeDto } from '../../generated/models/org-unit-node-dto';
import { LiveEventsActions } from '../live-events/live-events.actions';
import { type Loadable, failed, idle, loaded, loading } from '../shared/loadable.model';
import { OverviewApiActions } from './overview-api.actions';
import { OverviewPageActions } from './overview-page.actions';

export interface OverviewState {
  open: boolean;
  customerId: string | null;
  /** `GET /topology?format=circuit-rows`, worst first: counts and the worst circuits. */
  summary: Loadable<CustomerTopologyDto>;
  faults: Loadable<FaultPageDto>;
  /** This month so far, worst circuits first, with the aggregate over all of them. */
  availability: Loadable<CustomerAvailabilityPageDto>;
  /** `format=structure`: the org hierarchy and the sites, for the map. */
  structure: Loadable<CustomerTopologyDto>;
}

export const initialOverviewState: OverviewState = {
  open: false,
  customerId: null,
  summary: idle(),
  faults: idle(),
  availability: idle(),
  structure: idle(),
};

export const overviewFeature = createFeature({
  name: 'overview',
  reducer: createReducer(
    initialOverviewState,
    on(OverviewPageActions.opened, (state, { customerId }): OverviewState => {
      // Another customer: drop what belongs to the previous one, never show it under a new name.
      const base = state.customerId === customerId ? state : initialOverviewState;
      return {
        ...base,
        open: true,
        customerId,
        summary: loading(base.summary),
        faults: loading(base.faults),
        availability: loading(base.availability),
        structure: loading(base.structure),
      };
    }),
    on(OverviewPageActions.closed, (state): OverviewState => ({ ...state, open: false })),
    on(OverviewPageActions.refreshRequested, LiveEventsActions.resync, (state): OverviewState =>
      state.open
        ? {
            ...state,
            summary: loading(state.summary),
            faults: loading(state.faults),
            availability: loading(state.availability),
            structure: loading(state.structure),
          }
        : state,
    ),
    on(OverviewApiActions.summaryLoaded, (state, { customerId, topology }) =>
      customerId === state.customerId ? { ...state, summary: loaded(topology) } : state,
    ),
    on(OverviewApiActions.faultsLoaded, (state, { customerId, faults }) =>
      customerId === state.customerId ? { ...state, faults: loaded(faults) } : state,
    ),
    on(OverviewApiActions.availabilityLoaded, (state, { customerId, availability }) =>
      customerId === state.customerId ? { ...state, availability: loaded(availability) } : state,
    ),
    on(OverviewApiActions.structureLoaded, (state, { customerId, topology }) =>
      customerId === state.customerId ? { ...state, structure: loaded(topology) } : state,
    ),
    on(OverviewApiActions.loadFailed, (state, { customerId, part, error }) =>
      customerId === state.customerId
        ? { ...state, [part]: failed<unknown>(state[part], error) }
        : state,
    ),
  ),
  extraSelectors: ({ selectSummary, selectStructure, selectFaults }) => ({
    selectCounts: createSelector(selectSummary, (s) => s.data?.summary.circuits ?? null),
    selectCustomerName: createSelector(
      selectSummary,
      selectStructure,
      (a, b) => a.data?.customerName ?? b.data?.customerName ?? null,
    ),
    selectWorstCircuits: createSelector(selectSummary, (s) =>
      (s.data?.circuitRows?.items ?? []).filter((row) => row.status !== 'up'),
    ),
    selectActiveFaults: createSelector(selectFaults, (f) => f.data?.items ?? []),
    selectOrgTree: createSelector(selectStructure, (s) =>
      orgTreeOf(s.data?.structure?.orgUnits ?? [], s.data?.rootOrgUnitId ?? null),
    ),
    selectSites: createSelector(selectStructure, (s) => s.data?.structure?.sites ?? []),
  }),
});

export interface OrgTreeNode {
  unit: OrgUnitNodeDto;
  depth: number;
  children: OrgTreeNode[];
}

/** The org units as a tree from the visible root, children sorted worst first, then by name. */
export function orgTreeOf(units: readonly OrgUnitNodeDto[], rootId: string | null): OrgTreeNode[] {
  const byParent = new Map<string | null, OrgUnitNodeDto[]>();
  const ids = new Set(units.map((u) => u.id));
  for (const unit of units) {
    // A unit whose parent is not visible is a root of what the caller sees.
    const parent = unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), unit]);
  }
  const badness = (u: OrgUnitNodeDto) => u.subtreeStatus.down * 1e6 + u.subtreeStatus.degraded;
  const build = (parent: string | null, depth: number): OrgTreeNode[] =>
    (byParent.get(parent) ?? [])
      .slice()
      .sort((a, b) => badness(b) - badness(a) || a.name.localeCompare(b.name, 'zh-CN'))
      .map((unit) => ({ unit, depth, children: build(unit.id, depth + 1) }));
  const roots = build(null, 0);
  if (rootId === null) return roots;
  const root = roots.find((r) => r.unit.id === rootId);
  return root ? [root] : roots;
}
