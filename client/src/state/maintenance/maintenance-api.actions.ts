import { createActionGroup, props } from '@ngrx/store';

import type { AnnouncementDto } from '../../generated/models/announcement-dto';
import type { ElementNodeDto } from '../../generated/models/element-node-dto';
import type { ImpactDto } from '../../generated/models/impact-dto';
import type { MaintenanceWindowDto } from '../../generated/models/maintenance-window-dto';
import type { MaintenanceWindowPageDto } from '../../generated/models/maintenance-window-page-dto';
import type { Failure } from '../shared/loadable.model';

export const MaintenanceApiActions = createActionGroup({
  source: 'Maintenance API',
  events: {
    Listed: props<{ page: MaintenanceWindowPageDto }>(),
    'List Failed': props<{ error: Failure }>(),
    /** The maintenance announcements already published (which windows were announced). */
    'Announcements Listed': props<{ announcements: AnnouncementDto[] }>(),
    'Elements Loaded': props<{ customerId: string; elements: ElementNodeDto[] }>(),
    'Elements Failed': props<{ customerId: string; error: Failure }>(),
    'Impact Loaded': props<{ elementId: string; impact: ImpactDto }>(),
    'Impact Failed': props<{ elementId: string; error: Failure }>(),
    Planned: props<{ window: MaintenanceWindowDto }>(),
    'Plan Failed': props<{ error: Failure }>(),
    Transitioned: props<{ window: MaintenanceWindowDto }>(),
    Announced: props<{ windowId: string; announcement: AnnouncementDto }>(),
    'Action Failed': props<{ id: string; error: Failure }>(),
  },
});
