import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';
import { TranslatePipe } from '@ngx-translate/core';

import {
  type AssuranceDecision,
  AssurancePageActions,
  type AssuranceWindowDto,
  type CircuitSummaryDto,
  CustomersPageActions,
  assuranceActions,
  assuranceFeature,
  authFeature,
  customersFeature,
} from '@circuitcare/client';

import { FORMAT_PIPES } from '../../ui/format.pipes';
import { IconComponent } from '../../ui/icon.component';
import { StatusBadgeComponent } from '../../ui/status-badge.component';
import { WindowFieldsComponent } from '../../ui/window-fields.component';
import { WindowFormActionsComponent } from '../../ui/window-form-actions.component';
import { fromLocalInput, nextHour, toLocalInput } from './datetime-local';

/** What the API takes for one window (CreateAssuranceWindowDto). */
export const MAX_ASSURANCE_CIRCUITS = 200;
const MAX_WINDOW_MS = 31 * 86_400_000;

/**
 * Key-period assurance (智能重保): a customer admin or account manager asks for a window
 * over chosen circuits; the NOC approves or rejects the requests waiting; everyone in
 * scope sees the windows, their state, and opens the live dashboard of each.
 */
@Component({
  selector: 'cc-assurance-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    IconComponent,
    StatusBadgeComponent,
    WindowFieldsComponent,
    WindowFormActionsComponent,
    ...FORMAT_PIPES,
  ],
  templateUrl: './assurance.page.html',
  styleUrl: './assurance.page.scss',
})
export class AssurancePage {
  private readonly store = inject(Store);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);

  protected readonly state = this.store.selectSignal(assuranceFeature.selectAssuranceState);
  protected readonly windows = this.store.selectSignal(assuranceFeature.selectSorted);
  protected readonly pending = this.store.selectSignal(assuranceFeature.selectPending);
  protected readonly role = this.store.selectSignal(authFeature.selectRole);
  protected readonly caps = this.store.selectSignal(authFeature.selectCapabilities);
  private readonly ownCustomer = this.store.selectSignal(authFeature.selectOwnCustomerId);
  protected readonly customerOptions = this.store.selectSignal(customersFeature.selectOptions);

  protected readonly canRequest = computed(() => {
    const r = this.role();
    return r === 'customer-admin' || r === 'account-manager';
  });
  protected readonly operator = computed(() => this.caps().allCustomers);
  protected readonly canReadReports = computed(() => {
    const r = this.role();
    return r === 'customer-admin' || r === 'account-manager' || this.operator();
  });

  private readonly queryCustomer = signal<string | null>(
    this.route.snapshot.queryParamMap.get('customer'),
  );
  /** Operator staff see every customer's windows unless they pick one; others their own. */
  protected readonly customerId = computed(
    () =>
      this.queryCustomer() ??
      this.ownCustomer() ??
      (this.caps().assignedCustomers ? (this.customerOptions()[0]?.id ?? null) : null),
  );

  // The request form, shown on demand.
  protected readonly formOpen = signal(false);
  private readonly submitted = signal(false);
  protected readonly title = signal('');
  protected readonly reason = signal('');
  protected readonly start = signal(toLocalInput(nextHour(new Date())));
  protected readonly end = signal(toLocalInput(nextHour(new Date(), 72)));
  protected readonly contactName = signal('');
  protected readonly contactEmail = signal('');
  protected readonly contactPhone = signal('');
  /** Who to call about the window: its label key, input type and value. */
  protected readonly contactFields = [
    { key: 'contactName', type: 'text', value: this.contactName },
    { key: 'contactEmail', type: 'email', value: this.contactEmail },
    { key: 'contactPhone', type: 'tel', value: this.contactPhone },
  ] as const;
  protected readonly query = signal('');
  protected readonly chosen = signal<CircuitSummaryDto[]>([]);
  protected readonly tried = signal(false);

  // A decision being written (note, poll interval) per window.
  protected readonly notes = signal<Record<string, string>>({});
  protected readonly pollSec = signal(10);

  protected readonly problems = computed(() => {
    const out: string[] = [];
    if (!this.title().trim()) out.push('assurance.titleRequired');
    if (this.chosen().length === 0) out.push('assurance.circuitsRequired');
    const start = fromLocalInput(this.start());
    const end = fromLocalInput(this.end());
    if (!start || !end) out.push('assurance.periodRequired');
    else if (Date.parse(end) <= Date.parse(start)) out.push('assurance.endBeforeStart');
    else if (Date.parse(end) - Date.parse(start) > MAX_WINDOW_MS) out.push('assurance.tooLong');
    else if (Date.parse(end) <= Date.now()) out.push('assurance.endInPast');
    if (this.contactName().trim() === '' && (this.contactEmail() || this.contactPhone()))
      out.push('assurance.contactNameRequired');
    return out;
  });
  protected readonly chosenIds = computed(() => new Set(this.chosen().map((c) => c.id)));

  constructor() {
    this.store.dispatch(CustomersPageActions.opened());
    effect(() => {
      const customerId = this.customerId();
      untracked(() => {
        this.store.dispatch(AssurancePageActions.opened({ customerId }));
        if (customerId && this.canRequest()) {
          this.chosen.set([]);
          this.store.dispatch(
            AssurancePageActions.circuitsSearched({ customerId, q: this.query() }),
          );
        }
      });
    });
    // Requested: the form closes and says so above the list; refused: it stays with the reason.
    effect(() => {
      const { requesting, requestError } = this.state();
      if (!this.submitted() || requesting) return;
      untracked(() => {
        this.submitted.set(false);
        if (!requestError) {
          this.formOpen.set(false);
          this.title.set('');
          this.reason.set('');
          this.chosen.set([]);
          this.tried.set(false);
        }
      });
    });
    inject(DestroyRef).onDestroy(() => this.store.dispatch(AssurancePageActions.closed()));
  }

  protected chooseCustomer(id: string | null): void {
    this.queryCustomer.set(id);
    void this.router.navigate([], {
      queryParams: { customer: id ?? undefined },
      replaceUrl: true,
    });
  }

  protected searched(q: string): void {
    this.query.set(q);
    const customerId = this.customerId();
    if (customerId) this.store.dispatch(AssurancePageActions.circuitsSearched({ customerId, q }));
  }

  protected toggle(c: CircuitSummaryDto): void {
    const chosen = this.chosen();
    if (this.chosenIds().has(c.id)) this.chosen.set(chosen.filter((x) => x.id !== c.id));
    else if (chosen.length < MAX_ASSURANCE_CIRCUITS) this.chosen.set([...chosen, c]);
  }

  protected submit(): void {
    this.tried.set(true);
    const customerId = this.customerId();
    const start = fromLocalInput(this.start());
    const end = fromLocalInput(this.end());
    if (this.problems().length || !customerId || !start || !end || this.state().requesting) return;
    const name = this.contactName().trim();
    this.store.dispatch(
      AssurancePageActions.requestSubmitted({
        request: {
          customerId,
          title: this.title().trim(),
          reason: this.reason().trim(),
          circuitIds: this.chosen().map((c) => c.id),
          start,
          end,
          ...(name
            ? {
                contacts: [
                  {
                    name,
                    email: this.contactEmail().trim() || null,
                    phone: this.contactPhone().trim() || null,
                  },
                ],
              }
            : {}),
        },
      }),
    );
    this.submitted.set(true);
  }

  protected actionsOf(w: AssuranceWindowDto): AssuranceDecision[] {
    return assuranceActions(w, this.role());
  }

  protected setNote(id: string, note: string): void {
    this.notes.set({ ...this.notes(), [id]: note });
  }

  protected decide(w: AssuranceWindowDto, decision: AssuranceDecision): void {
    const note = this.notes()[w.id];
    this.store.dispatch(
      AssurancePageActions.decisionRequested({
        id: w.id,
        decision,
        ...(note ? { note } : {}),
        ...(decision === 'approve' ? { pollIntervalSec: this.pollSec() } : {}),
      }),
    );
  }

  /** Where a window stands, one word: requested, upcoming, running, ended, rejected, cancelled. */
  protected stage(w: AssuranceWindowDto): string {
    return w.status === 'approved' ? w.phase : w.status;
  }

  protected customerName(id: string): string {
    return this.customerOptions().find((o) => o.id === id)?.name ?? id;
  }
}
