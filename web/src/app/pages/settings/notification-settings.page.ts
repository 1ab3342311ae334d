import { Clipboard } from '@angular/cdk/clipboard';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { FormBuilder, ReactiveFormsModule, type ValidatorFn } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { Store } from '@ngrx/store';
import { TranslatePipe } from '@ngx-translate/core';

import {
  type NotificationEventsDto,
  NotificationPreferencesPageActions,
  type UpdateNotificationPreferencesDto,
  authFeature,
  notificationEventsFor,
  notificationPreferencesFeature,
} from '@circuitcare/client';

import { IconComponent } from '../../ui/icon.component';

/** The form fields the API's validation messages are shown beside (by field path). */
const FIELDS = ['email', 'webhookUrl'] as const;
const EVENT_KEYS = ['status', 'notes', 'field', 'sla', 'circuitFaults'] as const;

/**
 * My notification settings (`GET/PUT /notifications/preferences`): e-mail address and
 * e-mail on or off, a webhook (URL, on or off, a new signing secret shown once to copy),
 * and which changes notify — status, notes, field reports, and SLA alerts for operator
 * staff or circuit faults for customer users. E-mail, webhooks and web push follow them.
 */
@Component({
  selector: 'cc-notification-settings-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSlideToggleModule,
    TranslatePipe,
    IconComponent,
  ],
  templateUrl: './notification-settings.page.html',
  styleUrl: './notification-settings.page.scss',
})
export class NotificationSettingsPage {
  private readonly store = inject(Store);
  private readonly clipboard = inject(Clipboard);
  private readonly fb = inject(FormBuilder).nonNullable;

  protected readonly state = this.store.selectSignal(
    notificationPreferencesFeature.selectNotificationPreferencesState,
  );
  private readonly known = computed(() => this.state().preferences.data);
  private readonly role = this.store.selectSignal(authFeature.selectRole);
  protected readonly events = computed(() => notificationEventsFor(this.role()));
  /** API messages for paths without a field of their own here (e.g. `events.status`). */
  protected readonly otherErrors = computed(() =>
    Object.entries(this.state().fieldErrors)
      .filter(([path]) => !(FIELDS as readonly string[]).includes(path))
      .map(([path, messages]) => `${path}: ${messages.join('; ')}`),
  );
  protected readonly copied = signal(false);

  /** The API's message for a field, as long as the field still holds what it refused. */
  private rejected: Partial<Record<(typeof FIELDS)[number], { value: string; message: string }>> =
    {};
  private readonly refusedByApi =
    (name: (typeof FIELDS)[number]): ValidatorFn =>
    (control) => {
      const r = this.rejected[name];
      return r && String(control.value).trim() === r.value ? { api: r.message } : null;
    };

  protected readonly form = this.fb.group({
    email: ['', this.refusedByApi('email')],
    emailEnabled: true,
    webhookUrl: ['', this.refusedByApi('webhookUrl')],
    webhookEnabled: false,
    status: true,
    notes: true,
    field: true,
    sla: true,
    circuitFaults: true,
  });

  constructor() {
    this.store.dispatch(NotificationPreferencesPageActions.opened());
    inject(DestroyRef).onDestroy(() =>
      this.store.dispatch(NotificationPreferencesPageActions.closed()),
    );
    // What the API holds (read or just saved) is what the form shows.
    effect(() => {
      const p = this.known();
      if (!p) return;
      untracked(() =>
        this.form.reset({
          email: p.email ?? '',
          emailEnabled: p.emailEnabled,
          webhookUrl: p.webhookUrl ?? '',
          webhookEnabled: p.webhookEnabled,
          ...p.events,
        }),
      );
    });
    effect(() => {
      const busy = this.state().saving || this.known() === null;
      untracked(() =>
        busy ? this.form.disable({ emitEvent: false }) : this.form.enable({ emitEvent: false }),
      );
    });
    // The API's validation messages beside their fields, until the field is changed (the
    // form is disabled while saving, so what it holds is what was refused).
    effect(() => {
      const errors = this.state().fieldErrors;
      untracked(() => {
        this.rejected = {};
        for (const name of FIELDS) {
          const messages = errors[name];
          const control = this.form.controls[name];
          if (messages) {
            this.rejected[name] = {
              value: String(control.value).trim(),
              message: messages.join('; '),
            };
            control.markAsTouched();
          }
          control.updateValueAndValidity({ emitEvent: false });
        }
      });
    });
  }

  protected apiError(name: (typeof FIELDS)[number]): string | null {
    const errors = this.form.controls[name].errors;
    return typeof errors?.['api'] === 'string' ? errors['api'] : null;
  }

  protected save(): void {
    this.submit({});
  }

  protected rotateSecret(): void {
    this.submit({ rotateWebhookSecret: true });
  }

  protected copySecret(secret: string): void {
    this.copied.set(this.clipboard.copy(secret));
  }

  protected dismissSecret(): void {
    this.copied.set(false);
    this.store.dispatch(NotificationPreferencesPageActions.secretDismissed());
  }

  private submit(extra: Pick<UpdateNotificationPreferencesDto, 'rotateWebhookSecret'>): void {
    const current = this.known();
    if (!current || this.state().saving) return;
    const v = this.form.getRawValue();
    const shown = new Set(this.events());
    const events: NotificationEventsDto = { ...current.events };
    for (const key of EVENT_KEYS) if (shown.has(key)) events[key] = v[key];
    const email = v.email.trim();
    const webhookUrl = v.webhookUrl.trim();
    this.copied.set(false);
    this.store.dispatch(
      NotificationPreferencesPageActions.saveRequested({
        changes: {
          email: email === '' ? null : email,
          emailEnabled: v.emailEnabled,
          webhookUrl: webhookUrl === '' ? null : webhookUrl,
          webhookEnabled: webhookUrl !== '' && v.webhookEnabled,
          events,
          ...extra,
        },
      }),
    );
  }
}
