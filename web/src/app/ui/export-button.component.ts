import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Store } from '@ngrx/store';
import { TranslatePipe } from '@ngx-translate/core';

import { type ExportRequest, ExportsActions, exportsFeature } from '@circuitcare/client';

import { IconComponent } from './icon.component';

type ExportSpec = ExportRequest extends infer R
  ? R extends { id: string }
    ? Omit<R, 'id'>
    : never
  : never;

/** Starts an audited CSV export; the shell's operations tray shows its progress. */
@Component({
  selector: 'cc-export-button',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TranslatePipe, IconComponent],
  template: `<button
    mat-stroked-button
    type="button"
    (click)="start()"
    [disabled]="running()"
    [attr.data-testid]="'export-' + spec().kind"
  >
    <cc-icon name="download" />
    {{ (running() ? 'exports.running' : 'common.export') | translate }}
  </button>`,
})
export class ExportButtonComponent {
  readonly spec = input.required<ExportSpec>();
  private readonly store = inject(Store);
  private readonly jobs = this.store.selectSignal(exportsFeature.selectRunning);
  private readonly lastId = signal<string | null>(null);
  protected readonly running = computed(() => this.jobs().some((j) => j.id === this.lastId()));

  protected start(): void {
    const id = `exp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
    this.lastId.set(id);
    this.store.dispatch(ExportsActions.requested({ request: { ...this.spec(), id } }));
  }
}
