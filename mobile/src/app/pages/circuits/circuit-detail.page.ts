import {
  ChangeDetectionStrategy,
  Component,
  type OnDestroy,
  computed,
  effect,
  inject,
  input,
} from '@angular/core';
import { RouterLink } from '@angular/router';
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
  IonRefresher,
  IonRefresherContent,
  IonTitle,
  IonToolbar,
  type RefresherCustomEvent,
} from '@ionic/angular/standalone';
import { Store } from '@ngrx/store';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { addIcons } from 'ionicons';
import { megaphone } from 'ionicons/icons';

import { CircuitDetailPageActions, circuitDetailFeature } from '@circuitcare/client';

import { DataAgeComponent } from '../../ui/data-age.component';
import { AgePipe, BpsPipe } from '../../ui/format.pipes';
import { LocatedFaultComponent } from '../../ui/located-fault.component';
import { RouteHopsComponent } from '../../ui/route-hops.component';
import { SparklineComponent } from '../../ui/sparkline.component';

/** One circuit: state, located fault, the route as a hop list, the last 24 h in small charts. */
@Component({
  selector: 'ccm-circuit-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
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
    IonCardTitle,
    IonCardSubtitle,
    IonCardContent,
    IonList,
    IonItem,
    IonLabel,
    IonBadge,
    IonButton,
    IonIcon,
    TranslatePipe,
    AgePipe,
    BpsPipe,
    DataAgeComponent,
    SparklineComponent,
    LocatedFaultComponent,
    RouteHopsComponent,
  ],
  templateUrl: './circuit-detail.page.html',
  styleUrl: './circuit-detail.page.scss',
})
export class CircuitDetailPage implements OnDestroy {
  private readonly store = inject(Store);
  private readonly translate = inject(TranslateService);
  readonly id = input.required<string>();

  protected readonly detail = this.store.selectSignal(circuitDetailFeature.selectDetail);
  protected readonly topology = this.store.selectSignal(circuitDetailFeature.selectTopology);
  protected readonly performance = this.store.selectSignal(circuitDetailFeature.selectPerformance);
  protected readonly summary = this.store.selectSignal(
    circuitDetailFeature.selectPerformanceSummary,
  );
  protected readonly fault = this.store.selectSignal(circuitDetailFeature.selectFault);
  protected readonly status = this.store.selectSignal(circuitDetailFeature.selectLiveStatus);
  protected readonly alarms = this.store.selectSignal(circuitDetailFeature.selectAlarms);

  protected readonly inSeries = computed(() =>
    (this.performance().data?.points ?? []).map((p) => p.inUtil * 100),
  );
  protected readonly outSeries = computed(() =>
    (this.performance().data?.points ?? []).map((p) => p.outUtil * 100),
  );
  protected readonly errorSeries = computed(() =>
    (this.performance().data?.points ?? []).map((p) => p.errorsPerSec + p.discardsPerSec),
  );
  protected readonly chartLabel = computed(() => {
    const s = this.summary();
    return this.translate.instant('circuit.utilChart', {
      p95:
        s?.peakUtilP95 !== null && s?.peakUtilP95 !== undefined
          ? Math.round(s.peakUtilP95 * 100)
          : '—',
    }) as string;
  });

  constructor() {
    addIcons({ megaphone });
    effect(() => this.store.dispatch(CircuitDetailPageActions.opened({ circuitId: this.id() })));
  }

  ngOnDestroy(): void {
    this.store.dispatch(CircuitDetailPageActions.closed());
  }

  protected refresh(event: RefresherCustomEvent): void {
    this.store.dispatch(CircuitDetailPageActions.refreshRequested());
    void event.target.complete();
  }

  protected percent(value: number | null | undefined): string {
    return value === null || value === undefined ? '—' : `${Math.round(value * 100)}%`;
  }
}
