import { createActionGroup, props } from '@ngrx/store';

import type { StatisticsDto } from '../../generated/models/statistics-dto';
import type { Failure } from '../shared/loadable.model';
import type { TimeRange } from '../shared/time-range.model';

export const StatisticsApiActions = createActionGroup({
  source: 'Statistics API',
  events: {
    Loaded: props<{ customerId: string | null; range: TimeRange; statistics: StatisticsDto }>(),
    Failed: props<{ customerId: string | null; range: TimeRange; error: Failure }>(),
  },
});
