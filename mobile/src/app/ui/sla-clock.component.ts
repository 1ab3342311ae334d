import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';

import { type TicketSummaryDto, minutesToRestore } from '@circuitcare/client';

import { MinutesPipe } from './format.pipes';

/** The restore clock of a ticket: time left, overdue, or paused. */
@Component({
  selector: 'ccm-sla-clock',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, MinutesPipe],
  template: `
    @let m = minutes();
    <span class="clock" [class]="tone()" data-testid="sla-clock">
      @if (m === null) {
        {{ 'sla.paused' | translate }}
      } @else if (m < 0 || ticket().restoreBreached) {
        {{ 'sla.overdue' | translate: { time: (m | ccMinutes) } }}
      } @else {
        {{ 'sla.left' | translate: { time: (m | ccMinutes) } }}
      }
    </span>
  `,
  styles: `
    .clock {
      font-size: 0.8rem;
      padding: 2px 8px;
      border-radius: 10px;
      white-space: nowrap;
    }
  `,
})
export class SlaClockComponent {
  readonly ticket = input.required<TicketSummaryDto>();
  protected readonly minutes = computed(() => minutesToRestore(this.ticket()));
  protected readonly tone = computed(() => {
    const m = this.minutes();
    if (m === null) return 'cc-state-unknown';
    if (m < 0 || this.ticket().restoreBreached) return 'cc-state-down';
    return m < 60 ? 'cc-state-degraded' : 'cc-state-up';
  });
}
