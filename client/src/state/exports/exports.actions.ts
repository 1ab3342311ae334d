import { createActionGroup, props } from '@ngrx/store';

import type { Failure } from '../shared/loadable.model';
import type { ExportRequest } from './export-request.model';

/** Long operations the user started (CSV exports today; report jobs later): progress, not a frozen screen. */
export const ExportsActions = createActionGroup({
  source: 'Exports',
  events: {
    Requested: props<{ request: ExportRequest }>(),
    Progressed: props<{ id: string; loadedBytes: number; totalBytes: number | null }>(),
    Completed: props<{ id: string; filename: string; bytes: number }>(),
    Failed: props<{ id: string; error: Failure }>(),
    Dismissed: props<{ id: string }>(),
  },
});
