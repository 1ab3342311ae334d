import { createActionGroup, props } from '@ngrx/store';

import type { CustomerAvailabilityPageDto } from '../../generated/models/customer-availability-page-dto';
import type { CustomerTopologyDto } from '../../generated/models/customer-topology-dto';
import type { FaultPageDto } from '../../generated/models/fault-page-dto';
import type { Failure } from '../shared/loadable.model';

export type OverviewPart = 'summary' | 'faults' | 'availability' | 'structure';

export const OverviewApiActions = createActionGroup({
  source: 'Overview API',
  events: {
    'Summary Loaded': props<{ customerId: string | null; topology: CustomerTopologyDto }>(),
    'Faults Loaded': props<{ customerId: string | null; faults: FaultPageDto }>(),
    'Availability Loaded': props<{
      customerId: string | null;
      availability: CustomerAvailabilityPageDto;
    }>(),
    'Structure Loaded': props<{ customerId: string | null; topology: CustomerTopologyDto }>(),
    'Load Failed': props<{ customerId: string | null; part: OverviewPart; error: Failure }>(),
  },
});
