import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { sparklinePath } from './sparkline';

/**
 * A mini chart: one or two series as lines over a fixed box (a phone needs the shape and
 * the figures beside it, not the web's zoomable chart). Described by its label.
 */
@Component({
  selector: 'ccm-sparkline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <svg
      [attr.viewBox]="'0 0 ' + width + ' ' + height"
      preserveAspectRatio="none"
      role="img"
      [attr.aria-label]="label()"
    >
      <line x1="0" [attr.y1]="height" [attr.x2]="width" [attr.y2]="height" class="axis" />
      <path [attr.d]="pathA()" class="a" />
      @if (pathB()) {
        <path [attr.d]="pathB()" class="b" />
      }
    </svg>
  `,
  styles: `
    :host {
      display: block;
    }
    svg {
      width: 100%;
      height: 64px;
    }
    path {
      fill: none;
      stroke-width: 1.5;
      vector-effect: non-scaling-stroke;
    }
    .a {
      stroke: var(--ion-color-primary);
    }
    .b {
      stroke: var(--cc-degraded);
    }
    .axis {
      stroke: var(--cc-muted);
      stroke-width: 0.5;
      vector-effect: non-scaling-stroke;
    }
  `,
})
export class SparklineComponent {
  protected readonly width = 300;
  protected readonly height = 60;
  readonly a = input.required<readonly number[]>();
  readonly b = input<readonly number[]>([]);
  readonly max = input<number | undefined>(undefined);
  readonly label = input.required<string>();
  private readonly top = computed(
    () =>
      this.max() ??
      Math.max(0, ...this.a().filter(Number.isFinite), ...this.b().filter(Number.isFinite)),
  );
  protected readonly pathA = computed(() =>
    sparklinePath(this.a(), this.width, this.height, this.top()),
  );
  protected readonly pathB = computed(() =>
    sparklinePath(this.b(), this.width, this.height, this.top()),
  );
}
