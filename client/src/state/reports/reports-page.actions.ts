import { createActionGroup, emptyProps, props } from '@ngrx/store';

import type { CreateReportDto } from '../../generated/models/create-report-dto';
import type { CreateReportScheduleDto } from '../../generated/models/create-report-schedule-dto';

export const ReportsPageActions = createActionGroup({
  source: 'Reports Page',
  events: {
    /** `customerId` null: every customer in the caller's scope. */
    Opened: props<{ customerId: string | null }>(),
    Closed: emptyProps(),
    'Report Requested': props<{ request: CreateReportDto }>(),
    /** A report of the list (or one just requested) shown with its figures. */
    'Report Opened': props<{ id: string }>(),
    'Schedule Requested': props<{ schedule: CreateReportScheduleDto }>(),
    'Schedule Toggled': props<{ id: string; enabled: boolean }>(),
  },
});
