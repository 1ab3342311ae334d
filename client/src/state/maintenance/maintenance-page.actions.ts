import { createActionGroup, emptyProps, props } from '@ngrx/store';

import type { CreateMaintenanceWindowDto } from '../../generated/models/create-maintenance-window-dto';
import type { MaintenanceAction } from './maintenance.feature';

export const MaintenancePageActions = createActionGroup({
  source: 'Maintenance Page',
  events: {
    Opened: emptyProps(),
    Closed: emptyProps(),
    /** The element picker reads the network elements on one customer's circuits. */
    'Elements Requested': props<{ customerId: string }>(),
    /** What an element carries, before a window is planned on it. */
    'Impact Requested': props<{ elementId: string }>(),
    'Plan Submitted': props<{ window: CreateMaintenanceWindowDto }>(),
    'Window Selected': props<{ id: string | null }>(),
    'Action Requested': props<{ id: string; action: MaintenanceAction }>(),
  },
});
