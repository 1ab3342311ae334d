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
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router } from '@angular/router';
import { Store } from '@ngrx/store';
import { TranslatePipe } from '@ngx-translate/core';

import {
  CustomersPageActions,
  type EmergencyPlanBodyDto,
  EmergencyPlansPageActions,
  authFeature,
  canEditEmergencyPlans,
  customersFeature,
  emergencyPlansFeature,
} from '@circuitcare/client';

import { FORMAT_PIPES } from '../../ui/format.pipes';
import { IconComponent } from '../../ui/icon.component';
import { EmergencyPlanEditorComponent } from './emergency-plan-editor.component';
import { EmergencyPlanViewComponent } from './emergency-plan-view.component';

type Mode = 'view' | 'create' | 'edit';

/**
 * A customer's emergency plans (应急预案): the list, one plan with its contact tree and
 * steps, its version history (who changed what, when; any old version readable). The
 * customer admin creates plans and writes new versions; everyone else reads, as the API
 * allows (an org-subtree user: the plans naming its circuits).
 */
@Component({
  selector: 'cc-emergency-plans-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    IconComponent,
    EmergencyPlanEditorComponent,
    EmergencyPlanViewComponent,
    ...FORMAT_PIPES,
  ],
  templateUrl: './emergency-plans.page.html',
  styleUrl: './emergency-plans.page.scss',
})
export class EmergencyPlansPage {
  private readonly store = inject(Store);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);

  protected readonly state = this.store.selectSignal(
    emergencyPlansFeature.selectEmergencyPlansState,
  );
  protected readonly plans = this.store.selectSignal(emergencyPlansFeature.selectSortedList);
  protected readonly selected = this.store.selectSignal(emergencyPlansFeature.selectSelected);
  protected readonly history = this.store.selectSignal(emergencyPlansFeature.selectHistory);
  protected readonly caps = this.store.selectSignal(authFeature.selectCapabilities);
  private readonly role = this.store.selectSignal(authFeature.selectRole);
  private readonly ownCustomer = this.store.selectSignal(authFeature.selectOwnCustomerId);
  protected readonly customerOptions = this.store.selectSignal(customersFeature.selectOptions);
  protected readonly canEdit = computed(() => canEditEmergencyPlans(this.role()));

  private readonly queryCustomer = signal<string | null>(
    this.route.snapshot.queryParamMap.get('customer'),
  );
  /** The customer shown: `?customer=`, the caller's own, or the first of its customers. */
  protected readonly customerId = computed(
    () => this.queryCustomer() ?? this.ownCustomer() ?? this.customerOptions()[0]?.id ?? null,
  );

  protected readonly mode = signal<Mode>('view');
  protected readonly tab = signal<'plan' | 'history'>('plan');
  /** An older version being read (null: the newest). */
  protected readonly viewedVersion = signal<number | null>(null);
  private readonly awaitingSave = signal(false);

  protected readonly shown = computed(() => {
    const v = this.viewedVersion();
    if (v === null) return this.selected();
    return this.state().versions.data?.find((p) => p.version === v) ?? this.selected();
  });
  protected readonly isOld = computed(() => {
    const s = this.shown();
    const latest = this.selected();
    return !!s && !!latest && s.version !== latest.version;
  });

  constructor() {
    if (!this.caps().singleCustomer) this.store.dispatch(CustomersPageActions.opened());
    // A deep link's plan, selected once the customer's list is asked for.
    let fromRoute = this.route.snapshot.queryParamMap.get('plan');
    effect(() => {
      const customerId = this.customerId();
      untracked(() => {
        this.store.dispatch(EmergencyPlansPageActions.opened({ customerId }));
        if (fromRoute) this.select(fromRoute, true);
        fromRoute = null;
      });
    });
    // Nothing asked for: the first plan of the list is shown.
    effect(() => {
      const list = this.plans();
      const s = this.state();
      untracked(() => {
        if (s.selectedId === null && this.mode() === 'view' && list.length && !s.list.loading)
          this.select(list[0]!.id, true);
      });
    });
    // A write answered: back to reading the plan, now at its new version.
    effect(() => {
      const s = this.state();
      untracked(() => {
        if (!this.awaitingSave() || s.saving) return;
        this.awaitingSave.set(false);
        if (s.saved && !s.saveError) {
          this.mode.set('view');
          this.tab.set('plan');
          this.viewedVersion.set(null);
          void this.router.navigate([], {
            queryParams: { plan: s.saved.id },
            queryParamsHandling: 'merge',
            replaceUrl: true,
          });
        }
      });
    });
    inject(DestroyRef).onDestroy(() => this.store.dispatch(EmergencyPlansPageActions.closed()));
  }

  protected chooseCustomer(id: string): void {
    this.queryCustomer.set(id);
    this.mode.set('view');
    this.store.dispatch(EmergencyPlansPageActions.planSelected({ planId: null }));
    void this.router.navigate([], { queryParams: { customer: id }, replaceUrl: true });
  }

  protected select(planId: string, quietly = false): void {
    this.mode.set('view');
    this.viewedVersion.set(null);
    this.store.dispatch(EmergencyPlansPageActions.planSelected({ planId }));
    if (!quietly) {
      void this.router.navigate([], {
        queryParams: { plan: planId },
        queryParamsHandling: 'merge',
        replaceUrl: true,
      });
    }
  }

  protected create(): void {
    this.tab.set('plan');
    this.mode.set('create');
  }

  protected edit(): void {
    this.tab.set('plan');
    this.viewedVersion.set(null);
    this.mode.set('edit');
  }

  protected cancel(): void {
    this.mode.set('view');
  }

  protected viewVersion(version: number): void {
    const latest = this.selected()?.version;
    this.viewedVersion.set(version === latest ? null : version);
    this.tab.set('plan');
  }

  protected save(plan: EmergencyPlanBodyDto): void {
    this.awaitingSave.set(true);
    const current = this.selected();
    if (this.mode() === 'edit' && current) {
      this.store.dispatch(
        EmergencyPlansPageActions.updateRequested({
          planId: current.id,
          version: current.version,
          plan,
        }),
      );
    } else {
      this.store.dispatch(EmergencyPlansPageActions.createRequested({ plan }));
    }
  }

  protected customerName(id: string): string {
    return this.customerOptions().find((c) => c.id === id)?.name ?? id;
  }
}
