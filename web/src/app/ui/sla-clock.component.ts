import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';

import type { SlaCountdown } from '@circuitcare/client';

import { DurationPipe } from './format.pipes';

/** Minutes below which a running restore clock shows as at risk. */
export const SLA_AT_RISK_MINUTES = 30;

/**
 * An SLA restore clock: time left (amber when at risk, red when overdue), paused, or
 * met/missed once stopped. Text, not colour alone, says which.
 */
@Component({
  selector: 'cc-sla-clock',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, DurationPipe],
  host: { '[class]': "'cc-sla cc-sla-' + tone()", role: 'timer' },
  template: `
    @let c = countdown();
    @switch (c.kind) {
      @case ('running') {
        @if ((c.minutesLeft ?? 0) < 0) {
          {{ 'sla.overdue' | translate: { time: (-(c.minutesLeft ?? 0) * 60 | duration) } }}
        } @else {
          {{ 'sla.left' | translate: { time: ((c.minutesLeft ?? 0) * 60 | duration) } }}
        }
      }
      @case ('paused') {
        {{ 'sla.paused' | translate }}
      }
      @case ('met') {
        {{ 'sla.met' | translate }}
      }
      @case ('missed') {
        {{ 'sla.missed' | translate }}
      }
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      padding: 1px 8px;
      border-radius: 999px;
      font: var(--mat-sys-label-medium);
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
      color: var(--cc-unknown);
      background: var(--cc-unknown-bg);
    }
    :host(.cc-sla-ok) {
      color: var(--cc-up);
      background: var(--cc-up-bg);
    }
    :host(.cc-sla-risk) {
      color: var(--cc-degraded);
      background: var(--cc-degraded-bg);
    }
    :host(.cc-sla-late) {
      color: var(--cc-down);
      background: var(--cc-down-bg);
    }
  `,
})
export class SlaClockComponent {
  readonly countdown = input.required<SlaCountdown>();
  protected readonly tone = computed(() => {
    const c = this.countdown();
    if (c.kind === 'missed') return 'late';
    if (c.kind !== 'running') return c.kind === 'met' ? 'ok' : 'idle';
    const left = c.minutesLeft ?? 0;
    return left < 0 ? 'late' : left < SLA_AT_RISK_MINUTES ? 'risk' : 'ok';
  });
}
