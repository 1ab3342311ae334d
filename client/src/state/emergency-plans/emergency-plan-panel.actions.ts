import { createActionGroup, props } from '@ngrx/store';

/** The "Emergency plan" panel beside a major incident (circuit page, ticket page). */
export const EmergencyPlanPanelActions = createActionGroup({
  source: 'Emergency Plan Panel',
  events: {
    Opened: props<{ circuitIds: string[] }>(),
  },
});
