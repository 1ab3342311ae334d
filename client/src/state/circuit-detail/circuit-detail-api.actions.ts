import { createActionGroup, props } from '@ngrx/store';

import type { AlarmPageDto } from '../../generated/models/alarm-page-dto';
import type { CircuitAvailabilityDto } from '../../generated/models/circuit-availability-dto';
import type { CircuitDetailDto } from '../../generated/models/circuit-detail-dto';
import type { CircuitTopologyDto } from '../../generated/models/circuit-topology-dto';
import type { MaintenanceWindowPageDto } from '../../generated/models/maintenance-window-page-dto';
import type { PerformanceSeriesDto } from '../../generated/models/performance-series-dto';
import type { Failure } from '../shared/loadable.model';

export type CircuitDetailPart =
  'detail' | 'topology' | 'performance' | 'availability' | 'alarms' | 'maintenance';

export const CircuitDetailApiActions = createActionGroup({
  source: 'Circuit Detail API',
  events: {
    'Detail Loaded': props<{ circuitId: string; detail: CircuitDetailDto }>(),
    'Topology Loaded': props<{ circuitId: string; topology: CircuitTopologyDto }>(),
    'Performance Loaded': props<{ circuitId: string; series: PerformanceSeriesDto }>(),
    'Availability Loaded': props<{ circuitId: string; availability: CircuitAvailabilityDto }>(),
    'Alarms Loaded': props<{ circuitId: string; alarms: AlarmPageDto }>(),
    'Maintenance Loaded': props<{ circuitId: string; maintenance: MaintenanceWindowPageDto }>(),
    'Load Failed': props<{ circuitId: string; part: CircuitDetailPart; error: Failure }>(),
  },
});
