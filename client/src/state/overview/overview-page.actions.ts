import { createActionGroup, emptyProps, props } from '@ngrx/store';

export const OverviewPageActions = createActionGroup({
  source: 'Overview Page',
  events: {
    /** `customerId` null: the caller's own customer (customer users, an account manager of one). */
    Opened: props<{ customerId: string | null }>(),
    Closed: emptyProps(),
    'Refresh Requested': emptyProps(),
  },
});
