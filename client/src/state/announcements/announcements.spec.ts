import { TestBed } from '@angular/core/testing';
import type { Action } from '@ngrx/store';
import { ReplaySubject, firstValueFrom } from 'rxjs';

import type { AnnouncementDto } from '../../generated/models/announcement-dto';
import { setUpApiTestBed } from '../testing/api-test-bed';
import { AnnouncementsApiActions } from './announcements-api.actions';
import { AnnouncementsPageActions } from './announcements-page.actions';
import { loadAnnouncements, publishAnnouncement } from './announcements.effects';
import {
  announcementPhase,
  announcementsFeature,
  initialAnnouncementsState,
} from './announcements.feature';

const announcement = (id: string, publishAt: string, expiresAt: string): AnnouncementDto => ({
  id,
  title: id,
  body: 'b',
  audience: 'all',
  customerIds: [],
  kind: 'platform',
  maintenanceWindowId: null,
  notifiedCount: null,
  createdAt: publishAt,
  publishAt,
  expiresAt,
});

describe('announcements feature', () => {
  it('lists the newest first and adds a published one', () => {
    let s = announcementsFeature.reducer(
      initialAnnouncementsState,
      AnnouncementsApiActions.loaded({
        all: false,
        page: {
          items: [
            announcement('old', '2026-11-01T00:00:00Z', '2027-01-01T00:00:00Z'),
            announcement('new', '2026-12-01T00:00:00Z', '2027-01-01T00:00:00Z'),
          ],
          page: 1,
          pageSize: 100,
          total: 2,
        },
      }),
    );
    expect(announcementsFeature.selectSorted.projector(s.items).map((a) => a.id)).toEqual([
      'new',
      'old',
    ]);
    s = announcementsFeature.reducer(
      s,
      AnnouncementsApiActions.published({
        announcement: announcement('now', '2026-12-03T00:00:00Z', '2026-12-10T00:00:00Z'),
      }),
    );
    expect(s.items.data?.map((a) => a.id)).toEqual(['now', 'old', 'new']);
    expect(s.publishing).toBe(false);
  });

  it('says whether an announcement is upcoming, current or expired', () => {
    const now = Date.parse('2026-12-03T12:00:00Z');
    const a = (from: string, to: string) =>
      announcementPhase({ publishAt: from, expiresAt: to }, now);
    expect(a('2026-12-04T00:00:00Z', '2026-12-05T00:00:00Z')).toBe('upcoming');
    expect(a('2026-12-01T00:00:00Z', '2026-12-05T00:00:00Z')).toBe('current');
    expect(a('2026-12-01T00:00:00Z', '2026-12-03T12:00:00Z')).toBe('expired');
  });
});

describe('announcements effects', () => {
  let actions$: ReplaySubject<Action>;
  beforeEach(() => {
    actions$ = new ReplaySubject<Action>();
  });

  it('asks operator staff’s list with expired and future ones', async () => {
    const http = setUpApiTestBed({ actions$: () => actions$ });
    const out = TestBed.runInInjectionContext(() => firstValueFrom(loadAnnouncements()));
    actions$.next(AnnouncementsPageActions.opened({ all: true }));
    const req = http.expectOne((r) => r.url === '/api/v1/announcements');
    expect(req.request.params.get('all')).toBe('true');
    req.flush({ items: [], page: 1, pageSize: 100, total: 0 });
    expect(await out).toMatchObject({ type: AnnouncementsApiActions.loaded.type, all: true });
  });

  it('publishes once however often it is asked while the first is on its way', () => {
    const http = setUpApiTestBed({ actions$: () => actions$ });
    TestBed.runInInjectionContext(() => publishAnnouncement().subscribe());
    const body = {
      title: 't',
      body: 'b',
      audience: 'all' as const,
      expiresAt: '2027-01-01T00:00:00Z',
    };
    actions$.next(AnnouncementsPageActions.publishRequested({ announcement: body }));
    actions$.next(AnnouncementsPageActions.publishRequested({ announcement: body }));
    const posts = http.match((r) => r.url === '/api/v1/announcements' && r.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.request.body).toEqual(body);
  });
});
