import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { concatLatestFrom } from '@ngrx/operators';
import { Store } from '@ngrx/store';
import { catchError, debounceTime, filter, map, mergeMap, of } from 'rxjs';

import { CircuitsService } from '../../generated/services/circuits.service';
import { LiveEventsActions } from '../live-events/live-events.actions';
import { ofChangeKind } from '../live-events/live-events.effects';
import { failureOf } from '../shared/loadable.model';
import { CircuitListPageActions } from './circuit-list-page.actions';
import { circuitListFeature } from './circuit-list.feature';
import { circuitListParams, pagesFor } from './circuit-query.model';
import { CircuitsApiActions } from './circuits-api.actions';

export const LIVE_LIST_DEBOUNCE_MS = 2000;
/** Rows read ahead of the visible range, so scrolling rarely meets a placeholder. */
const READ_AHEAD = 50;

/** New query: the first page; rows scrolled into view: their pages, once each. */
export const requestPages = createEffect(
  (actions$ = inject(Actions), store = inject(Store)) =>
    actions$.pipe(
      ofType(CircuitListPageActions.queryChanged, CircuitListPageActions.rangeViewed),
      concatLatestFrom(() => store.select(circuitListFeature.selectCircuitListState)),
      map(([action, state]) => {
        const wanted =
          action.type === CircuitListPageActions.queryChanged.type
            ? [1]
            : pagesFor(action.start, action.end + READ_AHEAD, state.total);
        const pages = wanted.filter((p) => state.pages[p] === undefined);
        return CircuitsApiActions.pagesRequested({ generation: state.generation, pages });
      }),
      filter(({ pages }) => pages.length > 0),
    ),
  { functional: true },
);

export const loadPages = createEffect(
  (actions$ = inject(Actions), store = inject(Store), circuits = inject(CircuitsService)) =>
    actions$.pipe(
      ofType(CircuitsApiActions.pagesRequested),
      concatLatestFrom(() => store.select(circuitListFeature.selectQuery)),
      mergeMap(([{ generation, pages }, query]) =>
        of(...pages).pipe(
          // Two at a time: a long scroll must not flood the API (rate limits are per user).
          mergeMap(
            (page) =>
              circuits.circuitsList(circuitListParams(query, page)).pipe(
                map((result) => CircuitsApiActions.pageLoaded({ generation, page, result })),
                catchError((e: unknown) =>
                  of(CircuitsApiActions.pageFailed({ generation, page, error: failureOf(e) })),
                ),
              ),
            2,
          ),
        ),
      ),
    ),
  { functional: true },
);

/** Circuit states changed: the rows on screen are read again (order and filters stay true). */
export const liveList = createEffect(
  (actions$ = inject(Actions), store = inject(Store)) =>
    actions$.pipe(
      ofType(LiveEventsActions.changeReceived),
      ofChangeKind('circuit'),
      debounceTime(LIVE_LIST_DEBOUNCE_MS),
      concatLatestFrom(() => [
        store.select(circuitListFeature.selectCircuitListState),
        store.select(circuitListFeature.selectLoadedPages),
      ]),
      filter(([, state]) => state.open),
      map(([, state, loaded]) =>
        CircuitsApiActions.pagesRequested({ generation: state.generation, pages: loaded }),
      ),
      filter(({ pages }) => pages.length > 0),
    ),
  { functional: true },
);

export const circuitListEffects = { requestPages, loadPages, liveList };
