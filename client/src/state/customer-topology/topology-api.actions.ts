import { createActionGroup, props } from '@ngrx/store';

import type { CustomerTopologyDto } from '../../generated/models/customer-topology-dto';
import type { ImpactDto } from '../../generated/models/impact-dto';
import type { Failure } from '../shared/loadable.model';

export const TopologyApiActions = createActionGroup({
  source: 'Topology API',
  events: {
    'Picture Loaded': props<{ customerId: string | null; topology: CustomerTopologyDto }>(),
    'Picture Failed': props<{ customerId: string | null; error: Failure }>(),
    'Impact Loaded': props<{ elementId: string; impact: ImpactDto }>(),
    'Impact Failed': props<{ elementId: string; error: Failure }>(),
  },
});
