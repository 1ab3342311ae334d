import { createFeature, createReducer, createSelector, on } from '@ngrx/store';

import type { AnnouncementDto } from '../../generated/models/announcement-dto';
import type { ElementNodeDto } from '../../generated/models/element-node-dto';
import type { ImpactDto } from '../../generated/models/impact-dto';
import type { MaintenanceWindowDto } from '../../generated/models/maintenance-window-dto';
import { upsertLoaded, withPending, withoutPending } from '../shared/collection.model';
import {
  type Failure,
  type Loadable,
  failed,
  idle,
  loaded,
  loading,
} from '../shared/loadable.model';
import { MaintenanceApiActions } from './maintenance-api.actions';
import { MaintenancePageActions } from './maintenance-page.actions';

export type MaintenanceAction = 'approve' | 'cancel' | 'complete' | 'announce';

export interface MaintenanceState {
  open: boolean;
  windows: Loadable<MaintenanceWindowDto[]>;
  /** Maintenance announcements by window id. */
  announcements: Record<string, AnnouncementDto>;
  elementsCustomerId: string | null;
  elements: Loadable<ElementNodeDto[]>;
  impacts: Record<string, Loadable<ImpactDto>>;
  planning: boolean;
  planError: Failure | null;
  selectedId: string | null;
  /** Windows with a command on its way. */
  acting: string[];
  actionError: { id: string; error: Failure } | null;
}

export const initialMaintenanceState: MaintenanceState = {
  open: false,
  windows: idle(),
  announcements: {},
  elementsCustomerId: null,
  elements: idle(),
  impacts: {},
  planning: false,
  planError: null,
  selectedId: null,
  acting: [],
  actionError: null,
};

/**
 * What operator staff may do with a window (api/src/maintenance): approve a planned one
 * (someone other than its creator: four eyes), announce an approved one to the customers it
 * affects (once), complete an approved one, cancel a planned or approved one.
 */
export function maintenanceActions(
  w: Pick<MaintenanceWindowDto, 'status' | 'createdBy' | 'customerIds'>,
  username: string | null,
  announced: boolean,
): { action: MaintenanceAction; allowed: boolean; reason?: 'own' | 'noCustomers' | 'announced' }[] {
  switch (w.status) {
    case 'planned':
      return [
        w.createdBy !== null && w.createdBy === username
          ? { action: 'approve', allowed: false, reason: 'own' }
          : { action: 'approve', allowed: true },
        { action: 'cancel', allowed: true },
      ];
    case 'approved':
      return [
        announced
          ? { action: 'announce', allowed: false, reason: 'announced' }
          : w.customerIds.length === 0
            ? { action: 'announce', allowed: false, reason: 'noCustomers' }
            : { action: 'announce', allowed: true },
        { action: 'complete', allowed: true },
        { action: 'cancel', allowed: true },
      ];
    case 'cancelled':
    case 'completed':
      return [];
  }
}

/**
 * The element picker: elements whose name, id, vendor or model holds every word typed;
 * shared operator elements (PE, core, access) before CPEs, then by name.
 */
export function matchElements(
  elements: readonly ElementNodeDto[],
  q: string,
  limit = 30,
): ElementNodeDto[] {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  const rank = { core: 0, pe: 1, access: 2, cpe: 3 } as const;
  return elements
    .filter((e) => {
      const text = `${e.name} ${e.id} ${e.vendor} ${e.model} ${e.role}`.toLowerCase();
      return words.every((w) => text.includes(w));
    })
    .sort((a, b) => rank[a.role] - rank[b.role] || a.name.localeCompare(b.name))
    .slice(0, limit);
}

