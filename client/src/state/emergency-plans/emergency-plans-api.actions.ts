import { createActionGroup, props } from '@ngrx/store';

import type { CircuitSummaryDto } from '../../generated/models/circuit-summary-dto';
import type { EmergencyPlanDto } from '../../generated/models/emergency-plan-dto';
import type { Failure } from '../shared/loadable.model';

export const EmergencyPlansApiActions = createActionGroup({
  source: 'Emergency Plans API',
  events: {
    'List Loaded': props<{ customerId: string | null; plans: EmergencyPlanDto[] }>(),
    'List Failed': props<{ customerId: string | null; error: Failure }>(),
    /** Every version of one plan, newest first. */
    'Versions Loaded': props<{ planId: string; versions: EmergencyPlanDto[] }>(),
    'Versions Failed': props<{ planId: string; error: Failure }>(),
    /** A plan created (version 1) or its next version written. */
    Saved: props<{ plan: EmergencyPlanDto; created: boolean }>(),
    'Save Failed': props<{ error: Failure }>(),
    'Circuits Found': props<{ q: string; circuits: CircuitSummaryDto[] }>(),
    'Circuits Failed': props<{ q: string; error: Failure }>(),
    /** The plans for one circuit (linked to it or to one of its end sites). */
    'Circuit Plans Loaded': props<{ circuitId: string; plans: EmergencyPlanDto[] }>(),
    'Circuit Plans Failed': props<{ circuitId: string; error: Failure }>(),
  },
});
