import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';
import { TranslatePipe } from '@ngx-translate/core';

import {
  type AssuranceCircuitLiveDto,
  type AssuranceDecision,
  AssurancePageActions,
  CustomersPageActions,
  assuranceActions,
  assuranceFeature,
  authFeature,
  customersFeature,
} from '@circuitcare/client';

import { FORMAT_PIPES } from '../../ui/format.pipes';
import { IconComponent } from '../../ui/icon.component';
import { StatusBadgeComponent } from '../../ui/status-badge.component';

/**
 * The live assurance dashboard of one window: each circuit's state, utilisation at the
 * last poll against the window's tighter congestion threshold, active alarms, how fresh
 * the poll is; the window's thresholds, poll interval, ticket priority and the notices
 * sent; its report once it ended. Read again every 15 s and after live alarm or circuit
 * changes (client/src/state/assurance/assurance.effects.ts).
 */
@Component({
  selector: 'cc-assurance-dashboard-page',
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
  templateUrl: './assurance-dashboard.page.html',
  styleUrl: './assurance-dashboard.page.scss',
})
export class AssuranceDashboardPage {
  /** Route parameter. */
  readonly id = input.required<string>();

  private readonly store = inject(Store);
  protected readonly state = this.store.selectSignal(assuranceFeature.selectAssuranceState);
  protected readonly role = this.store.selectSignal(authFeature.selectRole);
  private readonly customerOptions = this.store.selectSignal(customersFeature.selectOptions);

  protected readonly dashboard = computed(() => {
    const d = this.state().dashboard.data;
    return d && d.window.id === this.id() ? d : null;
  });
  protected readonly actions = computed(() => {
    const d = this.dashboard();
    return d ? assuranceActions(d.window, this.role()).filter((a) => a === 'cancel') : [];
  });
  protected readonly canReadReports = computed(() => {
    const r = this.role();
    return (
      r === 'customer-admin' ||
      r === 'account-manager' ||
      r === 'noc-operator' ||
      r === 'platform-admin'
    );
  });

  constructor() {
    this.store.dispatch(CustomersPageActions.opened());
    effect(() => {
      const id = this.id();
      untracked(() => this.store.dispatch(AssurancePageActions.dashboardOpened({ id })));
    });
    inject(DestroyRef).onDestroy(() => this.store.dispatch(AssurancePageActions.dashboardClosed()));
  }

  /** Utilisation as a share of the bar; over the window's congestion threshold it is marked. */
  protected over(c: AssuranceCircuitLiveDto): boolean {
    const d = this.dashboard();
    return (
      c.utilisation !== null && d !== null && c.utilisation >= d.window.thresholds.congestionRaise
    );
  }

  protected width(c: AssuranceCircuitLiveDto): string {
    return `${Math.min(100, Math.max(0, (c.utilisation ?? 0) * 100)).toFixed(1)}%`;
  }

  protected stage(): string {
    const w = this.dashboard()?.window;
    if (!w) return '';
    return w.status === 'approved' ? w.phase : w.status;
  }

  protected customerName(id: string): string {
    return this.customerOptions().find((o) => o.id === id)?.name ?? id;
  }

  protected decide(decision: AssuranceDecision): void {
    this.store.dispatch(AssurancePageActions.decisionRequested({ id: this.id(), decision }));
  }

  protected refresh(): void {
    this.store.dispatch(AssurancePageActions.dashboardOpened({ id: this.id() }));
  }
}
