import { ChangeDetectionStrategy, Component, DestroyRef, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';
import { TranslatePipe } from '@ngx-translate/core';

import {
  CustomersPageActions,
  OpenTicketsPageActions,
  authFeature,
  customersFeature,
  minutesToRestore,
  openTicketsFeature,
  selectAccountCustomers,
  type TicketSummaryDto,
} from '@circuitcare/client';

import { FORMAT_PIPES } from '../../ui/format.pipes';
import { IconComponent } from '../../ui/icon.component';
import { StatusBadgeComponent } from '../../ui/status-badge.component';

/**
 * The account manager's desk (and the NOC's list of customers): each customer worst
 * off first, with its circuits' health, this month's availability, its open tickets by
 * SLA urgency, and the way into its overview, circuits, reports and statistics.
 */
@Component({
  selector: 'cc-account-manager-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    TranslatePipe,
    IconComponent,
    StatusBadgeComponent,
    ...FORMAT_PIPES,
  ],
  templateUrl: './account-manager.page.html',
  styleUrl: './account-manager.page.scss',
})
export class AccountManagerPage {
  private readonly store = inject(Store);
  protected readonly customers = this.store.selectSignal(selectAccountCustomers);
  protected readonly ids = this.store.selectSignal(customersFeature.selectIds);
  protected readonly tickets = this.store.selectSignal(openTicketsFeature.selectTickets);
  protected readonly caps = this.store.selectSignal(authFeature.selectCapabilities);
  protected readonly user = this.store.selectSignal(authFeature.selectUser);

  constructor() {
    this.store.dispatch(CustomersPageActions.opened());
    this.store.dispatch(OpenTicketsPageActions.opened());
    inject(DestroyRef).onDestroy(() => this.store.dispatch(OpenTicketsPageActions.closed()));
  }

  protected refresh(): void {
    this.store.dispatch(CustomersPageActions.refreshRequested());
    this.store.dispatch(OpenTicketsPageActions.refreshRequested());
  }

  protected minutesLeft(ticket: TicketSummaryDto): number | null {
    return minutesToRestore(ticket);
  }
}
