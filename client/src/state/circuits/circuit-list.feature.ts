import { createFeature, createReducer, createSelector, on } from '@ngrx/store';

import type { CircuitSummaryDto } from '../../generated/models/circuit-summary-dto';
import { LiveEventsActions } from '../live-events/live-events.actions';
import type { Failure } from '../shared/loadable.model';
import { CircuitListPageActions } from './circuit-list-page.actions';
import { CIRCUIT_PAGE_SIZE, type CircuitQuery, emptyCircuitQuery } from './circuit-query.model';
import { CircuitsApiActions } from './circuits-api.actions';

export interface CircuitListState {
  open: boolean;
  query: CircuitQuery;
  /** Incremented with each query: answers of an older one are dropped. */
  generation: number;
  /** Matches over all pages, null before the first answer. */
  total: number | null;
  /** Per page number: in flight, read, or failed. */
  pages: Record<number, 'loading' | 'loaded' | 'failed'>;
  /** Row index → circuit id, for the rows read so far (the table is sparse until scrolled). */
  rowIds: Record<number, string>;
  circuits: Record<string, CircuitSummaryDto>;
  error: Failure | null;
  loadedAt: string | null;
}

export const initialCircuitListState: CircuitListState = {
  open: false,
  query: emptyCircuitQuery,
  generation: 0,
  total: null,
  pages: {},
  rowIds: {},
  circuits: {},
  error: null,
  loadedAt: null,
};

interface CircuitStateData {
  state?: CircuitSummaryDto['state'];
  stateSince?: string;
  activeAlarmIds?: string[];
}

export const circuitListFeature = createFeature({
  name: 'circuitList',
  reducer: createReducer(
    initialCircuitListState,
    on(CircuitListPageActions.queryChanged, (state, { query }): CircuitListState => ({
      ...initialCircuitListState,
      open: true,
      query,
      generation: state.generation + 1,
    })),
    on(CircuitListPageActions.closed, (state): CircuitListState => ({ ...state, open: false })),
    on(CircuitsApiActions.pagesRequested, (state, { generation, pages }): CircuitListState => {
      if (generation !== state.generation || !pages.length) return state;
      const next = { ...state.pages };
      for (const p of pages) next[p] = 'loading';
      return { ...state, pages: next };
    }),
    on(CircuitsApiActions.pageLoaded, (state, { generation, page, result }): CircuitListState => {
      if (generation !== state.generation) return state;
      const rowIds = { ...state.rowIds };
      const circuits = { ...state.circuits };
      const offset = (page - 1) * CIRCUIT_PAGE_SIZE;
      result.items.forEach((item, i) => {
        rowIds[offset + i] = item.id;
        circuits[item.id] = item;
      });
      return {
        ...state,
        total: result.total,
        pages: { ...state.pages, [page]: 'loaded' },
        rowIds,
        circuits,
        error: null,
        loadedAt: new Date().toISOString(),
      };
    }),
    on(CircuitsApiActions.pageFailed, (state, { generation, page, error }): CircuitListState =>
      generation === state.generation
        ? { ...state, pages: { ...state.pages, [page]: 'failed' }, error }
        : state,
    ),
    // A circuit's state changed: the row shows it at once (a re-read follows for the order).
    on(LiveEventsActions.changeReceived, (state, { message }): CircuitListState => {
      if (message.kind !== 'circuit') return state;
      const current = state.circuits[message.id];
      const data = message.data as CircuitStateData;
      if (!current || !data.state) return state;
      return {
        ...state,
        circuits: {
          ...state.circuits,
          [message.id]: {
            ...current,
            state: data.state,
            stateSince: data.stateSince ?? current.stateSince,
            activeAlarmCount: data.activeAlarmIds?.length ?? current.activeAlarmCount,
          },
        },
      };
    }),
  ),
  extraSelectors: ({ selectTotal, selectRowIds, selectCircuits, selectPages }) => ({
    /** One entry per matching circuit, null where the row is not read yet (a placeholder). */
    selectRows: createSelector(
      selectTotal,
      selectRowIds,
      selectCircuits,
      (total, rowIds, circuits) => {
        const rows: (CircuitSummaryDto | null)[] = new Array<CircuitSummaryDto | null>(total ?? 0);
        for (let i = 0; i < rows.length; i++) {
          const id = rowIds[i];
          rows[i] = id === undefined ? null : (circuits[id] ?? null);
        }
        return rows;
      },
    ),
    selectIsLoading: createSelector(selectPages, (pages) =>
      Object.values(pages).some((p) => p === 'loading'),
    ),
    selectLoadedPages: createSelector(selectPages, (pages) =>
      Object.entries(pages)
        .filter(([, s]) => s === 'loaded')
        .map(([p]) => Number(p)),
    ),
  }),
});
