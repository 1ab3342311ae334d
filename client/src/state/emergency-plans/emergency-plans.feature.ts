import { createFeature, createReducer, createSelector, on } from '@ngrx/store';

import type { AlarmDto } from '../../generated/models/alarm-dto';
import type { EmergencyPlanDto } from '../../generated/models/emergency-plan-dto';
import type { PlanContactDto } from '../../generated/models/plan-contact-dto';
import type { Role } from '../auth/roles.model';
import { LiveEventsActions } from '../live-events/live-events.actions';
import {
  type CircuitSearchState,
  circuitsFailed,
  circuitsFound,
  circuitsSearching,
  upsertLoaded,
} from '../shared/collection.model';
import {
  type Failure,
  type Loadable,
  failed,
  idle,
  loaded,
  loading,
} from '../shared/loadable.model';
import { EmergencyPlanPanelActions } from './emergency-plan-panel.actions';
import { EmergencyPlansApiActions } from './emergency-plans-api.actions';
import { EmergencyPlansPageActions } from './emergency-plans-page.actions';

export interface EmergencyPlansState extends CircuitSearchState {
  open: boolean;
  customerId: string | null;
  /** The newest version of every plan the caller may read. */
  list: Loadable<EmergencyPlanDto[]>;
  selectedId: string | null;
  /** Every version of the selected plan, newest first. */
  versions: Loadable<EmergencyPlanDto[]>;
  saving: boolean;
  saveError: Failure | null;
  /** The plan last written (id and version): the page leaves its editor on it. */
  saved: { id: string; version: number } | null;
  /** Plans per circuit, for the incident panel. */
  byCircuit: Record<string, Loadable<EmergencyPlanDto[]>>;
}

export const initialEmergencyPlansState: EmergencyPlansState = {
  open: false,
  customerId: null,
  list: idle(),
  selectedId: null,
  versions: idle(),
  saving: false,
  saveError: null,
  saved: null,
  circuitQuery: '',
  circuits: idle(),
  byCircuit: {},
};

/** Only a customer admin writes plans (POST/PUT are `@Roles('customer-admin')` in the API). */
export function canEditEmergencyPlans(role: Role | null | undefined): boolean {
  return role === 'customer-admin';
}

export type PlanChange = 'title' | 'scenario' | 'contacts' | 'steps' | 'circuits' | 'sites';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What a version changed against the one before it (null: the first version). */
export function planChanges(
  before: EmergencyPlanDto | null | undefined,
  after: EmergencyPlanDto,
): PlanChange[] {
  if (!before) return [];
  const out: PlanChange[] = [];
  if (before.title !== after.title) out.push('title');
  if (before.scenario !== after.scenario) out.push('scenario');
  if (!same(before.contacts, after.contacts)) out.push('contacts');
  if (!same(before.steps, after.steps)) out.push('steps');
  if (!same(before.circuitIds, after.circuitIds)) out.push('circuits');
  if (!same(before.siteIds, after.siteIds)) out.push('sites');
  return out;
}

export interface ContactLevel {
  level: 1 | 2 | 3;
  contacts: PlanContactDto[];
}

/** The contact tree: level 1 is called first, then 2, then 3; within a level, as entered. */
export function contactTree(contacts: readonly PlanContactDto[]): ContactLevel[] {
  return ([1, 2, 3] as const)
    .map((level) => ({ level, contacts: contacts.filter((c) => c.level === level) }))
    .filter((l) => l.contacts.length > 0);
}

/** A dialable `tel:` address of a phone number as entered (spaces and dashes dropped). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[\s-]/g, '')}`;
}

/**
 * A major incident on a circuit: a located fault, or a raised critical or major alarm.
 * That is when its emergency plan is put beside it.
 */
export function hasMajorIncident(
  fault: unknown,
  alarms: readonly Pick<AlarmDto, 'state' | 'perceivedSeverity'>[] | null | undefined,
): boolean {
  if (fault) return true;
  return (alarms ?? []).some(
    (a) =>
      a.state === 'raised' &&
      (a.perceivedSeverity === 'critical' || a.perceivedSeverity === 'major'),
  );
}

