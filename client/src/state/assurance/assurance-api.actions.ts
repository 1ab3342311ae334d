import { createActionGroup, props } from '@ngrx/store';

import type { AssuranceDashboardDto } from '../../generated/models/assurance-dashboard-dto';
import type { AssuranceWindowDto } from '../../generated/models/assurance-window-dto';
import type { AssuranceWindowPageDto } from '../../generated/models/assurance-window-page-dto';
import type { CircuitSummaryDto } from '../../generated/models/circuit-summary-dto';
import type { Failure } from '../shared/loadable.model';

export const AssuranceApiActions = createActionGroup({
  source: 'Assurance API',
  events: {
    Listed: props<{ customerId: string | null; page: AssuranceWindowPageDto }>(),
    'List Failed': props<{ customerId: string | null; error: Failure }>(),
    'Circuits Found': props<{ q: string; circuits: CircuitSummaryDto[] }>(),
    'Circuits Failed': props<{ q: string; error: Failure }>(),
    Requested: props<{ window: AssuranceWindowDto }>(),
    'Request Failed': props<{ error: Failure }>(),
    Decided: props<{ window: AssuranceWindowDto }>(),
    'Decision Failed': props<{ id: string; error: Failure }>(),
    'Dashboard Loaded': props<{ id: string; dashboard: AssuranceDashboardDto }>(),
    'Dashboard Failed': props<{ id: string; error: Failure }>(),
  },
});
