import { createActionGroup, props } from '@ngrx/store';

import type { CustomerAvailabilityPageDto } from '../../generated/models/customer-availability-page-dto';
import type { CustomerTopologyDto } from '../../generated/models/customer-topology-dto';
import type { Failure } from '../shared/loadable.model';

export const CustomersApiActions = createActionGroup({
  source: 'Customers API',
  events: {
    'Ids Loaded': props<{ customerIds: string[] }>(),
    'Ids Failed': props<{ error: Failure }>(),
    'Health Loaded': props<{ customerId: string; topology: CustomerTopologyDto }>(),
    'Availability Loaded': props<{
      customerId: string;
      availability: CustomerAvailabilityPageDto;
    }>(),
    'Customer Failed': props<{ customerId: string; error: Failure }>(),
  },
});
