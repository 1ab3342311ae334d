import { createActionGroup, props } from '@ngrx/store';

import type { AlarmDetailDto } from '../../generated/models/alarm-detail-dto';
import type { AlarmPageDto } from '../../generated/models/alarm-page-dto';
import type { ImpactDto } from '../../generated/models/impact-dto';
import type { Failure } from '../shared/loadable.model';

export const AlarmsApiActions = createActionGroup({
  source: 'Alarms API',
  events: {
    'List Loaded': props<{ page: AlarmPageDto }>(),
    'List Failed': props<{ error: Failure }>(),
    'Detail Loaded': props<{ alarm: AlarmDetailDto }>(),
    'Detail Failed': props<{ alarmId: string; error: Failure }>(),
    'Impact Loaded': props<{ alarmId: string; impact: ImpactDto }>(),
    'Impact Failed': props<{ alarmId: string; error: Failure }>(),
    /** Acknowledged, unacknowledged or commented: the alarm as it now is. */
    'Command Succeeded': props<{ alarm: AlarmDetailDto }>(),
    'Command Failed': props<{ alarmId: string; error: Failure }>(),
  },
});
