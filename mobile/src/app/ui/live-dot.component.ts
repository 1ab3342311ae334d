import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';

/** The live-events connection: a dot with its name for screen readers. */
@Component({
  selector: 'ccm-live-dot',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `<span
    class="dot"
    [class]="status()"
    role="img"
    [attr.aria-label]="'live.' + status() | translate"
    data-testid="live"
  ></span>`,
  styles: `
    .dot {
      display: inline-block;
      width: 10px;
      height: 10px;
      border-radius: 50%;
      margin: 0 12px;
      background: #9aa0a6;
      box-shadow: 0 0 0 2px rgba(255, 255, 255, 0.7);
    }
    .live {
      background: #34c759;
    }
    .connecting {
      background: #ffcc00;
    }
  `,
})
export class LiveDotComponent {
  readonly status = input<'off' | 'connecting' | 'live'>('off');
}
