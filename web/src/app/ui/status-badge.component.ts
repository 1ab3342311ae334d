import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';

/** A circuit or element status (`up` … `unknown`) or an alarm severity, as a coloured label. */
@Component({
  selector: 'cc-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  host: { '[class]': "'cc-status cc-status-' + value()" },
  template: `<span class="dot" aria-hidden="true"></span
    >{{ (kind() === 'severity' ? 'enum.severity.' : 'enum.state.') + value() | translate }}`,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      padding: 1px 8px;
      border-radius: 999px;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
      color: var(--cc-unknown);
      background: var(--cc-unknown-bg);
    }
    .dot {
      width: 8px;
      height: 8px;
      border-radius: 50%;
      background: currentColor;
    }
    :host(.cc-status-up) {
      color: var(--cc-up);
      background: var(--cc-up-bg);
    }
    :host(.cc-status-degraded) {
      color: var(--cc-degraded);
      background: var(--cc-degraded-bg);
    }
    :host(.cc-status-down) {
      color: var(--cc-down);
      background: var(--cc-down-bg);
    }
    :host(.cc-status-critical) {
      color: var(--cc-critical);
      background: var(--cc-critical-bg);
    }
    :host(.cc-status-major) {
      color: var(--cc-major);
      background: var(--cc-major-bg);
    }
    :host(.cc-status-minor) {
      color: var(--cc-minor);
      background: var(--cc-minor-bg);
    }
    :host(.cc-status-warning) {
      color: var(--cc-warning);
      background: var(--cc-warning-bg);
    }
    :host(.cc-status-cleared) {
      color: var(--cc-up);
      background: var(--cc-up-bg);
    }
  `,
})
export class StatusBadgeComponent {
  readonly value = input.required<string>();
  readonly kind = input<'state' | 'severity'>('state');
}
