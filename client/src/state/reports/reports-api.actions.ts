import { createActionGroup, props } from '@ngrx/store';

import type { ReportDto } from '../../generated/models/report-dto';
import type { ReportPageDto } from '../../generated/models/report-page-dto';
import type { ReportScheduleDto } from '../../generated/models/report-schedule-dto';
import type { ReportSchedulePageDto } from '../../generated/models/report-schedule-page-dto';
import type { Failure } from '../shared/loadable.model';

export const ReportsApiActions = createActionGroup({
  source: 'Reports API',
  events: {
    'List Loaded': props<{ customerId: string | null; page: ReportPageDto }>(),
    'List Failed': props<{ customerId: string | null; error: Failure }>(),
    'Schedules Loaded': props<{ customerId: string | null; page: ReportSchedulePageDto }>(),
    'Schedules Failed': props<{ customerId: string | null; error: Failure }>(),
    /** The job was accepted (202) or read again while it runs: its state and progress. */
    'Report Progressed': props<{ report: ReportDto }>(),
    'Report Failed': props<{ id: string | null; error: Failure }>(),
    'Schedule Saved': props<{ schedule: ReportScheduleDto }>(),
    'Schedule Failed': props<{ error: Failure }>(),
  },
});
