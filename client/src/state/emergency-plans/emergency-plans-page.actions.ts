import { createActionGroup, emptyProps, props } from '@ngrx/store';

import type { EmergencyPlanBodyDto } from '../../generated/models/emergency-plan-body-dto';

export const EmergencyPlansPageActions = createActionGroup({
  source: 'Emergency Plans Page',
  events: {
    /** `customerId` null: every customer in the caller's scope. */
    Opened: props<{ customerId: string | null }>(),
    Closed: emptyProps(),
    /** A plan shown with its history; null: none (the editor of a new one, or nothing). */
    'Plan Selected': props<{ planId: string | null }>(),
    'Create Requested': props<{ plan: EmergencyPlanBodyDto }>(),
    /** `version`: the one the change is based on (a stale one is refused). */
    'Update Requested': props<{ planId: string; version: number; plan: EmergencyPlanBodyDto }>(),
    /** The circuit search of the editor: circuits (and their end sites) to link. */
    'Circuit Searched': props<{ q: string }>(),
  },
});
