import { createActionGroup, emptyProps, props } from '@ngrx/store';

import type { TimeRange } from '../shared/time-range.model';
import type { CircuitDetailPart } from './circuit-detail-api.actions';

export const CircuitDetailPageActions = createActionGroup({
  source: 'Circuit Detail Page',
  events: {
    /**
     * `parts`: what to read (default all). A field engineer's job sheet asks for the
     * route only: the API gives it that of its dispatched circuits and nothing else.
     */
    Opened: props<{ circuitId: string; parts?: readonly CircuitDetailPart[] }>(),
    Closed: emptyProps(),
    'Refresh Requested': emptyProps(),
    /** A preset range, or the window the user zoomed to: the API picks the granularity. */
    'Performance Range Changed': props<{ range: TimeRange }>(),
    'Availability Range Changed': props<{ range: TimeRange }>(),
  },
});
