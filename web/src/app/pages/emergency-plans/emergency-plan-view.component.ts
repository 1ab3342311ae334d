import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';

import { type EmergencyPlanDto, contactTree, telHref } from '@circuitcare/client';

import { IconComponent } from '../../ui/icon.component';

/**
 * One version of an emergency plan as it is read in an incident: the trigger, the
 * contact tree by level with click-to-call numbers, the steps in order (as a checklist
 * to tick off while working through it, kept on this screen only), linked circuits/sites.
 */
@Component({
  selector: 'cc-emergency-plan-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCheckboxModule, RouterLink, TranslatePipe, IconComponent],
  template: `
    @let p = plan();
    @if (p.scenario) {
      <p class="scenario" data-testid="plan-scenario">
        <strong>{{ 'plans.scenario' | translate }}</strong> {{ p.scenario }}
      </p>
    }
    <div class="columns">
      <section class="contacts" data-testid="plan-contacts">
        <div class="section-title" role="heading" [attr.aria-level]="headingLevel()">
          <cc-icon name="people" /> {{ 'plans.contactTree' | translate }}
        </div>
        <ol class="levels">
          @for (l of tree(); track l.level) {
            <li class="level" [attr.data-level]="l.level">
              <div class="level-name">{{ 'plans.level.' + l.level | translate }}</div>
              <ul>
                @for (c of l.contacts; track $index) {
                  <li class="contact" data-testid="plan-contact">
                    <span class="who">
                      <strong>{{ c.name }}</strong>
                      <span class="cc-muted">{{ c.role }}</span>
                    </span>
                    @if (c.phone) {
                      <a
                        class="call"
                        [href]="tel(c.phone)"
                        data-testid="plan-contact-call"
                        [attr.aria-label]="
                          'plans.call' | translate: { name: c.name, phone: c.phone }
                        "
                        ><cc-icon name="person" /> {{ c.phone }}</a
                      >
                    }
                    @if (c.email) {
                      <a class="mail" [href]="'mailto:' + c.email">{{ c.email }}</a>
                    }
                  </li>
                }
              </ul>
            </li>
          }
        </ol>
      </section>
      <section class="steps" data-testid="plan-steps">
        <div class="section-title" role="heading" [attr.aria-level]="headingLevel()">
          <cc-icon name="check-circle" /> {{ 'plans.steps' | translate }}
          @if (checklist()) {
            <span class="cc-muted done" data-testid="plan-steps-done">{{
              'plans.stepsDone' | translate: { done: done().size, total: p.steps.length }
            }}</span>
          }
        </div>
        <ol class="step-list">
          @for (s of p.steps; track s.order) {
            <li [class.ticked]="done().has(s.order)">
              @if (checklist()) {
                <mat-checkbox
                  [checked]="done().has(s.order)"
                  (change)="toggle(s.order)"
                  data-testid="plan-step"
                  >{{ s.action }}</mat-checkbox
                >
              } @else {
                <span class="num" aria-hidden="true">{{ $index + 1 }}.</span>
                <span data-testid="plan-step">{{ s.action }}</span>
              }
              <span class="owner cc-muted">{{ 'plans.owner' | translate }}: {{ s.owner }}</span>
            </li>
          }
        </ol>
      </section>
    </div>
    @if (showLinks() && (p.circuitIds.length || p.siteIds.length)) {
      <div class="links" data-testid="plan-links">
        @if (p.circuitIds.length) {
          <span class="cc-muted">{{ 'plans.circuits' | translate }}</span>
          @for (c of p.circuitIds; track c) {
            <a class="chip cc-mono" [routerLink]="['/circuits', c]" data-testid="plan-circuit">{{
              c
            }}</a>
          }
        }
        @if (p.siteIds.length) {
          <span class="cc-muted">{{ 'plans.sites' | translate }}</span>
          @for (s of p.siteIds; track s) {
            <span class="chip cc-mono" data-testid="plan-site">{{ s }}</span>
          }
        }
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .scenario {
      margin: 0 0 12px;
      white-space: pre-line;
    }
    .columns {
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      gap: 16px 24px;
    }
    @media (max-width: 900px) {
      .columns {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    .section-title {
      display: flex;
      align-items: center;
      gap: 6px;
      font: var(--mat-sys-title-small);
      margin-bottom: 8px;
      .done {
        margin-left: auto;
        font: var(--mat-sys-body-small);
      }
    }
    ol,
    ul {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .level {
      border-left: 3px solid var(--mat-sys-primary);
      padding: 2px 0 6px 10px;
      margin-bottom: 8px;
    }
    .level[data-level='2'] {
      border-left-color: var(--cc-degraded);
    }
    .level[data-level='3'] {
      border-left-color: var(--cc-down);
    }
    .level-name {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .contact {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 12px;
      padding: 4px 0;
      .who {
        display: flex;
        gap: 6px;
        align-items: baseline;
      }
      .call {
        display: inline-flex;
        align-items: center;
        gap: 4px;
        font-variant-numeric: tabular-nums;
        color: var(--mat-sys-primary);
      }
      .mail {
        color: var(--mat-sys-primary);
      }
    }
    .step-list {
      counter-reset: step;
      li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0 8px;
        padding: 2px 0;
      }
      li.ticked mat-checkbox {
        text-decoration: line-through;
      }
      .owner {
        font: var(--mat-sys-body-small);
      }
      .num {
        min-width: 1.5em;
        font-variant-numeric: tabular-nums;
        color: var(--mat-sys-on-surface-variant);
      }
    }
    .links {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 6px;
      margin-top: 12px;
    }
    .chip {
      padding: 2px 8px;
      border-radius: 999px;
      background: var(--mat-sys-surface-container-high);
      color: inherit;
    }
    a.chip {
      color: var(--mat-sys-primary);
    }
  `,
})
export class EmergencyPlanViewComponent {
  readonly plan = input.required<EmergencyPlanDto>();
  /** Steps as checkboxes to tick off (beside an incident). */
  readonly checklist = input(false);
  /** The linked circuits and sites (the plans page; not beside the circuit itself). */
  readonly showLinks = input(false);
  readonly headingLevel = input(3);

  protected readonly tree = computed(() => contactTree(this.plan().contacts));
  protected readonly done = signal<ReadonlySet<number>>(new Set());
  protected readonly tel = telHref;
  private readonly key = computed(() => `${this.plan().id}@${this.plan().version}`);

  constructor() {
    // Another plan, or another version of it: nothing is ticked yet.
    effect(() => {
      this.key();
      untracked(() => this.done.set(new Set()));
    });
  }

  protected toggle(order: number): void {
    const next = new Set(this.done());
    if (next.has(order)) next.delete(order);
    else next.add(order);
    this.done.set(next);
  }
}
