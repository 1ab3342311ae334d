import { ChangeDetectionStrategy, Component, type OnDestroy, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import {
  IonCard,
  IonCardContent,
  IonCardHeader,
  IonCardTitle,
  IonItem,
  IonLabel,
  IonList,
} from '@ionic/angular/standalone';
import { Store } from '@ngrx/store';
import { TranslatePipe } from '@ngx-translate/core';

import { OpenTicketsPageActions, openTicketsFeature } from '@circuitcare/client';

import { SlaClockComponent } from '../../ui/sla-clock.component';

/** The customer's open tickets with their restore clocks, most urgent first. */
@Component({
  selector: 'ccm-open-tickets-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    IonCard,
    IonCardHeader,
    IonCardTitle,
    IonCardContent,
    IonList,
    IonItem,
    IonLabel,
    TranslatePipe,
    SlaClockComponent,
  ],
  template: `
    <ion-card data-testid="open-tickets">
      <ion-card-header>
        <ion-card-title>{{ 'home.openTickets' | translate }}</ion-card-title>
      </ion-card-header>
      @if (tickets().length === 0) {
        <ion-card-content>
          <p class="cc-muted">
            {{ (state().data ? 'home.noTickets' : 'common.loading') | translate }}
          </p>
        </ion-card-content>
      } @else {
        <ion-list lines="full">
          @for (t of tickets().slice(0, 5); track t.id) {
            <ion-item
              button
              detail
              [routerLink]="['/tickets', t.id]"
              [attr.data-testid]="'ticket-' + t.id"
            >
              <ion-label>
                <h2>{{ t.name }}</h2>
                <p>{{ t.id }} · {{ 'ticket.status.' + t.status | translate }}</p>
              </ion-label>
              <ccm-sla-clock slot="end" [ticket]="t" />
            </ion-item>
          }
        </ion-list>
      }
    </ion-card>
  `,
})
export class OpenTicketsCardComponent implements OnDestroy {
  private readonly store = inject(Store);
  protected readonly state = this.store.selectSignal(openTicketsFeature.selectTickets);
  protected readonly tickets = this.store.selectSignal(openTicketsFeature.selectByUrgency);

  constructor() {
    this.store.dispatch(OpenTicketsPageActions.opened());
  }

  ngOnDestroy(): void {
    this.store.dispatch(OpenTicketsPageActions.closed());
  }
}
