import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import {
  IonButton,
  IonContent,
  IonHeader,
  IonInput,
  IonItem,
  IonList,
  IonNote,
  IonProgressBar,
  IonText,
  IonTitle,
  IonToolbar,
} from '@ionic/angular/standalone';
import { Store } from '@ngrx/store';
import { TranslatePipe } from '@ngx-translate/core';

import { LoginPageActions, authFeature, loginErrorText } from '@circuitcare/client';

import { Preferences } from '../../core/preferences.service';
import { DateTimePipe } from '../../ui/format.pipes';

/** Sign-in: password, then the authenticator code when the user has a second factor. */
@Component({
  selector: 'ccm-login-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    IonHeader,
    IonToolbar,
    IonTitle,
    IonContent,
    IonList,
    IonItem,
    IonInput,
    IonButton,
    IonNote,
    IonText,
    IonProgressBar,
    TranslatePipe,
    DateTimePipe,
  ],
  templateUrl: './login.page.html',
  styleUrl: './login.page.scss',
})
export class LoginPage {
  private readonly store = inject(Store);
  protected readonly prefs = inject(Preferences);
  private readonly fb = inject(FormBuilder).nonNullable;

  protected readonly auth = this.store.selectSignal(authFeature.selectAuthState);
  protected readonly busy = this.store.selectSignal(authFeature.selectIsBusy);
  protected readonly secondStep = computed(() =>
    ['second-factor', 'verifying-code'].includes(this.auth().status),
  );

  protected readonly passwordForm = this.fb.group({
    username: ['', [Validators.required, Validators.maxLength(64)]],
    password: ['', [Validators.required, Validators.maxLength(256)]],
  });
  protected readonly codeForm = this.fb.group({
    code: ['', [Validators.required, Validators.pattern(/^\d{6}$/)]],
  });

  protected submitPassword(): void {
    if (this.passwordForm.invalid || this.busy()) {
      this.passwordForm.markAllAsTouched();
      return;
    }
    const { username, password } = this.passwordForm.getRawValue();
    this.store.dispatch(
      LoginPageActions.passwordSubmitted({ username: username.trim(), password }),
    );
  }

  protected submitCode(): void {
    if (this.codeForm.invalid || this.busy()) {
      this.codeForm.markAllAsTouched();
      return;
    }
    this.store.dispatch(LoginPageActions.codeSubmitted({ code: this.codeForm.getRawValue().code }));
  }

  protected cancelSecondStep(): void {
    this.codeForm.reset();
    this.passwordForm.controls.password.reset();
    this.store.dispatch(LoginPageActions.secondStepCancelled());
  }

  protected toggleLanguage(): void {
    void this.prefs.setLanguage(this.prefs.language() === 'zh-CN' ? 'en' : 'zh-CN');
  }

  /** The translation key and its parameters for an error. */
  protected readonly errorText = loginErrorText;
}
