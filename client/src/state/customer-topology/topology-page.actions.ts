import { createActionGroup, emptyProps, props } from '@ngrx/store';

export const TopologyPageActions = createActionGroup({
  source: 'Topology Page',
  events: {
    /** `customerId` null: the caller's own customer. */
    Opened: props<{ customerId: string | null }>(),
    Closed: emptyProps(),
    'Element Selected': props<{ elementId: string | null }>(),
  },
});
