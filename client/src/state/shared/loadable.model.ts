import { HttpErrorResponse } from '@angular/common/http';

import { problemOf } from '../../problem-details';

/** Why a read failed, small enough for the store and for a message on screen. */
export interface Failure {
  /** HTTP status; 0 when the API could not be reached. */
  status: number;
  title: string;
  detail: string;
}

export function failureOf(error: unknown): Failure {
  const problem = problemOf(error);
  if (problem) return { status: problem.status, title: problem.title, detail: problem.detail };
  if (error instanceof HttpErrorResponse) {
    return { status: error.status, title: error.statusText || 'Error', detail: error.message };
  }
  return {
    status: -1,
    title: 'Error',
    detail: error instanceof Error ? error.message : String(error),
  };
}

/** One piece of data read from the API, with its loading state. */
export interface Loadable<T> {
  data: T | null;
  loading: boolean;
  error: Failure | null;
  /** When the data shown was read (ISO). */
  loadedAt: string | null;
}

export function idle<T>(): Loadable<T> {
  return { data: null, loading: false, error: null, loadedAt: null };
}

/** Loading again keeps what is shown: a refresh does not blank the screen. */
export function loading<T>(current: Loadable<T>): Loadable<T> {
  return { ...current, loading: true, error: null };
}

export function loaded<T>(data: T, at = new Date().toISOString()): Loadable<T> {
  return { data, loading: false, error: null, loadedAt: at };
}

export function failed<T>(current: Loadable<T>, error: Failure): Loadable<T> {
  return { ...current, loading: false, error };
}
