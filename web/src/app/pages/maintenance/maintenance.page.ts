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
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';
import { TranslatePipe } from '@ngx-translate/core';

import {
  CustomersPageActions,
  type ElementNodeDto,
  type MaintenanceAction,
  MaintenancePageActions,
  type MaintenanceWindowDto,
  authFeature,
  customersFeature,
  maintenanceActions,
  maintenanceFeature,
  matchElements,
} from '@circuitcare/client';

import { FORMAT_PIPES } from '../../ui/format.pipes';
import { IconComponent } from '../../ui/icon.component';
import { StatusBadgeComponent } from '../../ui/status-badge.component';
import { WindowFieldsComponent } from '../../ui/window-fields.component';
import { WindowFormActionsComponent } from '../../ui/window-form-actions.component';
import { fromLocalInput, nextHour, toLocalInput } from '../assurance/datetime-local';

const MAX_WINDOW_MS = 31 * 86_400_000;

/**
 * Maintenance windows (operator staff): plan work on network elements — picked from the
 * elements on a customer's circuits, with what each carries across customers — see the
 * circuits and customers the API computed from topology, approve (someone other than
 * the planner), announce to the affected customers, complete or cancel. Customers read
 * the announcements on /announcements.
 */
@Component({
  selector: 'cc-maintenance-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
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
  templateUrl: './maintenance.page.html',
  styleUrl: './maintenance.page.scss',
})
export class MaintenancePage {
  private readonly store = inject(Store);

  protected readonly state = this.store.selectSignal(maintenanceFeature.selectMaintenanceState);
  protected readonly windows = this.store.selectSignal(maintenanceFeature.selectSorted);
  protected readonly selected = this.store.selectSignal(maintenanceFeature.selectSelected);
  private readonly user = this.store.selectSignal(authFeature.selectUser);
  protected readonly customerOptions = this.store.selectSignal(customersFeature.selectOptions);

  // The plan form, shown on demand: the windows are what the NOC reads most.
  protected readonly formOpen = signal(false);
  private readonly submitted = signal(false);
  protected readonly elementCustomer = signal<string | null>(null);
  protected readonly query = signal('');
  protected readonly picked = signal<ElementNodeDto[]>([]);
  protected readonly title = signal('');
  protected readonly description = signal('');
  protected readonly start = signal(toLocalInput(nextHour(new Date(), 24)));
  protected readonly end = signal(toLocalInput(nextHour(new Date(), 28)));
  protected readonly tried = signal(false);

  protected readonly customerForElements = computed(
    () => this.elementCustomer() ?? this.customerOptions()[0]?.id ?? null,
  );
  protected readonly matches = computed(() => {
    const picked = new Set(this.picked().map((e) => e.id));
    return matchElements(this.state().elements.data ?? [], this.query()).filter(
      (e) => !picked.has(e.id),
    );
  });
  protected readonly problems = computed(() => {
    const out: string[] = [];
    if (this.picked().length === 0) out.push('maintenancePage.elementsRequired');
    if (!this.title().trim()) out.push('maintenancePage.titleRequired');
    const start = fromLocalInput(this.start());
    const end = fromLocalInput(this.end());
    if (!start || !end) out.push('maintenancePage.periodRequired');
    else if (Date.parse(end) <= Date.parse(start)) out.push('maintenancePage.endBeforeStart');
    else if (Date.parse(end) - Date.parse(start) > MAX_WINDOW_MS)
      out.push('maintenancePage.tooLong');
    return out;
  });

  constructor() {
    this.store.dispatch(CustomersPageActions.opened());
    this.store.dispatch(MaintenancePageActions.opened());
    effect(() => {
      const customerId = this.customerForElements();
      if (customerId)
        untracked(() =>
          this.store.dispatch(MaintenancePageActions.elementsRequested({ customerId })),
        );
    });
    // Planned: the form closes and the new window shows in the detail; refused: it stays.
    effect(() => {
      const { planning, planError } = this.state();
      if (!this.submitted() || planning) return;
      untracked(() => {
        this.submitted.set(false);
        if (!planError) {
          this.formOpen.set(false);
          this.picked.set([]);
          this.title.set('');
          this.description.set('');
          this.query.set('');
          this.tried.set(false);
        }
      });
    });
    inject(DestroyRef).onDestroy(() => this.store.dispatch(MaintenancePageActions.closed()));
  }

  protected pick(e: ElementNodeDto): void {
    if (this.picked().some((p) => p.id === e.id)) return;
    this.picked.set([...this.picked(), e]);
    if (!this.state().impacts[e.id]?.data)
      this.store.dispatch(MaintenancePageActions.impactRequested({ elementId: e.id }));
    if (!this.title().trim()) this.title.set(e.name);
  }

  protected unpick(e: ElementNodeDto): void {
    this.picked.set(this.picked().filter((p) => p.id !== e.id));
  }

  protected submit(): void {
    this.tried.set(true);
    const start = fromLocalInput(this.start());
    const end = fromLocalInput(this.end());
    if (this.problems().length || !start || !end || this.state().planning) return;
    this.store.dispatch(
      MaintenancePageActions.planSubmitted({
        window: {
          title: this.title().trim(),
          description: this.description().trim(),
          elementIds: this.picked().map((e) => e.id),
          start,
          end,
        },
      }),
    );
    this.submitted.set(true);
  }

  protected select(id: string): void {
    this.store.dispatch(MaintenancePageActions.windowSelected({ id }));
  }

  protected actionsOf(w: MaintenanceWindowDto) {
    return maintenanceActions(w, this.user()?.username ?? null, !!this.state().announcements[w.id]);
  }

  protected act(w: MaintenanceWindowDto, action: MaintenanceAction): void {
    this.store.dispatch(MaintenancePageActions.actionRequested({ id: w.id, action }));
  }

  protected customerName(id: string): string {
    return this.customerOptions().find((o) => o.id === id)?.name ?? id;
  }

  protected elementName(id: string): string {
    return (this.state().elements.data ?? []).find((e) => e.id === id)?.name ?? id;
  }
}
