import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';
import { TranslatePipe } from '@ngx-translate/core';

import {
  AttachmentDrafts,
  ExportsActions,
  REASON_REQUIRED,
  TicketDetailPageActions,
  type TicketStatus,
  authFeature,
  restoreCountdown,
  ticketDetailFeature,
} from '@circuitcare/client';

import { FORMAT_PIPES } from '../../ui/format.pipes';
import { IconComponent } from '../../ui/icon.component';
import { nowSignal } from '../../ui/now.signal';
import { SlaClockComponent } from '../../ui/sla-clock.component';
import { EmergencyPlanPanelComponent } from '../emergency-plans/emergency-plan-panel.component';

/** The order in which the status steps are drawn. */
export const STATUS_STEPS: readonly TicketStatus[] = [
  'acknowledged',
  'inProgress',
  'resolved',
  'closed',
];

const FINISHED: readonly TicketStatus[] = ['closed', 'cancelled', 'rejected'];

/**
 * One ticket: where it is in its life (steps, timeline newest first), the SLA restore
 * clock counting down, who has it; the customer confirms or reopens a resolved ticket
 * and rates it once; the NOC moves it along. Live: a newer version is read at once.
 */
@Component({
  selector: 'cc-ticket-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSlideToggleModule,
    TranslatePipe,
    IconComponent,
    SlaClockComponent,
    EmergencyPlanPanelComponent,
    ...FORMAT_PIPES,
  ],
  templateUrl: './ticket.page.html',
  styleUrl: './ticket.page.scss',
})
export class TicketPage {
  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  private readonly store = inject(Store);
  private readonly drafts = inject(AttachmentDrafts);
  private readonly now = nowSignal();

  protected readonly state = this.store.selectSignal(ticketDetailFeature.selectTicketDetailState);
  protected readonly timeline = this.store.selectSignal(ticketDetailFeature.selectTimeline);
  protected readonly choices = this.store.selectSignal(ticketDetailFeature.selectChoices);
  protected readonly canRate = this.store.selectSignal(ticketDetailFeature.selectCanRate);
  protected readonly caps = this.store.selectSignal(authFeature.selectCapabilities);

  protected readonly reason = signal('');
  protected readonly note = signal('');
  protected readonly rating = signal(0);
  protected readonly ratingComment = signal('');
  protected readonly reasonMissing = signal(false);
  /** The next file goes to operator staff only (the NOC's choice). */
  protected readonly internalFile = signal(false);
  protected readonly stars = [1, 2, 3, 4, 5] as const;
  protected readonly steps = STATUS_STEPS;

  protected readonly ticket = computed(() => this.state().ticket.data);
  protected readonly countdown = computed(() => {
    const t = this.ticket();
    return t ? restoreCountdown(t, this.now()) : null;
  });
  /** Transitions other than confirm/reopen (the NOC's and field's), as buttons. */
  protected readonly otherTransitions = computed(() =>
    (this.ticket()?.allowedTransitions ?? []).filter((s) => s !== 'closed' && s !== 'reopened'),
  );
  /** The circuits of an open fault: their emergency plans are shown with the ticket. */
  protected readonly incidentCircuits = computed<readonly string[]>(() => {
    const t = this.ticket();
    if (!t || t.ticketType !== 'fault' || FINISHED.includes(t.status)) return [];
    return t.circuitIds;
  });
  /** The alarms the ticket is about, the root cause first. */
  protected readonly relatedAlarms = computed(() =>
    (this.ticket()?.relatedEntity ?? [])
      .filter((e) => e['@referredType'] === 'Alarm')
      .sort((a, b) => Number(b.role === 'rootCause') - Number(a.role === 'rootCause')),
  );
  /** Photos and documents can be added while the ticket is not finished, by who may change it. */
  protected readonly canAttach = computed(() => {
    const t = this.ticket();
    const caps = this.caps();
    return !!t && !FINISHED.includes(t.status) && (caps.reportFaults || caps.dispatchTickets);
  });
  protected readonly stepIndex = computed(() => {
    const status = this.ticket()?.status;
    if (!status) return -1;
    if (status === 'pending' || status === 'reopened') return 1;
    return STATUS_STEPS.indexOf(status);
  });

  constructor() {
    effect(() => {
      const ticketId = this.id();
      untracked(() => this.store.dispatch(TicketDetailPageActions.opened({ ticketId })));
    });
    inject(DestroyRef).onDestroy(() => this.store.dispatch(TicketDetailPageActions.closed()));
  }

  protected move(status: TicketStatus): void {
    const reason = this.reason().trim();
    if (REASON_REQUIRED.includes(status) && !reason) {
      this.reasonMissing.set(true);
      return;
    }
    this.reasonMissing.set(false);
    this.store.dispatch(
      TicketDetailPageActions.transitionRequested({ status, reason: reason || null }),
    );
    this.reason.set('');
  }

  protected addNote(): void {
    const text = this.note().trim();
    if (!text) return;
    this.store.dispatch(TicketDetailPageActions.noteSubmitted({ text }));
    this.note.set('');
  }

  protected rate(): void {
    const rating = this.rating();
    if (rating < 1 || rating > 5) return;
    this.store.dispatch(
      TicketDetailPageActions.ratingSubmitted({
        rating: rating as 1 | 2 | 3 | 4 | 5,
        comment: this.ratingComment().trim(),
      }),
    );
  }

  protected attach(input: HTMLInputElement): void {
    const file = input.files?.[0];
    // The same file may be picked again after a refusal.
    input.value = '';
    if (!file) return;
    this.store.dispatch(
      TicketDetailPageActions.attachmentSubmitted({
        draftId: this.drafts.put(file),
        name: file.name,
        visibility: this.internalFile() ? 'internal' : 'public',
      }),
    );
  }

  protected download(a: { id: string; name: string }): void {
    this.store.dispatch(
      ExportsActions.requested({
        request: { id: crypto.randomUUID(), kind: 'attachment', attachmentId: a.id, name: a.name },
      }),
    );
  }

  protected refresh(): void {
    this.store.dispatch(TicketDetailPageActions.refreshRequested());
  }
}
