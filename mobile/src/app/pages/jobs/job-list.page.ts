import { ChangeDetectionStrategy, Component, type OnDestroy, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import {
  IonBadge,
  IonContent,
  IonHeader,
  IonItem,
  IonLabel,
  IonList,
  IonNote,
  IonRefresher,
  IonRefresherContent,
  IonTitle,
  IonToolbar,
  type RefresherCustomEvent,
} from '@ionic/angular/standalone';
import { Store } from '@ngrx/store';
import { TranslatePipe } from '@ngx-translate/core';

import { OpenTicketsPageActions, openTicketsFeature } from '@circuitcare/client';

import { Outbox } from '../../core/outbox/outbox.service';
import { DataAgeComponent } from '../../ui/data-age.component';
import { AgePipe } from '../../ui/format.pipes';
import { SlaClockComponent } from '../../ui/sla-clock.component';

/** The field engineer's dispatched jobs, most urgent SLA first; what waits to be sent. */
@Component({
  selector: 'ccm-job-list-page',
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
    IonNote,
    TranslatePipe,
    AgePipe,
    DataAgeComponent,
    SlaClockComponent,
  ],
  template: `
    <ion-header>
      <ion-toolbar color="primary"
        ><ion-title>{{ 'jobs.title' | translate }}</ion-title></ion-toolbar
      >
    </ion-header>
    <ion-content>
      <ion-refresher slot="fixed" (ionRefresh)="refresh($event)"
        ><ion-refresher-content
      /></ion-refresher>
      <main>
        <h1 class="cc-visually-hidden">{{ 'jobs.title' | translate }}</h1>
        <ccm-data-age [loadedAt]="state().loadedAt" [error]="state().error" />
        @if (outbox.waiting().length) {
          <ion-note class="queued" role="status" data-testid="queued-count">
            {{ 'jobs.queued' | translate: { n: outbox.waiting().length } }}
          </ion-note>
        }
        @if (jobs().length === 0) {
          <p class="ion-padding cc-muted">
            {{ (state().data ? 'jobs.none' : 'common.loading') | translate }}
          </p>
        }
        <ion-list lines="full">
          @for (t of jobs(); track t.id) {
            <ion-item
              button
              detail
              [routerLink]="['/jobs', t.id]"
              [attr.data-testid]="'job-' + t.id"
            >
              <ion-label>
                <h2>{{ t.name }}</h2>
                <p>
                  <ion-badge color="medium">{{ t.priority }}</ion-badge>
                  {{ 'ticket.status.' + t.status | translate }} · {{ t.region ?? '' }} ·
                  {{ t.creationDate | ccAge }}
                </p>
              </ion-label>
              <ccm-sla-clock slot="end" [ticket]="t" />
            </ion-item>
          }
        </ion-list>
      </main>
    </ion-content>
  `,
  styles: `
    .queued {
      display: block;
      padding: 0.5rem 1rem;
      color: var(--cc-degraded);
      background: var(--cc-degraded-bg);
    }
  `,
})
export class JobListPage implements OnDestroy {
  private readonly store = inject(Store);
  protected readonly outbox = inject(Outbox);
  protected readonly state = this.store.selectSignal(openTicketsFeature.selectTickets);
  protected readonly jobs = this.store.selectSignal(openTicketsFeature.selectByUrgency);

  constructor() {
    this.store.dispatch(OpenTicketsPageActions.opened());
  }

  ngOnDestroy(): void {
    this.store.dispatch(OpenTicketsPageActions.closed());
  }

  protected refresh(event: RefresherCustomEvent): void {
    this.store.dispatch(OpenTicketsPageActions.refreshRequested());
    void this.outbox.flush();
    void event.target.complete();
  }
}
