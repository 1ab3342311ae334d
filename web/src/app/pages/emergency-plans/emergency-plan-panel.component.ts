import {
  ChangeDetectionStrategy,
  Component,
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
  EmergencyPlanPanelActions,
  authFeature,
  canEditEmergencyPlans,
  emergencyPlansFeature,
  plansForCircuits,
} from '@circuitcare/client';

import { FORMAT_PIPES } from '../../ui/format.pipes';
import { IconComponent } from '../../ui/icon.component';
import { EmergencyPlanViewComponent } from './emergency-plan-view.component';

/** Roles that have the plans page (field engineers see the panel, not the page). */
const PAGE_ROLES = new Set([
  'customer-admin',
  'customer-engineer',
  'customer-viewer',
  'account-manager',
  'noc-operator',
  'platform-admin',
]);

/**
 * "Emergency plan" beside a major incident: the plans linked to the incident's circuits
 * (or to their end sites, `GET /circuits/{id}/emergency-plans`), each with its contact
 * tree to call, its steps as a checklist, its version and when it was last changed.
 */
@Component({
  selector: 'cc-emergency-plan-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatProgressBarModule,
    RouterLink,
    TranslatePipe,
    IconComponent,
    EmergencyPlanViewComponent,
    ...FORMAT_PIPES,
  ],
  template: `
    @let r = found();
    @if (!hidden()) {
      <section
        class="cc-card plan-panel"
        data-testid="emergency-plan-panel"
        [attr.data-count]="r.plans.length"
        aria-labelledby="emergency-plan-panel-title"
      >
        <h2 id="emergency-plan-panel-title">
          <cc-icon name="warning" /> {{ 'plans.panelTitle' | translate }}
        </h2>
        @if (r.loading && !r.plans.length) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
        }
        @if (r.error; as e) {
          <p class="cc-error" role="alert">{{ 'common.loadFailed' | translate }} {{ e.detail }}</p>
        }
        @for (p of r.plans; track p.id) {
          <article class="plan" data-testid="emergency-plan" [attr.data-plan-id]="p.id">
            <header>
              <h3>{{ p.title }}</h3>
              <span class="tag" data-testid="emergency-plan-version">{{
                'plans.versionN' | translate: { n: p.version }
              }}</span>
              <span class="cc-muted meta">{{
                'plans.updatedBy' | translate: { time: (p.updatedAt | time), user: p.updatedBy }
              }}</span>
              <span class="cc-spacer"></span>
              @if (hasPage()) {
                <a mat-button [routerLink]="['/emergency-plans']" [queryParams]="{ plan: p.id }">
                  <cc-icon name="open-in-new" /> {{ 'plans.openPlan' | translate }}
                </a>
              }
            </header>
            <cc-emergency-plan-view [plan]="p" [checklist]="true" [headingLevel]="4" />
          </article>
        } @empty {
          @if (!r.loading && !r.error) {
            <p class="cc-muted none" data-testid="emergency-plan-none">
              {{ 'plans.noneForCircuit' | translate }}
              @if (canEdit()) {
                <a [routerLink]="['/emergency-plans']">{{ 'plans.createOne' | translate }}</a>
              }
            </p>
          }
        }
      </section>
    }
  `,
  styles: `
    .plan-panel {
      border-left: 5px solid var(--cc-down);
    }
    .plan + .plan {
      border-top: 1px solid var(--mat-sys-outline-variant);
      margin-top: 12px;
      padding-top: 12px;
    }
    .plan header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 10px;
      margin-bottom: 10px;
      h3 {
        font: var(--mat-sys-title-medium);
        margin: 0;
      }
      .meta {
        font: var(--mat-sys-body-small);
      }
      .cc-spacer {
        flex: 1;
      }
    }
    .tag {
      font: var(--mat-sys-label-medium);
      padding: 2px 8px;
      border-radius: 999px;
      background: var(--mat-sys-surface-container-high);
    }
    .none {
      margin: 0;
    }
  `,
})
export class EmergencyPlanPanelComponent {
  /** The incident's circuits. */
  readonly circuitIds = input.required<readonly string[]>();

  private readonly store = inject(Store);
  private readonly byCircuit = this.store.selectSignal(emergencyPlansFeature.selectByCircuit);
  private readonly role = this.store.selectSignal(authFeature.selectRole);
  protected readonly canEdit = computed(() => canEditEmergencyPlans(this.role()));
  protected readonly hasPage = computed(() => PAGE_ROLES.has(this.role() ?? ''));
  private readonly key = computed(() => [...new Set(this.circuitIds())].sort().join(' '));

  protected readonly found = computed(() => plansForCircuits(this.byCircuit(), this.circuitIds()));
  /** Nothing to say to a caller the API does not let read the circuit's plans. */
  protected readonly hidden = computed(() => {
    const status = this.found().error?.status;
    return this.key() === '' || status === 403 || status === 404;
  });

  constructor() {
    effect(() => {
      const key = this.key();
      untracked(() => {
        if (key)
          this.store.dispatch(EmergencyPlanPanelActions.opened({ circuitIds: key.split(' ') }));
      });
    });
  }
}
