import { createFeature, createReducer, createSelector, on } from '@ngrx/store';

import type { CircuitSummaryDto } from '../../generated/models/circuit-summary-dto';
import type { PreCheckDto } from '../../generated/models/pre-check-dto';
import {
  type Failure,
  type Loadable,
  failed,
  idle,
  loaded,
  loading,
} from '../shared/loadable.model';
import { FaultReportApiActions } from './fault-report-api.actions';
import { FaultReportPageActions } from './fault-report-page.actions';

export interface FaultReportState {
  q: string;
  circuits: Loadable<CircuitSummaryDto[]>;
  circuitId: string | null;
  /** GET /tickets/pre-check: what the operator already knows about the circuit. */
  preCheck: Loadable<PreCheckDto>;
  submitting: boolean;
  submitError: Failure | null;
  /** The ticket filed or joined. */
  ticketId: string | null;
  joined: boolean;
  attachments: { name: string; state: 'pending' | 'uploaded' | 'failed' }[];
  /** Filed and every photo handled. */
  completed: boolean;
}

export const initialFaultReportState: FaultReportState = {
  q: '',
  circuits: idle(),
  circuitId: null,
  preCheck: idle(),
  submitting: false,
  submitError: null,
  ticketId: null,
  joined: false,
  attachments: [],
  completed: false,
};

const setAttachment = (
  state: FaultReportState,
  name: string,
  value: 'uploaded' | 'failed',
): FaultReportState => ({
  ...state,
  attachments: state.attachments.map((a) => (a.name === name ? { ...a, state: value } : a)),
});

export const faultReportFeature = createFeature({
  name: 'faultReport',
  reducer: createReducer(
    initialFaultReportState,
    on(FaultReportPageActions.opened, (_s, { circuitId }): FaultReportState => ({
      ...initialFaultReportState,
      circuitId,
      preCheck: circuitId ? loading(idle()) : idle(),
    })),
    on(FaultReportPageActions.closed, (): FaultReportState => initialFaultReportState),
    on(FaultReportPageActions.circuitSearched, (state, { q }): FaultReportState => ({
      ...state,
      q,
      circuits: loading(state.circuits),
    })),
    on(FaultReportApiActions.circuitsFound, (state, { q, circuits }) =>
      q === state.q ? { ...state, circuits: loaded(circuits) } : state,
    ),
    on(FaultReportApiActions.circuitsFailed, (state, { q, error }) =>
      q === state.q ? { ...state, circuits: failed(state.circuits, error) } : state,
    ),
    on(FaultReportPageActions.circuitPicked, (state, { circuitId }): FaultReportState => ({
      ...state,
      circuitId,
      preCheck: loading(idle()),
      submitError: null,
    })),
    on(FaultReportPageActions.circuitCleared, (state): FaultReportState => ({
      ...state,
      circuitId: null,
      preCheck: idle(),
    })),
    on(FaultReportApiActions.preCheckLoaded, (state, { circuitId, preCheck }) =>
      circuitId === state.circuitId ? { ...state, preCheck: loaded(preCheck) } : state,
    ),
    on(FaultReportApiActions.preCheckFailed, (state, { circuitId, error }) =>
      circuitId === state.circuitId ? { ...state, preCheck: failed(state.preCheck, error) } : state,
    ),
    on(FaultReportPageActions.submitted, (state, { attachments }): FaultReportState => ({
      ...state,
      submitting: true,
      submitError: null,
      attachments: attachments.map((name) => ({ name, state: 'pending' as const })),
    })),
    on(FaultReportPageActions.joinRequested, (state): FaultReportState => ({
      ...state,
      submitting: true,
      submitError: null,
      attachments: [],
    })),
    on(FaultReportApiActions.filed, (state, { ticket }): FaultReportState => ({
      ...state,
      ticketId: ticket.id,
      joined: false,
    })),
    on(FaultReportApiActions.joined, (state, { ticket }): FaultReportState => ({
      ...state,
      ticketId: ticket.id,
      joined: true,
    })),
    on(FaultReportApiActions.submitFailed, (state, { error }): FaultReportState => ({
      ...state,
      submitting: false,
      submitError: error,
    })),
    on(FaultReportApiActions.attachmentUploaded, (state, { name }) =>
      setAttachment(state, name, 'uploaded'),
    ),
    on(FaultReportApiActions.attachmentFailed, (state, { name }) =>
      setAttachment(state, name, 'failed'),
    ),
    on(FaultReportApiActions.completed, (state): FaultReportState => ({
      ...state,
      submitting: false,
      completed: true,
    })),
  ),
  extraSelectors: ({ selectPreCheck, selectCircuitId }) => ({
    /** The circuit picked, as the pre-check describes it. */
    selectKnownCircuit: createSelector(
      selectPreCheck,
      selectCircuitId,
      (p, id) => p.data?.circuits.find((c) => c.id === id) ?? null,
    ),
    selectOpenTickets: createSelector(selectPreCheck, (p) => p.data?.openTickets ?? []),
  }),
});