export const maintenanceFeature = createFeature({
  name: 'maintenance',
  reducer: createReducer(
    initialMaintenanceState,
    on(MaintenancePageActions.opened, (state): MaintenanceState => ({
      ...state,
      open: true,
      windows: loading(state.windows),
    })),
    on(MaintenancePageActions.closed, (state): MaintenanceState => ({
      ...state,
      open: false,
      planError: null,
      actionError: null,
    })),
    on(MaintenanceApiActions.listed, (state, { page }): MaintenanceState => ({
      ...state,
      windows: loaded(page.items),
    })),
    on(MaintenanceApiActions.listFailed, (state, { error }): MaintenanceState => ({
      ...state,
      windows: failed(state.windows, error),
    })),
    on(MaintenanceApiActions.announcementsListed, (state, { announcements }) => {
      const byWindow: Record<string, AnnouncementDto> = {};
      for (const a of announcements) {
        if (a.maintenanceWindowId) byWindow[a.maintenanceWindowId] = a;
      }
      return { ...state, announcements: byWindow };
    }),
    on(MaintenancePageActions.elementsRequested, (state, { customerId }): MaintenanceState => ({
      ...state,
      elementsCustomerId: customerId,
      elements: loading(state.elementsCustomerId === customerId ? state.elements : idle()),
    })),
    on(MaintenanceApiActions.elementsLoaded, (state, { customerId, elements }) =>
      customerId === state.elementsCustomerId ? { ...state, elements: loaded(elements) } : state,
    ),
    on(MaintenanceApiActions.elementsFailed, (state, { customerId, error }) =>
      customerId === state.elementsCustomerId
        ? { ...state, elements: failed(state.elements, error) }
        : state,
    ),
    on(MaintenancePageActions.impactRequested, (state, { elementId }): MaintenanceState => ({
      ...state,
      impacts: { ...state.impacts, [elementId]: loading(state.impacts[elementId] ?? idle()) },
    })),
    on(MaintenanceApiActions.impactLoaded, (state, { elementId, impact }): MaintenanceState => ({
      ...state,
      impacts: { ...state.impacts, [elementId]: loaded(impact) },
    })),
    on(MaintenanceApiActions.impactFailed, (state, { elementId, error }): MaintenanceState => ({
      ...state,
      impacts: { ...state.impacts, [elementId]: failed(state.impacts[elementId] ?? idle(), error) },
    })),
    on(MaintenancePageActions.planSubmitted, (state): MaintenanceState => ({
      ...state,
      planning: true,
      planError: null,
    })),
    on(MaintenanceApiActions.planned, (state, { window }): MaintenanceState => ({
      ...state,
      planning: false,
      windows: upsertLoaded(state.windows, window),
      selectedId: window.id,
    })),
    on(MaintenanceApiActions.planFailed, (state, { error }): MaintenanceState => ({
      ...state,
      planning: false,
      planError: error,
    })),
    on(MaintenancePageActions.windowSelected, (state, { id }): MaintenanceState => ({
      ...state,
      selectedId: id,
      actionError: null,
    })),
    on(MaintenancePageActions.actionRequested, (state, { id }): MaintenanceState => ({
      ...state,
      acting: withPending(state.acting, id),
      actionError: null,
    })),
    on(MaintenanceApiActions.transitioned, (state, { window }): MaintenanceState => ({
      ...state,
      acting: withoutPending(state.acting, window.id),
      windows: upsertLoaded(state.windows, window),
    })),
    on(MaintenanceApiActions.announced, (state, { windowId, announcement }): MaintenanceState => ({
      ...state,
      acting: withoutPending(state.acting, windowId),
      announcements: { ...state.announcements, [windowId]: announcement },
    })),
    on(MaintenanceApiActions.actionFailed, (state, { id, error }): MaintenanceState => ({
      ...state,
      acting: withoutPending(state.acting, id),
      actionError: { id, error },
    })),
  ),
  extraSelectors: ({ selectWindows, selectSelectedId }) => ({
    /** Planned ones (waiting for approval) first, then approved, then the rest; soonest first. */
    selectSorted: createSelector(selectWindows, (windows) => {
      const rank = { planned: 0, approved: 1, completed: 2, cancelled: 3 } as const;
      return [...(windows.data ?? [])].sort(
        (a, b) => rank[a.status] - rank[b.status] || Date.parse(a.start) - Date.parse(b.start),
      );
    }),
    selectSelected: createSelector(
      selectWindows,
      selectSelectedId,
      (windows, id) => windows.data?.find((w) => w.id === id) ?? null,
    ),
  }),
});
