import type { CircuitSummaryDto } from '../../generated/models/circuit-summary-dto';
import { type Failure, type Loadable, failed, loaded, loading } from './loadable.model';

/** Puts a changed item in place of its old copy, or first when it is new. */
export function upsertById<T extends { id: string }>(items: readonly T[], item: T): T[] {
  const known = items.some((x) => x.id === item.id);
  return known ? items.map((x) => (x.id === item.id ? item : x)) : [item, ...items];
}

/** {@link upsertById} on a list read from the API (unread yet: a list of the one item). */
export function upsertLoaded<T extends { id: string }>(
  list: Loadable<T[]>,
  item: T,
): Loadable<T[]> {
  return { ...list, data: upsertById(list.data ?? [], item) };
}

/** The ids with a command on its way, with this one added (once). */
export function withPending(ids: readonly string[], id: string): string[] {
  return [...ids.filter((x) => x !== id), id];
}

/** The ids with a command on its way, without this one (its answer came). */
export function withoutPending(ids: readonly string[], id: string): string[] {
  return ids.filter((x) => x !== id);
}

/** A circuit picker's search: the query asked last and the circuits found for it. */
export interface CircuitSearchState {
  circuitQuery: string;
  circuits: Loadable<CircuitSummaryDto[]>;
}

/** A search started: the circuits shown stay until its answer comes. */
export function circuitsSearching<S extends CircuitSearchState>(state: S, q: string): S {
  return { ...state, circuitQuery: q, circuits: loading(state.circuits) };
}

/** An answer is kept only for the query asked last (a slower, older one is dropped). */
export function circuitsFound<S extends CircuitSearchState>(
  state: S,
  q: string,
  circuits: CircuitSummaryDto[],
): S {
  return q === state.circuitQuery ? { ...state, circuits: loaded(circuits) } : state;
}

export function circuitsFailed<S extends CircuitSearchState>(
  state: S,
  q: string,
  error: Failure,
): S {
  return q === state.circuitQuery ? { ...state, circuits: failed(state.circuits, error) } : state;
}
