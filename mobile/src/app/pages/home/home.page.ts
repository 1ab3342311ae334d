import { ChangeDetectionStrategy, Component, type OnDestroy, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import {
  IonBadge,
  IonButtons,
  IonCard,
  IonCardContent,
  IonCardHeader,
  IonCardTitle,
  IonContent,
  IonFab,
  IonFabButton,
  IonHeader,
  IonIcon,
  IonItem,
  IonLabel,
  IonList,
  IonRefresher,
  IonRefresherContent,
  IonText,
  IonTitle,
  IonToolbar,
  type RefresherCustomEvent,
} from '@ionic/angular/standalone';
import { Store } from '@ngrx/store';
import { TranslatePipe } from '@ngx-translate/core';
import { addIcons } from 'ionicons';
import { alertCircle, megaphone } from 'ionicons/icons';

import { OverviewPageActions, liveEventsFeature, overviewFeature } from '@circuitcare/client';

import { DataAgeComponent } from '../../ui/data-age.component';
import { LiveDotComponent } from '../../ui/live-dot.component';
import { OpenTicketsCardComponent } from './open-tickets-card.component';

/** The customer's status home: health of its circuits, active faults, open tickets. */
@Component({
  selector: 'ccm-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    IonHeader,
    IonToolbar,
    IonTitle,
    IonButtons,
    IonContent,
    IonRefresher,
    IonRefresherContent,
    IonCard,
    IonCardHeader,
    IonCardTitle,
    IonCardContent,
    IonList,
    IonItem,
    IonLabel,
    IonBadge,
    IonIcon,
    IonText,
    IonFab,
    IonFabButton,
    TranslatePipe,
    DataAgeComponent,
    LiveDotComponent,
    OpenTicketsCardComponent,
  ],
  templateUrl: './home.page.html',
  styleUrl: './home.page.scss',
})
export class HomePage implements OnDestroy {
  private readonly store = inject(Store);
  protected readonly summary = this.store.selectSignal(overviewFeature.selectSummary);
  protected readonly counts = this.store.selectSignal(overviewFeature.selectCounts);
  protected readonly customerName = this.store.selectSignal(overviewFeature.selectCustomerName);
  protected readonly faults = this.store.selectSignal(overviewFeature.selectFaults);
  protected readonly activeFaults = this.store.selectSignal(overviewFeature.selectActiveFaults);
  protected readonly live = this.store.selectSignal(liveEventsFeature.selectStatus);

  constructor() {
    addIcons({ alertCircle, megaphone });
    this.store.dispatch(OverviewPageActions.opened({ customerId: null }));
  }

  ngOnDestroy(): void {
    this.store.dispatch(OverviewPageActions.closed());
  }

  protected refresh(event: RefresherCustomEvent): void {
    this.store.dispatch(OverviewPageActions.refreshRequested());
    void event.target.complete();
  }
}
