import { createFeature, createReducer, createSelector, on } from '@ngrx/store';

import type { Failure } from '../shared/loadable.model';
import { type ExportRequest, exportSubjectOf } from './export-request.model';
import { ExportsActions } from './exports.actions';

export interface ExportJob {
  id: string;
  kind: ExportRequest['kind'];
  /** What the export is of (circuit or customer id). */
  subject: string | null;
  status: 'running' | 'done' | 'failed';
  loadedBytes: number;
  totalBytes: number | null;
  filename: string | null;
  error: Failure | null;
}

export interface ExportsState {
  jobs: ExportJob[];
}

export const exportsFeature = createFeature({
  name: 'exports',
  reducer: createReducer<ExportsState>(
    { jobs: [] },
    on(ExportsActions.requested, (state, { request }) => ({
      jobs: [
        {
          id: request.id,
          kind: request.kind,
          subject: exportSubjectOf(request),
          status: 'running' as const,
          loadedBytes: 0,
          totalBytes: null,
          filename: null,
          error: null,
        },
        ...state.jobs,
      ].slice(0, 10),
    })),
    on(ExportsActions.progressed, (state, { id, loadedBytes, totalBytes }) => ({
      jobs: state.jobs.map((j) => (j.id === id ? { ...j, loadedBytes, totalBytes } : j)),
    })),
    on(ExportsActions.completed, (state, { id, filename, bytes }) => ({
      jobs: state.jobs.map((j) =>
        j.id === id
          ? { ...j, status: 'done' as const, filename, loadedBytes: bytes, totalBytes: bytes }
          : j,
      ),
    })),
    on(ExportsActions.failed, (state, { id, error }) => ({
      jobs: state.jobs.map((j) => (j.id === id ? { ...j, status: 'failed' as const, error } : j)),
    })),
    on(ExportsActions.dismissed, (state, { id }) => ({
      jobs: state.jobs.filter((j) => j.id !== id),
    })),
  ),
  extraSelectors: ({ selectJobs }) => ({
    selectRunning: createSelector(selectJobs, (jobs) => jobs.filter((j) => j.status === 'running')),
  }),
});

/** 0..1 when the size is known, else null (an indeterminate bar). */
export function progressOf(job: ExportJob): number | null {
  if (job.status === 'done') return 1;
  return job.totalBytes ? Math.min(1, job.loadedBytes / job.totalBytes) : null;
}
