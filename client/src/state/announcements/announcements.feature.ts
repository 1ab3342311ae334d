import { createFeature, createReducer, createSelector, on } from '@ngrx/store';

import type { AnnouncementDto } from '../../generated/models/announcement-dto';
import {
  type Failure,
  type Loadable,
  failed,
  idle,
  loaded,
  loading,
} from '../shared/loadable.model';
import { AnnouncementsApiActions } from './announcements-api.actions';
import { AnnouncementsPageActions } from './announcements-page.actions';

export interface AnnouncementsState {
  all: boolean;
  items: Loadable<AnnouncementDto[]>;
  publishing: boolean;
  publishError: Failure | null;
}

export const initialAnnouncementsState: AnnouncementsState = {
  all: false,
  items: idle(),
  publishing: false,
  publishError: null,
};

/** Where an announcement stands at `now`: upcoming, current or expired. */
export function announcementPhase(
  a: Pick<AnnouncementDto, 'publishAt' | 'expiresAt'>,
  now: number = Date.now(),
): 'upcoming' | 'current' | 'expired' {
  if (Date.parse(a.publishAt) > now) return 'upcoming';
  return Date.parse(a.expiresAt) <= now ? 'expired' : 'current';
}

export const announcementsFeature = createFeature({
  name: 'announcements',
  reducer: createReducer(
    initialAnnouncementsState,
    on(AnnouncementsPageActions.opened, (state, { all }): AnnouncementsState => ({
      ...state,
      all,
      items: loading(state.all === all ? state.items : idle()),
    })),
    on(AnnouncementsApiActions.loaded, (state, { all, page }) =>
      all === state.all ? { ...state, items: loaded(page.items) } : state,
    ),
    on(AnnouncementsApiActions.failed, (state, { all, error }) =>
      all === state.all ? { ...state, items: failed(state.items, error) } : state,
    ),
    on(AnnouncementsPageActions.publishRequested, (state): AnnouncementsState => ({
      ...state,
      publishing: true,
      publishError: null,
    })),
    on(AnnouncementsApiActions.published, (state, { announcement }): AnnouncementsState => ({
      ...state,
      publishing: false,
      items: loaded([announcement, ...(state.items.data ?? [])]),
    })),
    on(AnnouncementsApiActions.publishFailed, (state, { error }): AnnouncementsState => ({
      ...state,
      publishing: false,
      publishError: error,
    })),
  ),
  extraSelectors: ({ selectItems }) => ({
    /** Newest first: what a user reads first is what was published last. */
    selectSorted: createSelector(selectItems, (items) =>
      [...(items.data ?? [])].sort((a, b) => Date.parse(b.publishAt) - Date.parse(a.publishAt)),
    ),
  }),
});