export const emergencyPlansFeature = createFeature({
  name: 'emergencyPlans',
  reducer: createReducer(
    initialEmergencyPlansState,
    on(EmergencyPlansPageActions.opened, (state, { customerId }): EmergencyPlansState => {
      const base =
        state.customerId === customerId
          ? state
          : { ...initialEmergencyPlansState, byCircuit: state.byCircuit };
      return { ...base, open: true, customerId, list: loading(base.list), saveError: null };
    }),
    on(EmergencyPlansPageActions.closed, (state): EmergencyPlansState => ({
      ...state,
      open: false,
      saving: false,
      saveError: null,
    })),
    on(EmergencyPlansPageActions.planSelected, (state, { planId }): EmergencyPlansState => ({
      ...state,
      selectedId: planId,
      versions:
        planId === null ? idle() : loading(state.selectedId === planId ? state.versions : idle()),
      saveError: null,
    })),
    on(EmergencyPlansApiActions.listLoaded, (state, { customerId, plans }) =>
      customerId === state.customerId ? { ...state, list: loaded(plans) } : state,
    ),
    on(EmergencyPlansApiActions.listFailed, (state, { customerId, error }) =>
      customerId === state.customerId ? { ...state, list: failed(state.list, error) } : state,
    ),
    on(EmergencyPlansApiActions.versionsLoaded, (state, { planId, versions }) =>
      planId === state.selectedId ? { ...state, versions: loaded(versions) } : state,
    ),
    on(EmergencyPlansApiActions.versionsFailed, (state, { planId, error }) =>
      planId === state.selectedId ? { ...state, versions: failed(state.versions, error) } : state,
    ),
    on(
      EmergencyPlansPageActions.createRequested,
      EmergencyPlansPageActions.updateRequested,
      (state): EmergencyPlansState => ({ ...state, saving: true, saveError: null, saved: null }),
    ),
    on(EmergencyPlansApiActions.saved, (state, { plan }): EmergencyPlansState => {
      const shown = state.selectedId === plan.id ? (state.versions.data ?? []) : [];
      return {
        ...state,
        saving: false,
        saved: { id: plan.id, version: plan.version },
        selectedId: plan.id,
        versions: loaded([plan, ...shown.filter((v) => v.version !== plan.version)]),
        list: state.list.data ? upsertLoaded(state.list, plan) : state.list,
        // The incident panels read again when next shown.
        byCircuit: {},
      };
    }),
    on(EmergencyPlansApiActions.saveFailed, (state, { error }): EmergencyPlansState => ({
      ...state,
      saving: false,
      saveError: error,
    })),
    on(EmergencyPlansPageActions.circuitSearched, (state, { q }) => circuitsSearching(state, q)),
    on(EmergencyPlansApiActions.circuitsFound, (state, { q, circuits }) =>
      circuitsFound(state, q, circuits),
    ),
    on(EmergencyPlansApiActions.circuitsFailed, (state, { q, error }) =>
      circuitsFailed(state, q, error),
    ),
    on(EmergencyPlanPanelActions.opened, (state, { circuitIds }): EmergencyPlansState => {
      const byCircuit = { ...state.byCircuit };
      for (const id of circuitIds) byCircuit[id] = loading(byCircuit[id] ?? idle());
      return { ...state, byCircuit };
    }),
    on(
      EmergencyPlansApiActions.circuitPlansLoaded,
      (state, { circuitId, plans }): EmergencyPlansState => ({
        ...state,
        byCircuit: { ...state.byCircuit, [circuitId]: loaded(plans) },
      }),
    ),
    on(
      EmergencyPlansApiActions.circuitPlansFailed,
      (state, { circuitId, error }): EmergencyPlansState => ({
        ...state,
        byCircuit: {
          ...state.byCircuit,
          [circuitId]: failed(state.byCircuit[circuitId] ?? idle(), error),
        },
      }),
    ),
    // Signed out: nothing of one user's plans stays for the next.
    on(LiveEventsActions.stopped, (): EmergencyPlansState => initialEmergencyPlansState),
  ),
  extraSelectors: ({ selectList, selectVersions, selectSelectedId }) => ({
    /** Title order (zh-CN collation): how a bank's staff look a plan up. */
    selectSortedList: createSelector(selectList, (list) =>
      [...(list.data ?? [])].sort((a, b) => a.title.localeCompare(b.title, 'zh-CN')),
    ),
    /** The selected plan's newest version: from its history once read, else from the list. */
    selectSelected: createSelector(
      selectSelectedId,
      selectVersions,
      selectList,
      (id, versions, list) =>
        id === null ? null : (versions.data?.[0] ?? list.data?.find((p) => p.id === id) ?? null),
    ),
    /** Each version with what it changed against the one before. */
    selectHistory: createSelector(selectVersions, (versions) => {
      const all = versions.data ?? [];
      return all.map((v, i) => ({ plan: v, changes: planChanges(all[i + 1], v) }));
    }),
  }),
});

/** The plans for these circuits, each once (a plan may name several of them). */
export function plansForCircuits(
  byCircuit: Record<string, Loadable<EmergencyPlanDto[]>>,
  circuitIds: readonly string[],
): { plans: EmergencyPlanDto[]; loading: boolean; error: Failure | null } {
  const seen = new Map<string, EmergencyPlanDto>();
  let busy = false;
  let error: Failure | null = null;
  for (const id of circuitIds) {
    const entry = byCircuit[id];
    if (!entry || entry.loading) busy = true;
    if (entry?.error) error = entry.error;
    for (const p of entry?.data ?? []) if (!seen.has(p.id)) seen.set(p.id, p);
  }
  return { plans: [...seen.values()], loading: busy, error };
}
