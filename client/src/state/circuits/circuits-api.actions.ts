import { createActionGroup, props } from '@ngrx/store';

import type { CircuitPageDto } from '../../generated/models/circuit-page-dto';
import type { Failure } from '../shared/loadable.model';

export const CircuitsApiActions = createActionGroup({
  source: 'Circuits API',
  events: {
    /** These pages are being read (new rows scrolled into view, or a live re-read). */
    'Pages Requested': props<{ generation: number; pages: number[] }>(),
    /** `generation` ties the answer to the query it was asked for (older answers are dropped). */
    'Page Loaded': props<{ generation: number; page: number; result: CircuitPageDto }>(),
    'Page Failed': props<{ generation: number; page: number; error: Failure }>(),
  },
});
