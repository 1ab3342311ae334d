import {
  ChangeDetectionStrategy,
  Component,
  type OnDestroy,
  computed,
  inject,
  input,
  effect,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import {
  IonBadge,
  IonContent,
  IonHeader,
  IonInfiniteScroll,
  IonInfiniteScrollContent,
  IonItem,
  IonLabel,
  IonList,
  IonSearchbar,
  IonSegment,
  IonSegmentButton,
  IonTitle,
  IonToolbar,
  type InfiniteScrollCustomEvent,
} from '@ionic/angular/standalone';
import { Store } from '@ngrx/store';
import { TranslatePipe } from '@ngx-translate/core';

import {
  CIRCUIT_PAGE_SIZE,
  CircuitListPageActions,
  type CircuitQuery,
  circuitListFeature,
  emptyCircuitQuery,
} from '@circuitcare/client';

import { BpsPipe } from '../../ui/format.pipes';

type StateFilter = 'all' | 'down' | 'degraded' | 'up';

/** My circuits, worst first, filtered by state and searched by name (pages read as scrolled). */
@Component({
  selector: 'ccm-circuit-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    IonHeader,
    IonToolbar,
    IonTitle,
    IonContent,
    IonSearchbar,
    IonSegment,
    IonSegmentButton,
    IonList,
    IonItem,
    IonLabel,
    IonBadge,
    IonInfiniteScroll,
    IonInfiniteScrollContent,
    TranslatePipe,
    BpsPipe,
  ],
  template: `
    <ion-header>
      <ion-toolbar color="primary"
        ><ion-title>{{ 'circuits.title' | translate }}</ion-title></ion-toolbar
      >
      <ion-toolbar>
        <ion-searchbar
          [value]="q()"
          [debounce]="400"
          [placeholder]="'circuits.search' | translate"
          (ionInput)="search($event.detail.value ?? '')"
        />
      </ion-toolbar>
      <ion-toolbar>
        <ion-segment [value]="filter()" (ionChange)="setFilter($event.detail.value)">
          @for (f of filters; track f) {
            <ion-segment-button [value]="f" [attr.data-testid]="'filter-' + f">
              <ion-label>{{
                (f === 'all' ? 'circuits.all' : 'enum.state.' + f) | translate
              }}</ion-label>
            </ion-segment-button>
          }
        </ion-segment>
      </ion-toolbar>
    </ion-header>
    <ion-content>
      <main>
        <h1 class="cc-visually-hidden">{{ 'circuits.title' | translate }}</h1>
        <p class="ion-padding-horizontal cc-muted" role="status">
          {{ 'circuits.count' | translate: { n: total() ?? '…' } }}
        </p>
        <ion-list lines="full">
          @for (c of loadedRows(); track c.id) {
            <ion-item
              button
              detail
              [routerLink]="['/circuits', c.id]"
              [attr.data-testid]="'circuit-' + c.id"
            >
              <ion-label>
                <h2>{{ c.name }}</h2>
                <p>
                  {{ 'enum.product.' + c.product | translate }} · {{ c.bandwidthBps | ccBps }} ·
                  {{ c.aEnd.siteName }}
                </p>
              </ion-label>
              <ion-badge slot="end" [class]="'cc-state-' + c.state">{{
                'enum.state.' + c.state | translate
              }}</ion-badge>
            </ion-item>
          }
        </ion-list>
        <ion-infinite-scroll (ionInfinite)="more($event)" [disabled]="allShown()">
          <ion-infinite-scroll-content />
        </ion-infinite-scroll>
      </main>
    </ion-content>
  `,
})
export class CircuitListPage implements OnDestroy {
  private readonly store = inject(Store);
  private readonly router = inject(Router);
  /** Query parameters (component input binding): `?state=down&q=…`. */
  readonly state = input<string | undefined>();
  readonly q = input<string | undefined>();

  protected readonly filters: StateFilter[] = ['all', 'down', 'degraded', 'up'];
  protected readonly filter = computed<StateFilter>(() => {
    const s = this.state();
    return s === 'down' || s === 'degraded' || s === 'up' ? s : 'all';
  });
  private readonly rows = this.store.selectSignal(circuitListFeature.selectRows);
  protected readonly total = this.store.selectSignal(circuitListFeature.selectTotal);
  protected readonly loadedRows = computed(() => this.rows().filter((r) => r !== null));
  protected readonly allShown = computed(() => {
    const total = this.total();
    return total !== null && this.loadedRows().length >= total;
  });

  constructor() {
    effect(() => {
      const f = this.filter();
      const query: CircuitQuery = {
        ...emptyCircuitQuery,
        q: this.q() ?? '',
        state: f === 'all' ? null : f,
      };
      this.store.dispatch(CircuitListPageActions.queryChanged({ query }));
    });
  }

  ngOnDestroy(): void {
    this.store.dispatch(CircuitListPageActions.closed());
  }

  protected setFilter(value: unknown): void {
    const state = value === 'all' ? null : value;
    void this.router.navigate([], { queryParams: { state }, queryParamsHandling: 'merge' });
  }

  protected search(q: string): void {
    void this.router.navigate([], { queryParams: { q: q || null }, queryParamsHandling: 'merge' });
  }

  protected more(event: InfiniteScrollCustomEvent): void {
    const start = this.loadedRows().length;
    this.store.dispatch(
      CircuitListPageActions.rangeViewed({ start, end: start + CIRCUIT_PAGE_SIZE - 1 }),
    );
    void event.target.complete();
  }
}
