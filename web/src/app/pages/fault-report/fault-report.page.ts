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
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';
import { TranslatePipe } from '@ngx-translate/core';

import {
  type FaultReportForm,
  FaultReportPageActions,
  PendingAttachments,
  faultReportFeature,
} from '@circuitcare/client';

import { FORMAT_PIPES } from '../../ui/format.pipes';
import { IconComponent } from '../../ui/icon.component';
import { StatusBadgeComponent } from '../../ui/status-badge.component';

/** What the API takes (ATTACHMENT_MAX_BYTES defaults to 10 MB); checked here to say so early. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_PHOTOS = 5;
export const MIN_DESCRIPTION = 6;
const PHOTO_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'];

/**
 * Self-service fault report: pick the circuit, see what the operator already knows
 * (state, active alarms, the located fault, open tickets — join one rather than file a
 * duplicate), describe the impact, attach photos, file. Then the ticket page takes over.
 */
@Component({
  selector: 'cc-fault-report-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslatePipe,
    IconComponent,
    StatusBadgeComponent,
    ...FORMAT_PIPES,
  ],
  templateUrl: './fault-report.page.html',
  styleUrl: './fault-report.page.scss',
})
export class FaultReportPage {
  /** Query parameter `circuit`: the report starts from a circuit page. */
  readonly circuit = input<string>();

  private readonly store = inject(Store);
  private readonly router = inject(Router);
  private readonly pending = inject(PendingAttachments);

  protected readonly state = this.store.selectSignal(faultReportFeature.selectFaultReportState);
  protected readonly known = this.store.selectSignal(faultReportFeature.selectKnownCircuit);
  protected readonly openTickets = this.store.selectSignal(faultReportFeature.selectOpenTickets);

  protected readonly query = signal('');
  protected readonly impact = signal<FaultReportForm['impact'] | null>(null);
  protected readonly description = signal('');
  protected readonly contactName = signal('');
  protected readonly contactPhone = signal('');
  protected readonly photos = signal<File[]>([]);
  protected readonly photoError = signal<string | null>(null);
  protected readonly tried = signal(false);

  protected readonly problems = computed(() => {
    const out: string[] = [];
    if (!this.impact()) out.push('report.impactRequired');
    if (this.description().trim().length < MIN_DESCRIPTION) out.push('report.descriptionTooShort');
    return out;
  });
  protected readonly minDescription = MIN_DESCRIPTION;
  protected readonly uploaded = computed(
    () => this.state().attachments.filter((a) => a.state !== 'pending').length,
  );

  constructor() {
    effect(() => {
      const circuitId = this.circuit() ?? null;
      untracked(() => {
        this.pending.clear();
        this.store.dispatch(FaultReportPageActions.opened({ circuitId }));
      });
    });
    // Filed (or joined) and the photos handled: on to the ticket.
    effect(() => {
      const s = this.state();
      if (s.completed && s.ticketId) {
        untracked(() => void this.router.navigate(['/tickets', s.ticketId]));
      }
    });
    inject(DestroyRef).onDestroy(() => {
      this.pending.clear();
      this.store.dispatch(FaultReportPageActions.closed());
    });
  }

  protected searched(q: string): void {
    this.query.set(q);
    this.store.dispatch(FaultReportPageActions.circuitSearched({ q }));
  }

  protected pick(circuitId: string): void {
    this.store.dispatch(FaultReportPageActions.circuitPicked({ circuitId }));
  }

  protected change(): void {
    this.store.dispatch(FaultReportPageActions.circuitCleared());
  }

  protected join(ticketId: string): void {
    this.store.dispatch(FaultReportPageActions.joinRequested({ ticketId }));
  }

  protected filesChosen(event: Event): void {
    const input = event.target as HTMLInputElement;
    const chosen = Array.from(input.files ?? []);
    input.value = '';
    this.photoError.set(null);
    const next = [...this.photos()];
    for (const file of chosen) {
      if (!PHOTO_TYPES.includes(file.type)) {
        this.photoError.set('report.photoType');
      } else if (file.size > MAX_PHOTO_BYTES) {
        this.photoError.set('report.photoTooLarge');
      } else if (next.length >= MAX_PHOTOS) {
        this.photoError.set('report.photoTooMany');
      } else if (!next.some((f) => f.name === file.name && f.size === file.size)) {
        next.push(file);
      }
    }
    this.photos.set(next);
  }

  protected removePhoto(file: File): void {
    this.photos.set(this.photos().filter((f) => f !== file));
  }

  protected submit(): void {
    this.tried.set(true);
    const impact = this.impact();
    if (this.problems().length || !impact || this.state().submitting) return;
    const photos = this.photos();
    this.pending.set(photos.map((f) => ({ name: f.name, blob: f })));
    this.store.dispatch(
      FaultReportPageActions.submitted({
        form: {
          description: this.description(),
          impact,
          contactName: this.contactName(),
          contactPhone: this.contactPhone(),
        },
        attachments: photos.map((f) => f.name),
      }),
    );
  }
}
