import { ChangeDetectionStrategy, Component, type OnInit, inject } from '@angular/core';
import {
  IonButton,
  IonNote,
  IonToggle,
  IonContent,
  IonHeader,
  IonItem,
  IonLabel,
  IonList,
  IonListHeader,
  IonSegment,
  IonSegmentButton,
  IonTitle,
  IonToolbar,
} from '@ionic/angular/standalone';
import { Store } from '@ngrx/store';
import { TranslatePipe } from '@ngx-translate/core';

import { SessionActions, authFeature } from '@circuitcare/client';

import { Preferences } from '../../core/preferences.service';
import { Push } from '../../core/push/push.service';
import { AgePipe } from '../../ui/format.pipes';
import { NotificationSettingsComponent } from './notification-settings.component';

/**
 * Who is signed in (and, opened offline, since when that profile is known), web push on
 * this phone (or why the browser cannot), the notification settings, the language,
 * signing out.
 */
@Component({
  selector: 'ccm-me-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    IonHeader,
    IonToolbar,
    IonTitle,
    IonContent,
    IonList,
    IonListHeader,
    IonItem,
    IonLabel,
    IonSegment,
    IonSegmentButton,
    IonButton,
    IonNote,
    IonToggle,
    TranslatePipe,
    AgePipe,
    NotificationSettingsComponent,
  ],
  template: `
    <ion-header>
      <ion-toolbar color="primary"
        ><ion-title>{{ 'me.title' | translate }}</ion-title></ion-toolbar
      >
    </ion-header>
    <ion-content>
      <main>
        <h1 class="cc-visually-hidden">{{ 'me.title' | translate }}</h1>
        @if (user(); as u) {
          <ion-list lines="full">
            <ion-item>
              <ion-label>
                <h2 data-testid="me-name">{{ u.displayName }}</h2>
                <p>{{ u.username }} · {{ 'enum.role.' + u.role | translate }}</p>
                @if (offline()) {
                  <p class="offline" data-testid="me-offline">
                    {{ 'me.offlineProfile' | translate: { age: (profileSavedAt() | ccAge) } }}
                  </p>
                }
              </ion-label>
            </ion-item>
          </ion-list>
        }
        <ion-list lines="none">
          <ion-list-header>
            <ion-label>{{ 'me.push.title' | translate }}</ion-label>
          </ion-list-header>
          <ion-item>
            <ion-toggle
              data-testid="push-toggle"
              [checked]="push.enabled()"
              [disabled]="push.busy() || (push.support() !== 'available' && !push.enabled())"
              (ionChange)="togglePush($event.detail.checked)"
              >{{ 'me.push.toggle' | translate }}</ion-toggle
            >
          </ion-item>
          <ion-item>
            <ion-note class="push-note" data-testid="push-note" role="status">
              @if (push.failed()) {
                {{ 'me.push.failed' | translate }}
              } @else if (push.enabled()) {
                {{ 'me.push.on' | translate }}
              } @else {
                {{ 'me.push.' + push.support() | translate }}
              }
            </ion-note>
          </ion-item>
        </ion-list>
        <ccm-notification-settings />
        <ion-list lines="none">
          <ion-list-header>
            <ion-label>{{ 'common.language' | translate }}</ion-label>
          </ion-list-header>
          <ion-item>
            <ion-segment
              [value]="prefs.language()"
              (ionChange)="setLanguage($event.detail.value)"
              [attr.aria-label]="'common.language' | translate"
            >
              <ion-segment-button value="zh-CN"><ion-label>中文</ion-label></ion-segment-button>
              <ion-segment-button value="en"><ion-label>English</ion-label></ion-segment-button>
            </ion-segment>
          </ion-item>
        </ion-list>
        <div class="ion-padding">
          <ion-button
            expand="block"
            color="danger"
            fill="outline"
            data-testid="sign-out"
            (click)="signOut()"
          >
            {{ 'me.signOut' | translate }}
          </ion-button>
        </div>
      </main>
    </ion-content>
  `,
  styles: `
    .offline {
      color: var(--cc-degraded);
    }
    .push-note {
      white-space: normal;
      font-size: 0.85rem;
      padding: 0.25rem 0;
    }
  `,
})
export class MePage implements OnInit {
  private readonly store = inject(Store);
  protected readonly prefs = inject(Preferences);
  protected readonly push = inject(Push);
  protected readonly user = this.store.selectSignal(authFeature.selectUser);
  protected readonly offline = this.store.selectSignal(authFeature.selectOffline);
  protected readonly profileSavedAt = this.store.selectSignal(authFeature.selectProfileSavedAt);

  ngOnInit(): void {
    void this.push.check();
  }

  protected togglePush(on: boolean): void {
    if (on === this.push.enabled()) return;
    void (on ? this.push.enable() : this.push.disable());
  }

  protected setLanguage(value: unknown): void {
    if (value === 'zh-CN' || value === 'en') void this.prefs.setLanguage(value);
  }

  protected signOut(): void {
    // While the session still holds: the API forgets this phone, nobody else's pushes land here.
    const unsubscribed = this.push.enabled() ? this.push.disable() : Promise.resolve();
    void unsubscribed.finally(() => this.store.dispatch(SessionActions.logoutRequested()));
  }
}
