import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { IonIcon, IonNote } from '@ionic/angular/standalone';
import { TranslatePipe } from '@ngx-translate/core';
import { addIcons } from 'ionicons';
import { cloudOfflineOutline, timeOutline } from 'ionicons/icons';

import type { Failure } from '@circuitcare/client';

import { Connectivity } from '../core/connectivity.service';
import { AgePipe } from './format.pipes';

/**
 * How old the data on screen is. Online and fresh: "updated 2 min ago"; offline (or the
 * API unreachable) it says so, and the age of the last-known data stays in view.
 */
@Component({
  selector: 'ccm-data-age',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [IonNote, IonIcon, TranslatePipe, AgePipe],
  template: `
    @if (loadedAt() || stale()) {
      <ion-note
        class="age"
        [class.stale]="stale()"
        role="status"
        data-testid="data-age"
        [attr.data-stale]="stale()"
      >
        <ion-icon [name]="stale() ? 'cloud-offline-outline' : 'time-outline'" aria-hidden="true" />
        @if (stale()) {
          {{ 'age.offline' | translate }}
        }
        @if (loadedAt(); as at) {
          {{ 'age.updated' | translate: { age: (at | ccAge) } }}
        }
      </ion-note>
    }
  `,
  styles: `
    .age {
      display: flex;
      align-items: center;
      gap: 0.35rem;
      padding: 0.25rem 1rem;
      font-size: 0.8rem;
    }
    .stale {
      color: var(--cc-degraded);
      background: var(--cc-degraded-bg);
    }
  `,
})
export class DataAgeComponent {
  private readonly connectivity = inject(Connectivity);
  readonly loadedAt = input<string | null>(null);
  readonly error = input<Failure | null>(null);

  /** Shown data is not current: the phone is offline, or the last read could not reach the API. */
  protected readonly stale = computed(
    () =>
      !this.connectivity.online() ||
      (this.error()?.status === 0 && this.loadedAt() !== null) ||
      this.error()?.status === 504,
  );

  constructor() {
    addIcons({ cloudOfflineOutline, timeOutline });
  }
}
