import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';
import { TranslatePipe } from '@ngx-translate/core';
import { distinctUntilChanged, map } from 'rxjs';

import {
  AlarmConsolePageActions,
  type AlarmQuery,
  alarmConsoleFeature,
  alarmQueryFromParams,
  alarmQueryToParams,
  authFeature,
} from '@circuitcare/client';

import { FORMAT_PIPES } from '../../ui/format.pipes';
import { IconComponent } from '../../ui/icon.component';
import { nowSignal } from '../../ui/now.signal';
import { StatusBadgeComponent } from '../../ui/status-badge.component';

/**
 * The alarms in scope, live: severity colours (and words), filters in the URL, most
 * severe raised alarms first. The NOC acknowledges and comments, and sees for the
 * alarmed element every customer and circuit it carries (impact view).
 */
@Component({
  selector: 'cc-alarm-console-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    IconComponent,
    StatusBadgeComponent,
    ...FORMAT_PIPES,
  ],
  templateUrl: './alarm-console.page.html',
  styleUrl: './alarm-console.page.scss',
})
export class AlarmConsolePage {
  private readonly store = inject(Store);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly now = nowSignal();

  protected readonly state = this.store.selectSignal(alarmConsoleFeature.selectAlarmConsoleState);
  protected readonly rows = this.store.selectSignal(alarmConsoleFeature.selectRows);
  protected readonly caps = this.store.selectSignal(authFeature.selectCapabilities);
  protected readonly comment = signal('');
  protected readonly severities = [
    'critical',
    'major',
    'minor',
    'warning',
    'indeterminate',
  ] as const;

  constructor() {
    this.route.queryParams
      .pipe(
        map((p) => alarmQueryFromParams(p as Record<string, string>)),
        distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
        takeUntilDestroyed(),
      )
      .subscribe((query) => this.store.dispatch(AlarmConsolePageActions.queryChanged({ query })));
    inject(DestroyRef).onDestroy(() => {
      this.store.dispatch(AlarmConsolePageActions.alarmSelected({ alarmId: null }));
      this.store.dispatch(AlarmConsolePageActions.closed());
    });
  }

  protected update(change: Partial<AlarmQuery>): void {
    const next = { ...this.state().query, page: 1, ...change };
    void this.router.navigate([], { queryParams: alarmQueryToParams(next), replaceUrl: true });
  }

  protected stateFilter(value: string): void {
    this.update({ state: value === 'all' ? null : (value as AlarmQuery['state']) });
  }

  protected select(alarmId: string): void {
    const next = this.state().selectedId === alarmId ? null : alarmId;
    this.store.dispatch(AlarmConsolePageActions.alarmSelected({ alarmId: next }));
  }

  protected acknowledge(alarmId: string, acknowledged: boolean): void {
    this.store.dispatch(
      acknowledged
        ? AlarmConsolePageActions.unacknowledgeRequested({ alarmId })
        : AlarmConsolePageActions.acknowledgeRequested({ alarmId }),
    );
  }

  protected sendComment(alarmId: string): void {
    const comment = this.comment().trim();
    if (!comment) return;
    this.store.dispatch(AlarmConsolePageActions.commentSubmitted({ alarmId, comment }));
    this.comment.set('');
  }

  protected refresh(): void {
    this.store.dispatch(AlarmConsolePageActions.refreshRequested());
  }
}
