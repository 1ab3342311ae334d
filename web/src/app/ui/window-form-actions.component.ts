import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslatePipe } from '@ngx-translate/core';

import type { Failure } from '@circuitcare/client';

/**
 * The end of a window form: what is still wrong with it (i18n keys, once the user tried to
 * send it), why the API refused it, and cancel and submit. Its parts stand in the form's
 * own layout (\`display: contents\`).
 */
@Component({
  selector: 'cc-window-form-actions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TranslatePipe],
  template: `
    @if (problems().length) {
      <ul class="cc-error problems" role="alert">
        @for (p of problems(); track p) {
          <li>{{ p | translate }}</li>
        }
      </ul>
    }
    @if (error(); as e) {
      <p class="cc-error" role="alert" [attr.data-testid]="errorTestId()">
        {{ e.title }}: {{ e.detail }}
      </p>
    }
    <div class="cc-toolbar-row">
      <span class="cc-spacer"></span>
      <button mat-button type="button" (click)="cancelled.emit()">
        {{ 'common.cancel' | translate }}
      </button>
      <button
        mat-flat-button
        type="button"
        (click)="submitted.emit()"
        [disabled]="busy()"
        [attr.data-testid]="submitTestId()"
      >
        {{ submitLabel() | translate }}
      </button>
    </div>
  `,
  styles: `
    :host {
      display: contents;
    }
    .problems {
      margin: 8px 0;
    }
    .cc-spacer {
      flex: 1;
    }
  `,
})
export class WindowFormActionsComponent {
  /** What to fix first (i18n keys); empty until the user tried to send the form. */
  readonly problems = input<readonly string[]>([]);
  /** Why the API refused the form. */
  readonly error = input<Failure | null>(null);
  readonly errorTestId = input.required<string>();
  /** A request on its way: submit waits for it. */
  readonly busy = input(false);
  readonly submitLabel = input.required<string>();
  readonly submitTestId = input.required<string>();
  readonly cancelled = output<void>();
  readonly submitted = output<void>();
}
