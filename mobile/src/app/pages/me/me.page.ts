import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import {
  IonButton,
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

/** Who is signed in, the language, signing out. */
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
    TranslatePipe,
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
              </ion-label>
            </ion-item>
          </ion-list>
        }
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
})
export class MePage {
  private readonly store = inject(Store);
  protected readonly prefs = inject(Preferences);
  protected readonly user = this.store.selectSignal(authFeature.selectUser);

  protected setLanguage(value: unknown): void {
    if (value === 'zh-CN' || value === 'en') void this.prefs.setLanguage(value);
  }

  protected signOut(): void {
    this.store.dispatch(SessionActions.logoutRequested());
  }
}
