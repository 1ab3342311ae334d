import { createActionGroup, emptyProps, props } from '@ngrx/store';

import type { CircuitQuery } from './circuit-query.model';

export const CircuitListPageActions = createActionGroup({
  source: 'Circuit List Page',
  events: {
    /** The page opened, or its URL parameters changed: a new query from the first row. */
    'Query Changed': props<{ query: CircuitQuery }>(),
    /** Rows `start`…`end` (0-based) are on screen: their pages are read if missing. */
    'Range Viewed': props<{ start: number; end: number }>(),
    Closed: emptyProps(),
  },
});
