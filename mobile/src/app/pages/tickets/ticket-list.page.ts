import { ChangeDetectionStrategy, Component, type OnDestroy, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import {
  IonBadge,
  IonContent,
  IonHeader,
  IonItem,
  IonLabel,
  IonList,
  IonRefresher,
  IonRefresherContent,
  IonTitle,
  IonToolbar,
  type RefresherCustomEvent,
} from '@ionic/angular/standalone';
import { Store } from '@ngrx/store';
import { TranslatePipe } from '@ngx-translate/core';

import { OpenTicketsPageActions, openTicketsFeature } from '@circuitcare/client';

import { DataAgeComponent } from '../../ui/data-age.component';
import { AgePipe } from '../../ui/format.pipes';
import { SlaClockComponent } from '../../ui/sla-clock.component';

/** Open tickets of the customer (or of the field engineer's jobs), most urgent first. */
@Component({
  selector: 'ccm-ticket-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    IonHeader,
    IonToolbar,
    IonTitle,
    IonContent,
    IonRefresher,
    IonRefresherContent,
    IonList,
    IonItem,
    IonLabel,
    IonBadge,
    TranslatePipe,
    DataAgeComponent,
    SlaClockComponent,
    AgePipe,
  ],
  template: `
    <ion-header>
      <ion-toolbar color="primary"
        ><ion-title>{{ 'tickets.title' | translate }}</ion-title></ion-toolbar
      >
    </ion-header>
    <ion-content>
      <ion-refresher slot="fixed" (ionRefresh)="refresh($event)"
        ><ion-refresher-content
      /></ion-refresher>
      <main>
        <h1 class="cc-visually-hidden">{{ 'tickets.title' | translate }}</h1>
        <ccm-data-age [loadedAt]="state().loadedAt" [error]="state().error" />
        @if (tickets().length === 0) {
          <p class="ion-padding cc-muted">
            {{ (state().data ? 'home.noTickets' : 'common.loading') | translate }}
          </p>
        }
        <ion-list lines="full">
          @for (t of tickets(); track t.id) {
            <ion-item
              button
              detail
              [routerLink]="['/tickets', t.id]"
              [attr.data-testid]="'ticket-' + t.id"
            >
              <ion-label>
                <h2>{{ t.name }}</h2>
                <p>
                  <ion-badge color="medium">{{ t.priority }}</ion-badge>
                  {{ 'ticket.status.' + t.status | translate }} · {{ t.lastUpdate | ccAge }}
                </p>
              </ion-label>
              <ccm-sla-clock slot="end" [ticket]="t" />
            </ion-item>
          }
        </ion-list>
      </main>
    </ion-content>
  `,
})
export class TicketListPage implements OnDestroy {
  private readonly store = inject(Store);
  protected readonly state = this.store.selectSignal(openTicketsFeature.selectTickets);
  protected readonly tickets = this.store.selectSignal(openTicketsFeature.selectByUrgency);

  constructor() {
    this.store.dispatch(OpenTicketsPageActions.opened());
  }

  ngOnDestroy(): void {
    this.store.dispatch(OpenTicketsPageActions.closed());
  }

  protected refresh(event: RefresherCustomEvent): void {
    this.store.dispatch(OpenTicketsPageActions.refreshRequested());
    void event.target.complete();
  }
}
