import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import {
  IonButton,
  IonInput,
  IonItem,
  IonLabel,
  IonList,
  IonListHeader,
  IonNote,
  IonToggle,
} from '@ionic/angular/standalone';
import { Store } from '@ngrx/store';
import { TranslatePipe } from '@ngx-translate/core';

import {
  type NotificationEventsDto,
  NotificationPreferencesPageActions,
  authFeature,
  notificationEventsFor,
  notificationPreferencesFeature,
} from '@circuitcare/client';

import { Connectivity } from '../../core/connectivity.service';

/**
 * The *me* page's notification settings (`GET/PUT /notifications/preferences`, the shared
 * `notificationPreferences` state): the e-mail address and e-mail on or off, and which
 * changes notify — status, notes, field reports, and SLA alerts for operator staff or
 * circuit faults for customer users. Push and e-mail follow them; the inbox lists
 * everything. Offline the last-known settings are shown, not editable.
 */
@Component({
  selector: 'ccm-notification-settings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    IonList,
    IonListHeader,
    IonItem,
    IonLabel,
    IonInput,
    IonToggle,
    IonNote,
    IonButton,
    TranslatePipe,
  ],
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="notify-settings">
      <ion-list lines="none">
        <ion-list-header>
          <ion-label>{{ 'me.notify.title' | translate }}</ion-label>
        </ion-list-header>
        @if (!online()) {
          <ion-item>
            <ion-note class="note offline" role="status" data-testid="notify-offline">
              {{ 'me.notify.offline' | translate }}
            </ion-note>
          </ion-item>
        } @else if (state().preferences.error; as e) {
          <ion-item>
            <ion-note class="note" color="danger" role="alert" data-testid="notify-load-error">
              {{ 'me.notify.loadFailed' | translate }} {{ e.detail }}
            </ion-note>
          </ion-item>
        }
        <ion-item>
          <ion-input
            data-testid="notify-email"
            formControlName="email"
            type="email"
            inputmode="email"
            autocomplete="email"
            [label]="'me.notify.email' | translate"
            labelPlacement="stacked"
            [placeholder]="'me.notify.emailPlaceholder' | translate"
          />
        </ion-item>
        @for (message of fieldErrors()['email'] ?? []; track message) {
          <ion-item>
            <ion-note class="note" color="danger" role="alert" data-testid="notify-email-error">
              {{ message }}
            </ion-note>
          </ion-item>
        }
        <ion-item>
          <ion-toggle data-testid="notify-email-enabled" formControlName="emailEnabled">
            {{ 'me.notify.emailEnabled' | translate }}
          </ion-toggle>
        </ion-item>
        <ion-item>
          <ion-note class="note">{{ 'me.notify.which' | translate }}</ion-note>
        </ion-item>
        @for (key of events(); track key) {
          <ion-item>
            <ion-toggle [attr.data-testid]="'notify-event-' + key" [formControlName]="key">
              {{ 'me.notify.events.' + key | translate }}
            </ion-toggle>
          </ion-item>
        }
        <ion-item>
          <ion-note class="note">{{ 'me.notify.inboxAlways' | translate }}</ion-note>
        </ion-item>
      </ion-list>
      <div class="ion-padding-horizontal actions">
        <ion-button
          type="submit"
          expand="block"
          data-testid="notify-save"
          [disabled]="!editable() || state().saving"
        >
          {{ (state().saving ? 'me.notify.saving' : 'me.notify.save') | translate }}
        </ion-button>
        @if (state().saveError; as e) {
          <p class="note error" role="alert" data-testid="notify-save-error">
            {{ 'me.notify.saveFailed' | translate }} {{ e.detail }}
          </p>
        } @else if (state().savedAt && !dirty()) {
          <p class="note" role="status" data-testid="notify-saved">
            {{ 'me.notify.saved' | translate }}
          </p>
        }
      </div>
    </form>
  `,
  styles: `
    .note {
      white-space: normal;
      font-size: 0.85rem;
      padding: 0.25rem 0;
    }
    .offline {
      color: var(--cc-degraded);
    }
    .error {
      color: var(--ion-color-danger);
    }
  `,
})
export class NotificationSettingsComponent {
  private readonly store = inject(Store);
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly online = inject(Connectivity).online;
  protected readonly state = this.store.selectSignal(
    notificationPreferencesFeature.selectNotificationPreferencesState,
  );
  protected readonly fieldErrors = computed(() => this.state().fieldErrors);
  private readonly role = this.store.selectSignal(authFeature.selectRole);
  protected readonly events = computed(() => notificationEventsFor(this.role()));

  protected readonly form = this.fb.group({
    email: '',
    emailEnabled: true,
    status: true,
    notes: true,
    field: true,
    sla: true,
    circuitFaults: true,
  });
  private readonly formValue = toSignal(this.form.valueChanges);
  protected readonly dirty = computed(() => {
    this.formValue();
    return this.form.dirty;
  });
  private readonly known = computed(() => this.state().preferences.data);
  /** Editable once the settings are known, while online. */
  protected readonly editable = computed(() => this.online() && this.known() !== null);

  constructor() {
    this.store.dispatch(NotificationPreferencesPageActions.opened());
    inject(DestroyRef).onDestroy(() =>
      this.store.dispatch(NotificationPreferencesPageActions.closed()),
    );
    // What the API holds, unless the user is changing it.
    effect(() => {
      const p = this.known();
      if (!p || untracked(() => this.form.dirty)) return;
      this.form.reset({ email: p.email ?? '', emailEnabled: p.emailEnabled, ...p.events });
    });
    effect(() => {
      if (this.editable() && !this.state().saving) this.form.enable({ emitEvent: false });
      else this.form.disable({ emitEvent: false });
    });
  }

  protected save(): void {
    const current = this.state().preferences.data;
    if (!current || !this.editable() || this.state().saving) return;
    const v = this.form.getRawValue();
    const shown = new Set(this.events());
    const events: NotificationEventsDto = { ...current.events };
    for (const key of ['status', 'notes', 'field', 'sla', 'circuitFaults'] as const) {
      if (shown.has(key)) events[key] = v[key];
    }
    const email = v.email.trim();
    this.store.dispatch(
      NotificationPreferencesPageActions.saveRequested({
        changes: { email: email === '' ? null : email, emailEnabled: v.emailEnabled, events },
      }),
    );
    // Once saved, the answer is what the form shows again.
    this.form.markAsPristine();
  }
}
