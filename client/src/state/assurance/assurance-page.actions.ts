import { createActionGroup, emptyProps, props } from '@ngrx/store';

import type { CreateAssuranceWindowDto } from '../../generated/models/create-assurance-window-dto';
import type { AssuranceDecision } from './assurance.feature';

export const AssurancePageActions = createActionGroup({
  source: 'Assurance Page',
  events: {
    /** The list of windows; `customerId` narrows it (null: every customer in scope). */
    Opened: props<{ customerId: string | null }>(),
    Closed: emptyProps(),
    /** The request form's circuit search, within one customer. */
    'Circuits Searched': props<{ customerId: string; q: string }>(),
    'Request Submitted': props<{ request: CreateAssuranceWindowDto }>(),
    'Decision Requested': props<{
      id: string;
      decision: AssuranceDecision;
      note?: string;
      pollIntervalSec?: number;
    }>(),
    /** The live dashboard of one window: read now, then again while it is shown. */
    'Dashboard Opened': props<{ id: string }>(),
    'Dashboard Closed': emptyProps(),
  },
});
