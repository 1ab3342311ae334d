import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import {
  IonBackButton,
  IonButton,
  IonButtons,
  IonCard,
  IonCardContent,
  IonChip,
  IonContent,
  IonHeader,
  IonItem,
  IonLabel,
  IonList,
  IonProgressBar,
  IonText,
  IonTextarea,
  IonTitle,
  IonToolbar,
} from '@ionic/angular/standalone';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';

import { type PreCheckDto, failureOf } from '@circuitcare/client';

import { PhotoPickerComponent } from '../../ui/photo-picker.component';
import { FaultReportService, type Impact } from './fault-report.service';

/**
 * Report a fault in three taps: "report" on the circuit, "photo", "send". The impact is
 * preselected from the circuit's live state and the description written from it; both
 * can be changed. The operator's own knowledge (pre-check) is shown first.
 */
@Component({
  selector: 'ccm-report-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    IonHeader,
    IonToolbar,
    IonButtons,
    IonBackButton,
    IonTitle,
    IonContent,
    IonProgressBar,
    IonCard,
    IonCardContent,
    IonChip,
    IonList,
    IonItem,
    IonLabel,
    IonTextarea,
    IonButton,
    IonText,
    TranslatePipe,
    PhotoPickerComponent,
  ],
  templateUrl: './report.page.html',
})
export class ReportPage {
  private readonly reports = inject(FaultReportService);
  private readonly router = inject(Router);
  private readonly translate = inject(TranslateService);
  readonly circuitId = input<string | undefined>();

  protected readonly impacts: Impact[] = ['down', 'degraded', 'intermittent'];
  protected readonly check = signal<PreCheckDto | null>(null);
  protected readonly impact = signal<Impact>('down');
  protected readonly description = signal('');
  private readonly edited = signal(false);
  protected readonly photo = signal<File | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly circuit = computed(() => this.check()?.circuits[0] ?? null);

  constructor() {
    effect(() => {
      const id = this.circuitId();
      if (id) void this.load(id);
    });
    // The description follows the impact until the user writes their own.
    effect(() => {
      const impact = this.impact();
      const name = this.circuit()?.name ?? '';
      if (!this.edited()) {
        this.description.set(
          this.translate.instant(`report.text.${impact}`, { circuit: name }) as string,
        );
      }
    });
  }

  private async load(id: string): Promise<void> {
    try {
      const check = await this.reports.preCheck(id);
      this.check.set(check);
      const state = check.circuits[0]?.state;
      this.impact.set(state === 'degraded' ? 'degraded' : 'down');
    } catch (e) {
      this.error.set(failureOf(e).title);
    }
  }

  protected describe(value: string | null | undefined): void {
    this.edited.set(true);
    this.description.set(value ?? '');
  }

  protected async send(): Promise<void> {
    const id = this.circuitId();
    if (!id || this.busy() || !this.description().trim()) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      const { ticket } = await this.reports.file(
        id,
        this.impact(),
        this.description().trim(),
        this.photo(),
      );
      await this.router.navigate(['/tickets', ticket.id], { replaceUrl: true });
    } catch (e) {
      const f = failureOf(e);
      this.error.set(
        f.status === 0 ? (this.translate.instant('report.offline') as string) : f.detail || f.title,
      );
    } finally {
      this.busy.set(false);
    }
  }

  protected async join(ticketId: string): Promise<void> {
    this.busy.set(true);
    try {
      await this.reports.join(ticketId);
      await this.router.navigate(['/tickets', ticketId], { replaceUrl: true });
    } catch (e) {
      this.error.set(failureOf(e).title);
    } finally {
      this.busy.set(false);
    }
  }
}
