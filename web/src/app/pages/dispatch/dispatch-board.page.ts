import {
  type CdkDrag,
  type CdkDragDrop,
  type CdkDropList,
  DragDropModule,
} from '@angular/cdk/drag-drop';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';
import { TranslatePipe } from '@ngx-translate/core';

import {
  type BoardColumn,
  DispatchBoardPageActions,
  type TeamDto,
  type TicketSummaryDto,
  dispatchBoardFeature,
  summaryCountdown,
} from '@circuitcare/client';

import { Preferences } from '../../core/preferences.service';
import { FORMAT_PIPES } from '../../ui/format.pipes';
import { IconComponent } from '../../ui/icon.component';
import { nowSignal } from '../../ui/now.signal';
import { SlaClockComponent } from '../../ui/sla-clock.component';

const STARTABLE: readonly TicketSummaryDto['status'][] = ['acknowledged', 'reopened', 'pending'];
const RESOLVABLE: readonly TicketSummaryDto['status'][] = ['inProgress', 'reopened'];

/**
 * The NOC's board: every open ticket in a column per team (the undispatched first),
 * nearest restore deadline on top, SLA clocks counting down, escalations above. A card
 * dragged onto a team dispatches it there; the card's own form picks a team and an
 * engineer (the keyboard way), starts work or resolves with a reason.
 */
@Component({
  selector: 'cc-dispatch-board-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DragDropModule,
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslatePipe,
    IconComponent,
    SlaClockComponent,
    ...FORMAT_PIPES,
  ],
  templateUrl: './dispatch-board.page.html',
  styleUrl: './dispatch-board.page.scss',
})
export class DispatchBoardPage {
  private readonly store = inject(Store);
  private readonly prefs = inject(Preferences);
  protected readonly now = nowSignal();

  protected readonly state = this.store.selectSignal(dispatchBoardFeature.selectDispatchBoardState);
  protected readonly columns = this.store.selectSignal(dispatchBoardFeature.selectColumns);
  protected readonly escalated = this.store.selectSignal(dispatchBoardFeature.selectEscalated);

  /** The card whose form is open, and what it is doing. */
  protected readonly editing = signal<{ id: string; mode: 'dispatch' | 'resolve' } | null>(null);
  protected readonly team = signal('');
  protected readonly engineer = signal('');
  protected readonly reason = signal('');

  protected readonly totals = computed(() => {
    const q = this.state().queues.data?.queues ?? [];
    return {
      open: this.state().total,
      undispatched: q.reduce((n, x) => n + x.undispatched, 0),
      breached: q.reduce((n, x) => n + x.breached, 0),
      escalated: this.escalated().length,
    };
  });
  protected readonly teams = computed(() => this.state().teams.data ?? []);
  protected readonly engineers = computed(() => {
    const team = this.teams().find((t) => t.id === this.team());
    const names = this.state().engineerNames;
    return (team?.memberUserIds ?? []).map((id) => ({ id, name: names[id] ?? id }));
  });

  constructor() {
    this.store.dispatch(DispatchBoardPageActions.opened());
    inject(DestroyRef).onDestroy(() => this.store.dispatch(DispatchBoardPageActions.closed()));
  }

  protected teamName(team: TeamDto | null): string {
    if (!team) return '';
    return this.prefs.language() === 'en' ? team.nameEn : team.name;
  }

  protected countdown(t: TicketSummaryDto) {
    return summaryCountdown(t, this.now());
  }

  protected canStart(t: TicketSummaryDto): boolean {
    return STARTABLE.includes(t.status);
  }

  protected canResolve(t: TicketSummaryDto): boolean {
    return RESOLVABLE.includes(t.status);
  }

  protected isPending(t: TicketSummaryDto): boolean {
    return t.id in this.state().pending;
  }

  /** Only a team's column takes a card (the undispatched one is where cards come from). */
  protected readonly acceptsDrop = (_drag: CdkDrag, drop: CdkDropList<string | null>) =>
    drop.data !== null;

  protected dropped(event: CdkDragDrop<string | null, string | null, TicketSummaryDto>): void {
    const teamId = event.container.data;
    const ticket = event.item.data;
    if (!teamId || teamId === ticket.teamId) return;
    this.store.dispatch(
      DispatchBoardPageActions.dispatchRequested({
        ticketId: ticket.id,
        teamId,
        engineerUserId: null,
      }),
    );
  }

  protected openForm(t: TicketSummaryDto, mode: 'dispatch' | 'resolve'): void {
    const same = this.editing();
    if (same?.id === t.id && same.mode === mode) {
      this.editing.set(null);
      return;
    }
    this.editing.set({ id: t.id, mode });
    this.team.set(t.teamId ?? this.teams()[0]?.id ?? '');
    this.engineer.set('');
    this.reason.set('');
  }

  protected confirmDispatch(t: TicketSummaryDto): void {
    const teamId = this.team();
    if (!teamId) return;
    this.store.dispatch(
      DispatchBoardPageActions.dispatchRequested({
        ticketId: t.id,
        teamId,
        engineerUserId: this.engineer() || null,
      }),
    );
    this.editing.set(null);
  }

  protected start(t: TicketSummaryDto): void {
    this.store.dispatch(
      DispatchBoardPageActions.transitionRequested({
        ticketId: t.id,
        status: 'inProgress',
        reason: '',
      }),
    );
  }

  protected confirmResolve(t: TicketSummaryDto): void {
    const reason = this.reason().trim();
    if (!reason) return;
    this.store.dispatch(
      DispatchBoardPageActions.transitionRequested({ ticketId: t.id, status: 'resolved', reason }),
    );
    this.editing.set(null);
  }

  protected refresh(): void {
    this.store.dispatch(DispatchBoardPageActions.refreshRequested());
  }

  protected trackColumn(_i: number, c: BoardColumn): string {
    return c.teamId ?? '';
  }
}
