import {
  ChangeDetectionStrategy,
  Component,
  type OnDestroy,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import {
  IonBackButton,
  IonBadge,
  IonButton,
  IonButtons,
  IonCard,
  IonCardContent,
  IonCardHeader,
  IonCardSubtitle,
  IonCardTitle,
  IonContent,
  IonHeader,
  IonIcon,
  IonItem,
  IonLabel,
  IonList,
  IonListHeader,
  IonRefresher,
  IonRefresherContent,
  IonText,
  IonTextarea,
  IonTitle,
  IonToolbar,
  type RefresherCustomEvent,
} from '@ionic/angular/standalone';
import { Store } from '@ngrx/store';
import { TranslatePipe } from '@ngx-translate/core';
import { addIcons } from 'ionicons';
import { star, starOutline } from 'ionicons/icons';

import { TicketDetailPageActions, ticketDetailFeature } from '@circuitcare/client';

import { DataAgeComponent } from '../../ui/data-age.component';
import { DateTimePipe } from '../../ui/format.pipes';
import { SlaClockComponent } from '../../ui/sla-clock.component';

/** A ticket as the customer follows it: status, restore clock, timeline; confirm, reopen, rate. */
@Component({
  selector: 'ccm-ticket-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    IonHeader,
    IonToolbar,
    IonButtons,
    IonBackButton,
    IonTitle,
    IonContent,
    IonRefresher,
    IonRefresherContent,
    IonCard,
    IonCardHeader,
    IonCardSubtitle,
    IonCardTitle,
    IonCardContent,
    IonList,
    IonListHeader,
    IonItem,
    IonLabel,
    IonBadge,
    IonButton,
    IonIcon,
    IonText,
    IonTextarea,
    TranslatePipe,
    DateTimePipe,
    DataAgeComponent,
    SlaClockComponent,
  ],
  templateUrl: './ticket-detail.page.html',
  styles: `
    .actions {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 0.5rem;
      padding: 0 1rem;
    }
    .stars ion-button {
      --padding-start: 4px;
      --padding-end: 4px;
      min-width: 48px;
      min-height: 48px;
    }
    .summary {
      white-space: pre-line;
    }
  `,
})
export class TicketDetailPage implements OnDestroy {
  private readonly store = inject(Store);
  readonly id = input.required<string>();

  protected readonly state = this.store.selectSignal(ticketDetailFeature.selectTicketDetailState);
  protected readonly ticket = computed(() => this.state().ticket.data);
  protected readonly timeline = this.store.selectSignal(ticketDetailFeature.selectTimeline);
  protected readonly choices = this.store.selectSignal(ticketDetailFeature.selectChoices);
  protected readonly canRate = this.store.selectSignal(ticketDetailFeature.selectCanRate);
  /** The clock component reads a summary; the detail carries the same facts. */
  protected readonly clockTicket = computed(() => {
    const t = this.ticket();
    return t
      ? {
          ...t,
          restoreDueAt: t.sla.restore.dueAt,
          restoreBreached: t.sla.restore.breachedAt !== null,
          engineerName: t.assignment.engineerName,
          escalationLevel: t.sla.escalationLevel,
        }
      : null;
  });

  protected readonly reopening = signal(false);
  protected readonly reason = signal('');
  protected readonly rating = signal<1 | 2 | 3 | 4 | 5 | 0>(0);
  protected readonly comment = signal('');
  protected readonly stars = [1, 2, 3, 4, 5] as const;

  constructor() {
    addIcons({ star, starOutline });
    effect(() => this.store.dispatch(TicketDetailPageActions.opened({ ticketId: this.id() })));
  }

  ngOnDestroy(): void {
    this.store.dispatch(TicketDetailPageActions.closed());
  }

  protected refresh(event: RefresherCustomEvent): void {
    this.store.dispatch(TicketDetailPageActions.refreshRequested());
    void event.target.complete();
  }

  protected confirm(): void {
    this.store.dispatch(
      TicketDetailPageActions.transitionRequested({ status: 'closed', reason: null }),
    );
  }

  protected reopen(): void {
    const reason = this.reason().trim();
    if (!reason) return;
    this.store.dispatch(
      TicketDetailPageActions.transitionRequested({ status: 'reopened', reason }),
    );
    this.reopening.set(false);
    this.reason.set('');
  }

  protected rate(): void {
    const rating = this.rating();
    if (rating === 0) return;
    this.store.dispatch(
      TicketDetailPageActions.ratingSubmitted({ rating, comment: this.comment().trim() }),
    );
  }
}
