import { HttpClient, HttpEventType, HttpResponse } from '@angular/common/http';
import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { catchError, filter, map, mergeMap, of, tap } from 'rxjs';

import { ApiConfiguration } from '../../generated/api-configuration';
import { failureOf } from '../shared/loadable.model';
import { exportFileOf, exportRequestBuilder, filenameOf } from './export-request.model';
import { ExportsActions } from './exports.actions';
import { FILE_SAVER } from './file-saver.port';

/** Streams an export with download progress, then hands the file to the user. */
export const runExport = createEffect(
  (
    actions$ = inject(Actions),
    http = inject(HttpClient),
    config = inject(ApiConfiguration),
    save = inject(FILE_SAVER),
  ) =>
    actions$.pipe(
      ofType(ExportsActions.requested),
      mergeMap(({ request }) => {
        const { accept, fallbackName } = exportFileOf(request);
        const req = exportRequestBuilder(config.rootUrl, request).build<Blob>({
          accept,
          responseType: 'blob',
          reportProgress: true,
        });
        return http.request<Blob>(req).pipe(
          filter(
            (e) => e.type === HttpEventType.DownloadProgress || e.type === HttpEventType.Response,
          ),
          tap((e) => {
            if (e instanceof HttpResponse && e.body) {
              save(e.body, filenameOf(e.headers.get('content-disposition'), fallbackName));
            }
          }),
          map((e) =>
            e instanceof HttpResponse
              ? ExportsActions.completed({
                  id: request.id,
                  filename: filenameOf(e.headers.get('content-disposition'), fallbackName),
                  bytes: e.body?.size ?? 0,
                })
              : ExportsActions.progressed({
                  id: request.id,
                  loadedBytes: e.type === HttpEventType.DownloadProgress ? e.loaded : 0,
                  totalBytes: e.type === HttpEventType.DownloadProgress ? (e.total ?? null) : null,
                }),
          ),
          catchError((e: unknown) =>
            of(ExportsActions.failed({ id: request.id, error: failureOf(e) })),
          ),
        );
      }),
    ),
  { functional: true },
);

export const exportsEffects = { runExport };
