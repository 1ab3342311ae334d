import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Store } from '@ngrx/store';
import { TranslatePipe } from '@ngx-translate/core';

import { ExportsActions, exportsFeature, progressOf } from '@circuitcare/client';

import { FORMAT_PIPES } from '../ui/format.pipes';
import { IconComponent } from '../ui/icon.component';

/** Long operations of this session (exports): progress while they run, the result after. */
@Component({
  selector: 'cc-operations-tray',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, TranslatePipe, IconComponent, ...FORMAT_PIPES],
  template: `
    @if (jobs().length) {
      <section class="tray" [attr.aria-label]="'exports.title' | translate" aria-live="polite">
        @for (job of jobs(); track job.id) {
          <div class="job" [attr.data-status]="job.status" data-testid="export-job">
            <div class="line">
              <cc-icon
                [name]="
                  job.status === 'failed'
                    ? 'error'
                    : job.status === 'done'
                      ? 'check-circle'
                      : 'download'
                "
              />
              <span class="what">
                {{ 'exports.kind.' + job.kind | translate }}
                <span class="cc-muted">{{ job.subject }}</span>
              </span>
              <button
                mat-icon-button
                type="button"
                (click)="dismiss(job.id)"
                [attr.aria-label]="'common.close' | translate"
              >
                <cc-icon name="close" />
              </button>
            </div>
            @if (job.status === 'running') {
              @let p = progress(job);
              <mat-progress-bar
                [mode]="p === null ? 'indeterminate' : 'determinate'"
                [value]="(p ?? 0) * 100"
                [attr.aria-label]="'exports.running' | translate"
              />
              <div class="cc-muted small">
                {{ 'exports.received' | translate: { kb: (job.loadedBytes / 1024 | num: 1) } }}
              </div>
            } @else if (job.status === 'done') {
              <div class="cc-muted small">
                {{ job.filename }} · {{ job.loadedBytes / 1024 | num: 1 }} KB
              </div>
            } @else {
              <div class="error small">{{ job.error?.detail }}</div>
            }
          </div>
        }
      </section>
    }
  `,
  styles: `
    .tray {
      position: fixed;
      right: 16px;
      bottom: 16px;
      z-index: 20;
      width: 320px;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .job {
      background: var(--mat-sys-surface-container);
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 8px 8px 10px 14px;
      box-shadow: var(--mat-sys-level2);
    }
    .line {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .what {
      flex: 1;
      font: var(--mat-sys-label-large);
    }
    [data-status='done'] cc-icon {
      color: var(--cc-up);
    }
    [data-status='failed'] cc-icon,
    .error {
      color: var(--cc-down);
    }
    .small {
      font: var(--mat-sys-body-small);
      margin-top: 4px;
    }
  `,
})
export class OperationsTrayComponent {
  private readonly store = inject(Store);
  protected readonly jobs = this.store.selectSignal(exportsFeature.selectJobs);
  protected readonly progress = progressOf;

  protected dismiss(id: string): void {
    this.store.dispatch(ExportsActions.dismissed({ id }));
  }
}
