import { ScrollingModule } from '@angular/cdk/scrolling';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';
import { TranslatePipe } from '@ngx-translate/core';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';

import {
  CircuitListPageActions,
  type CircuitQuery,
  authFeature,
  circuitListFeature,
  queryFromParams,
  queryToParams,
} from '@circuitcare/client';

import { FORMAT_PIPES } from '../../ui/format.pipes';
import { IconComponent } from '../../ui/icon.component';
import { StatusBadgeComponent } from '../../ui/status-badge.component';

/** Row height in px: fixed, so the virtual scroll knows where every row is without measuring. */
export const ROW_HEIGHT = 52;

interface Column {
  key: string;
  label: string;
  /** The API sort key, when the column sorts. */
  sort?: string;
  width: string;
  numeric?: boolean;
}

/**
 * Every circuit in scope, searchable, filterable and sortable on the server, in a
 * virtual table: only the rows on screen exist in the DOM and only the pages scrolled to
 * are read, so thousands of circuits stay fluid. The query lives in the URL.
 */
@Component({
  selector: 'cc-circuit-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ScrollingModule,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatProgressBarModule,
    TranslatePipe,
    IconComponent,
    StatusBadgeComponent,
    ...FORMAT_PIPES,
  ],
  templateUrl: './circuit-list.page.html',
  styleUrl: './circuit-list.page.scss',
})
export class CircuitListPage {
  private readonly store = inject(Store);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly rowHeight = ROW_HEIGHT;
  protected readonly state = this.store.selectSignal(circuitListFeature.selectCircuitListState);
  protected readonly rows = this.store.selectSignal(circuitListFeature.selectRows);
  protected readonly loading = this.store.selectSignal(circuitListFeature.selectIsLoading);
  protected readonly caps = this.store.selectSignal(authFeature.selectCapabilities);
  protected readonly query = computed(() => this.state().query);
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly filtersOpen = signal(false);

  protected readonly columns = computed<Column[]>(() => [
    { key: 'name', label: 'circuits.name', sort: 'name', width: 'minmax(220px, 2.2fr)' },
    { key: 'state', label: 'circuits.state', sort: 'state', width: '108px' },
    { key: 'product', label: 'circuits.product', sort: 'product', width: 'minmax(110px, 1fr)' },
    {
      key: 'bandwidth',
      label: 'circuits.bandwidth',
      sort: 'bandwidthBps',
      width: '112px',
      numeric: true,
    },
    { key: 'sla', label: 'circuits.slaClass', sort: 'slaClass', width: '92px' },
    { key: 'ends', label: 'circuits.ends', width: 'minmax(200px, 2fr)' },
    { key: 'alarms', label: 'circuits.alarms', width: '72px', numeric: true },
    { key: 'since', label: 'circuits.stateSince', sort: 'stateSince', width: '128px' },
    ...(this.caps().singleCustomer
      ? []
      : [{ key: 'customer', label: 'circuits.customer', sort: 'customerId', width: '100px' }]),
  ]);
  protected readonly gridTemplate = computed(() =>
    this.columns()
      .map((c) => c.width)
      .join(' '),
  );

  constructor() {
    // The URL is the query: opening, reloading, back and forward all land here.
    this.route.queryParams
      .pipe(
        map((p) => queryFromParams(p as Record<string, string>)),
        distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
        takeUntilDestroyed(),
      )
      .subscribe((query) => {
        if (this.search.value !== query.q) this.search.setValue(query.q, { emitEvent: false });
        this.store.dispatch(CircuitListPageActions.queryChanged({ query }));
      });
    this.search.valueChanges
      .pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed())
      .subscribe((q) => this.update({ q }));
    inject(DestroyRef).onDestroy(() => this.store.dispatch(CircuitListPageActions.closed()));
  }

  protected update(change: Partial<CircuitQuery>): void {
    const next = { ...this.query(), ...change };
    void this.router.navigate([], { queryParams: queryToParams(next), replaceUrl: true });
  }

  protected sortBy(column: Column): void {
    if (!column.sort) return;
    const current = this.query().sort;
    const next = current === column.sort ? `-${column.sort}` : column.sort;
    this.update({ sort: next });
  }

  protected sortState(column: Column): 'ascending' | 'descending' | 'none' {
    const current = this.query().sort;
    if (!column.sort) return 'none';
    if (current === column.sort || current.startsWith(`${column.sort},`)) return 'ascending';
    if (current === `-${column.sort}`) return 'descending';
    return 'none';
  }

  protected viewed(first: number, viewportHeight: number): void {
    const count = Math.ceil(viewportHeight / ROW_HEIGHT) + 1;
    this.store.dispatch(CircuitListPageActions.rangeViewed({ start: first, end: first + count }));
  }

  protected clearFilters(): void {
    void this.router.navigate([], { queryParams: {}, replaceUrl: true });
  }

  protected hasFilters(): boolean {
    const q = this.query();
    return Boolean(
      q.q || q.state || q.product || q.hasAlarm !== null || q.orgUnitId || q.siteId || q.customerId,
    );
  }

  protected trackRow(index: number): number {
    return index;
  }
}
