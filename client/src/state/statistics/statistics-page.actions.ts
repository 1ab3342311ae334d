import { createActionGroup, emptyProps, props } from '@ngrx/store';

import type { TimeRange } from '../shared/time-range.model';

export const StatisticsPageActions = createActionGroup({
  source: 'Statistics Page',
  events: {
    /** `customerId` null: every customer in scope, with the total across them. */
    Opened: props<{ customerId: string | null; range: TimeRange }>(),
    'Range Changed': props<{ range: TimeRange }>(),
    'Customer Changed': props<{ customerId: string | null }>(),
    Closed: emptyProps(),
  },
});
