import { ChangeDetectionStrategy, Component, DestroyRef, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';
import { TranslatePipe } from '@ngx-translate/core';
import { distinctUntilChanged, map } from 'rxjs';

import {
  TicketListPageActions,
  type TicketQuery,
  type TicketSummaryDto,
  authFeature,
  summaryCountdown,
  ticketListFeature,
  ticketQueryFromParams,
  ticketQueryToParams,
} from '@circuitcare/client';

import { FORMAT_PIPES } from '../../ui/format.pipes';
import { IconComponent } from '../../ui/icon.component';
import { nowSignal } from '../../ui/now.signal';
import { SlaClockComponent } from '../../ui/sla-clock.component';

/**
 * The tickets in the caller's scope (a customer: its own; a field engineer: those
 * dispatched to it), open ones first by default, restore clocks counting down. The
 * filters live in the URL; the list is read again on every burst of ticket events.
 */
@Component({
  selector: 'cc-ticket-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatCheckboxModule,
    MatProgressBarModule,
    TranslatePipe,
    IconComponent,
    SlaClockComponent,
    ...FORMAT_PIPES,
  ],
  templateUrl: './ticket-list.page.html',
  styleUrl: './ticket-list.page.scss',
})
export class TicketListPage {
  private readonly store = inject(Store);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly now = nowSignal();

  protected readonly state = this.store.selectSignal(ticketListFeature.selectTicketListState);
  protected readonly caps = this.store.selectSignal(authFeature.selectCapabilities);
  protected readonly statuses = ['open', 'resolved', 'closed', 'all'] as const;

  constructor() {
    this.route.queryParams
      .pipe(
        map((p) => ticketQueryFromParams(p as Record<string, string>)),
        distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
        takeUntilDestroyed(),
      )
      .subscribe((query) => this.store.dispatch(TicketListPageActions.queryChanged({ query })));
    inject(DestroyRef).onDestroy(() => this.store.dispatch(TicketListPageActions.closed()));
  }

  protected update(change: Partial<TicketQuery>): void {
    const next = { ...this.state().query, page: 1, ...change };
    void this.router.navigate([], { queryParams: ticketQueryToParams(next), replaceUrl: true });
  }

  protected countdown(t: TicketSummaryDto) {
    return summaryCountdown(t, this.now());
  }

  protected refresh(): void {
    this.store.dispatch(TicketListPageActions.refreshRequested());
  }

  protected pages(total: number, pageSize: number): number {
    return Math.max(1, Math.ceil(total / pageSize));
  }
}
