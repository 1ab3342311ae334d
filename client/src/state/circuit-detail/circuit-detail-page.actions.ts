import { createActionGroup, emptyProps, props } from '@ngrx/store';

import type { TimeRange } from '../shared/time-range.model';

export const CircuitDetailPageActions = createActionGroup({
  source: 'Circuit Detail Page',
  events: {
    Opened: props<{ circuitId: string }>(),
    Closed: emptyProps(),
    'Refresh Requested': emptyProps(),
    /** A preset range, or the window the user zoomed to: the API picks the granularity. */
    'Performance Range Changed': props<{ range: TimeRange }>(),
    'Availability Range Changed': props<{ range: TimeRange }>(),
  },
});
