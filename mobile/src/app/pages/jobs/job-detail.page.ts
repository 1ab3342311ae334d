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
  IonItem,
  IonLabel,
  IonList,
  IonListHeader,
  IonNote,
  IonSelect,
  IonSelectOption,
  IonText,
  IonTextarea,
  IonTitle,
  IonToolbar,
} from '@ionic/angular/standalone';
import { Store } from '@ngrx/store';
import { TranslatePipe } from '@ngx-translate/core';

import {
  CircuitDetailPageActions,
  TicketDetailPageActions,
  circuitDetailFeature,
  ticketDetailFeature,
} from '@circuitcare/client';

import { Connectivity } from '../../core/connectivity.service';
import { Outbox } from '../../core/outbox/outbox.service';
import type { FieldAction } from '../../core/outbox/queued-action.model';
import { sha256Hex } from '../../core/photo';
import { DataAgeComponent } from '../../ui/data-age.component';
import { AgePipe, DateTimePipe } from '../../ui/format.pipes';
import { LocatedFaultComponent } from '../../ui/located-fault.component';
import { PhotoPickerComponent } from '../../ui/photo-picker.component';
import { RouteHopsComponent } from '../../ui/route-hops.component';
import { SlaClockComponent } from '../../ui/sla-clock.component';
import { CAUSE_CODES, FIX_CODES } from './field-codes';

/**
 * The job sheet: the site, circuit and alarms the ticket names, the circuit's route hop by
 * hop with the located fault (the shared circuit-detail state, opened for the route only:
 * the API lets a field engineer read that of its dispatched circuits and nothing else),
 * the customer contact (as the API shows it to this role), and the engineer's actions —
 * each queued on the phone first and sent when online (Outbox), so the sheet works in a
 * basement without signal.
 */
@Component({
  selector: 'ccm-job-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    IonHeader,
    IonToolbar,
    IonButtons,
    IonBackButton,
    IonTitle,
    IonContent,
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
    IonNote,
    IonText,
    IonTextarea,
    IonSelect,
    IonSelectOption,
    TranslatePipe,
    AgePipe,
    DateTimePipe,
    DataAgeComponent,
    PhotoPickerComponent,
    SlaClockComponent,
    LocatedFaultComponent,
    RouteHopsComponent,
  ],
  templateUrl: './job-detail.page.html',
  styleUrl: './job-detail.page.scss',
})
export class JobDetailPage implements OnDestroy {
  private readonly store = inject(Store);
  protected readonly outbox = inject(Outbox);
  protected readonly connectivity = inject(Connectivity);
  readonly id = input.required<string>();

  protected readonly state = this.store.selectSignal(ticketDetailFeature.selectTicketDetailState);
  protected readonly ticket = computed(() => this.state().ticket.data);
  /** Site, circuit, alarm (the root cause first) that the ticket names. */
  protected readonly related = computed(() =>
    [...(this.ticket()?.relatedEntity ?? [])].sort(
      (a, b) => rank(a['@referredType']) - rank(b['@referredType']),
    ),
  );
  /** The circuit the job is about: the affected one the ticket names first. */
  protected readonly circuitId = computed(
    () => this.ticket()?.relatedEntity.find((e) => e['@referredType'] === 'Circuit')?.id ?? null,
  );
  private readonly circuit = this.store.selectSignal(circuitDetailFeature.selectCircuitDetailState);
  /** The route of this job's circuit (not of one another page opened). */
  protected readonly route = computed(() => {
    const c = this.circuit();
    return c.circuitId === this.circuitId() ? c.topology : null;
  });
  protected readonly contacts = computed(() =>
    (this.ticket()?.relatedParty ?? []).filter(
      (p) => p.role === 'contact' || p.role === 'reporter',
    ),
  );
  protected readonly queued = computed(() =>
    this.outbox.items().filter((i) => i.ticketId === this.id()),
  );
  private readonly queuedKinds = computed(() => new Set(this.queued().map((i) => i.action.kind)));
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
  protected readonly canAccept = computed(() => {
    const s = this.ticket()?.status;
    return (s === 'acknowledged' || s === 'reopened') && !this.queuedKinds().has('accept');
  });
  /** Accepted: no longer waiting for the engineer to take it. */
  protected readonly accepted = computed(() => {
    const s = this.ticket()?.status;
    return s !== undefined && s !== 'acknowledged' && s !== 'reopened';
  });
  protected readonly canArrive = computed(
    () => this.ticket()?.fieldReport.arrivedAt === null && !this.queuedKinds().has('arrival'),
  );
  protected readonly open = computed(() => {
    const s = this.ticket()?.status;
    return (
      s !== undefined &&
      !['resolved', 'closed', 'cancelled', 'rejected'].includes(s) &&
      !this.queuedKinds().has('resolve')
    );
  });

  protected readonly causeCodes = CAUSE_CODES;
  protected readonly fixCodes = FIX_CODES;
  protected readonly note = signal('');
  protected readonly cause = signal<string | null>(null);
  protected readonly fix = signal<string | null>(null);
  protected readonly photo = signal<File | null>(null);
  protected readonly resolution = signal('');
  protected readonly photoKey = signal(0);

  constructor() {
    effect(() => this.store.dispatch(TicketDetailPageActions.opened({ ticketId: this.id() })));
    effect(() => {
      const circuitId = this.circuitId();
      if (circuitId) {
        this.store.dispatch(CircuitDetailPageActions.opened({ circuitId, parts: ['topology'] }));
      }
    });
  }

  ngOnDestroy(): void {
    this.store.dispatch(TicketDetailPageActions.closed());
    if (this.circuitId()) this.store.dispatch(CircuitDetailPageActions.closed());
  }

  protected queue(action: FieldAction): void {
    void this.outbox.enqueue(this.id(), action);
  }

  protected sendNote(): void {
    const text = this.note().trim();
    if (!text) return;
    this.queue({ kind: 'progress', text });
    this.note.set('');
  }

  protected sendCause(): void {
    const causeCode = this.cause();
    const fixCode = this.fix();
    if (!causeCode || !fixCode) return;
    this.queue({ kind: 'cause', causeCode, fixCode, text: null });
  }

  protected async sendPhoto(): Promise<void> {
    const file = this.photo();
    if (!file) return;
    const bytes = await file.arrayBuffer();
    const sha256 = await sha256Hex(file);
    this.queue({ kind: 'photo', name: file.name, type: file.type || 'image/jpeg', bytes, sha256 });
    this.photo.set(null);
    // A new picker: the sent photo leaves the sheet.
    this.photoKey.update((k) => k + 1);
  }

  protected resolve(): void {
    const reason = this.resolution().trim();
    if (!reason) return;
    this.queue({ kind: 'resolve', reason });
    this.resolution.set('');
  }

  protected describe(kind: FieldAction['kind']): string {
    return `jobs.action.${kind}`;
  }
}

const ORDER = ['Site', 'Circuit', 'Alarm', 'TroubleTicket'];
function rank(type: string): number {
  const i = ORDER.indexOf(type);
  return i < 0 ? ORDER.length : i;
}
