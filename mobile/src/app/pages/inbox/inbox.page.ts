import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import {
  IonButton,
  IonButtons,
  IonContent,
  IonHeader,
  IonIcon,
  IonItem,
  IonLabel,
  IonList,
  IonTitle,
  IonToolbar,
} from '@ionic/angular/standalone';
import { Store } from '@ngrx/store';
import { TranslatePipe } from '@ngx-translate/core';
import { addIcons } from 'ionicons';
import { alertCircle, documentText } from 'ionicons/icons';

import { authFeature } from '@circuitcare/client';

import { Inbox } from '../../core/inbox/inbox.service';
import { AgePipe } from '../../ui/format.pipes';

/** Changes to my tickets and faults on my circuits, newest first (kept on the phone). */
@Component({
  selector: 'ccm-inbox-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    IonHeader,
    IonToolbar,
    IonTitle,
    IonButtons,
    IonButton,
    IonContent,
    IonList,
    IonItem,
    IonLabel,
    IonIcon,
    TranslatePipe,
    AgePipe,
  ],
  template: `
    <ion-header>
      <ion-toolbar color="primary">
        <ion-title>{{ 'inbox.title' | translate }}</ion-title>
        @if (inbox.unread() > 0) {
          <ion-buttons slot="end">
            <ion-button (click)="inbox.markAllRead()" data-testid="mark-read">{{
              'inbox.markRead' | translate
            }}</ion-button>
          </ion-buttons>
        }
      </ion-toolbar>
    </ion-header>
    <ion-content>
      <main>
        <h1 class="cc-visually-hidden">{{ 'inbox.title' | translate }}</h1>
        @if (notifyState() === 'default') {
          <div class="ion-padding">
            <ion-button expand="block" fill="outline" (click)="enable()">{{
              'inbox.enableSystem' | translate
            }}</ion-button>
          </div>
        }
        @if (inbox.items().length === 0) {
          <p class="ion-padding cc-muted">{{ 'inbox.empty' | translate }}</p>
        }
        <ion-list lines="full">
          @for (item of inbox.items(); track item.id) {
            <ion-item
              button
              detail
              [routerLink]="link(item.kind, item.objectId)"
              [class.unread]="!item.read"
              [attr.data-testid]="'inbox-' + item.objectId"
            >
              <ion-icon
                slot="start"
                [name]="item.kind === 'circuit' ? 'alert-circle' : 'document-text'"
                aria-hidden="true"
              />
              <ion-label class="ion-text-wrap">
                <h2>{{ item.text | translate: item.params }}</h2>
                <p>{{ item.at | ccAge }}</p>
              </ion-label>
            </ion-item>
          }
        </ion-list>
      </main>
    </ion-content>
  `,
  styles: `
    .unread h2 {
      font-weight: 700;
    }
  `,
})
export class InboxPage {
  protected readonly inbox = inject(Inbox);
  private readonly role = inject(Store).selectSignal(authFeature.selectRole);
  protected readonly notifyState = signal(this.inbox.systemNotificationsState());

  constructor() {
    addIcons({ alertCircle, documentText });
  }

  protected link(kind: string, id: string): string[] {
    if (kind === 'circuit') return ['/circuits', id];
    return [this.role() === 'field-engineer' ? '/jobs' : '/tickets', id];
  }

  protected async enable(): Promise<void> {
    await this.inbox.enableSystemNotifications();
    this.notifyState.set(this.inbox.systemNotificationsState());
  }
}
