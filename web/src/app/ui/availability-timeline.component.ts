import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { FORMAT_PIPES } from './format.pipes';

export interface TimelineInterval {
  from: string;
  to: string;
  kind: 'unplanned' | 'planned';
  title: string;
}

interface Bar {
  left: number;
  width: number;
  kind: TimelineInterval['kind'];
  title: string;
}

/** Where intervals sit on a period, as percentages; at least a sliver so a short outage shows. */
export function timelineBars(
  from: string,
  to: string,
  intervals: readonly TimelineInterval[],
): Bar[] {
  const start = Date.parse(from);
  const span = Date.parse(to) - start;
  if (!(span > 0)) return [];
  return intervals
    .map((i) => {
      const a = Math.max(0, (Date.parse(i.from) - start) / span);
      const b = Math.min(1, (Date.parse(i.to) - start) / span);
      return { left: a * 100, width: Math.max(0.3, (b - a) * 100), kind: i.kind, title: i.title };
    })
    .filter((bar) => bar.left <= 100);
}

/** The period as a bar with its down intervals (red) and planned maintenance (grey). */
@Component({
  selector: 'cc-availability-timeline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [...FORMAT_PIPES],
  template: `
    <div class="track" role="img" [attr.aria-label]="label()">
      @for (bar of bars(); track $index) {
        <span
          class="bar"
          [class.planned]="bar.kind === 'planned'"
          [style.left.%]="bar.left"
          [style.width.%]="bar.width"
          [attr.title]="bar.title"
        ></span>
      }
    </div>
    <div class="axis cc-muted">
      <span>{{ from() | time }}</span>
      <span>{{ to() | time }}</span>
    </div>
  `,
  styles: `
    .track {
      position: relative;
      height: 22px;
      border-radius: 6px;
      background: var(--cc-up-bg);
      border: 1px solid var(--mat-sys-outline-variant);
      overflow: hidden;
    }
    .bar {
      position: absolute;
      top: 0;
      bottom: 0;
      background: var(--cc-down);
    }
    .bar.planned {
      background: repeating-linear-gradient(
        45deg,
        var(--cc-unknown),
        var(--cc-unknown) 3px,
        transparent 3px,
        transparent 6px
      );
    }
    .axis {
      display: flex;
      justify-content: space-between;
      font: var(--mat-sys-body-small);
      margin-top: 4px;
    }
  `,
})
export class AvailabilityTimelineComponent {
  readonly from = input.required<string>();
  readonly to = input.required<string>();
  readonly intervals = input.required<readonly TimelineInterval[]>();
  readonly label = input<string>('');
  protected readonly bars = computed(() => timelineBars(this.from(), this.to(), this.intervals()));
}
