import { createActionGroup, emptyProps } from '@ngrx/store';

export const CustomersPageActions = createActionGroup({
  source: 'Customers Page',
  events: {
    /** The customers the caller works on are needed (account manager page, customer pickers). */
    Opened: emptyProps(),
    'Refresh Requested': emptyProps(),
  },
});
