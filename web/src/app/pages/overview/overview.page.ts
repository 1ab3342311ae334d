import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';

import { type OrgTreeNode, OverviewPageActions, overviewFeature } from '@circuitcare/client';

import { Preferences } from '../../core/preferences.service';
import { type MapSite, SiteMapChartComponent } from '../../ui/charts/site-map-chart.component';
import { FORMAT_PIPES } from '../../ui/format.pipes';
import { IconComponent } from '../../ui/icon.component';
import { StatusBadgeComponent } from '../../ui/status-badge.component';

/**
 * The customer's network at a glance: counts worst first, located faults, the worst
 * circuits, this month's availability against SLA, the org hierarchy and the sites map.
 * Live: the overview effects read it again on every burst of changes.
 */
@Component({
  selector: 'cc-overview-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    MatTooltipModule,
    TranslatePipe,
    IconComponent,
    StatusBadgeComponent,
    SiteMapChartComponent,
    ...FORMAT_PIPES,
  ],
  templateUrl: './overview.page.html',
  styleUrl: './overview.page.scss',
})
export class OverviewPage {
  /** From the route `customers/:customerId/overview`; absent on `/overview`. */
  readonly customerId = input<string>();

  private readonly store = inject(Store);
  private readonly router = inject(Router);
  private readonly translate = inject(TranslateService);
  private readonly prefs = inject(Preferences);

  protected readonly state = this.store.selectSignal(overviewFeature.selectOverviewState);
  protected readonly counts = this.store.selectSignal(overviewFeature.selectCounts);
  protected readonly customerName = this.store.selectSignal(overviewFeature.selectCustomerName);
  protected readonly worst = this.store.selectSignal(overviewFeature.selectWorstCircuits);
  protected readonly faults = this.store.selectSignal(overviewFeature.selectActiveFaults);
  protected readonly tree = this.store.selectSignal(overviewFeature.selectOrgTree);
  private readonly siteNodes = this.store.selectSignal(overviewFeature.selectSites);

  protected readonly total = computed(() => {
    const c = this.counts();
    return c ? c.up + c.degraded + c.down + c.unknown : null;
  });
  protected readonly healthy = computed(() => {
    const c = this.counts();
    return c !== null && c.down === 0 && c.degraded === 0;
  });
  protected readonly mapSites = computed<MapSite[]>(() =>
    this.siteNodes()
      .filter((s) => s.inScope)
      .map((s) => ({
        id: s.id,
        name: this.prefs.language() === 'en' ? s.nameEn : s.name,
        lat: s.lat,
        lon: s.lon,
        status: s.status,
        circuits: s.circuitIds.length,
      })),
  );
  protected readonly statusNames = computed(() => {
    this.prefs.language();
    const t = (k: string) => this.translate.instant(`enum.state.${k}`) as string;
    return { up: t('up'), degraded: t('degraded'), down: t('down'), unknown: t('unknown') };
  });
  /** Expanded org units (the first two levels open). */
  protected readonly circuitsLink = computed(() => {
    const id = this.customerId();
    return id ? { customer: id } : {};
  });

  constructor() {
    effect(() => {
      const customerId = this.customerId() ?? null;
      untracked(() => this.store.dispatch(OverviewPageActions.opened({ customerId })));
    });
    inject(DestroyRef).onDestroy(() => this.store.dispatch(OverviewPageActions.closed()));
  }

  protected refresh(): void {
    this.store.dispatch(OverviewPageActions.refreshRequested());
  }

  protected openSite(siteId: string): void {
    void this.router.navigate(['/circuits'], {
      queryParams: { ...this.circuitsLink(), site: siteId },
    });
  }

  protected unitName(node: OrgTreeNode): string {
    return this.prefs.language() === 'en' ? node.unit.nameEn : node.unit.name;
  }

  protected flatTree(nodes: readonly OrgTreeNode[], maxDepth = 2): OrgTreeNode[] {
    const out: OrgTreeNode[] = [];
    const walk = (list: readonly OrgTreeNode[]) => {
      for (const n of list) {
        out.push(n);
        if (n.depth < maxDepth) walk(n.children);
      }
    };
    walk(nodes);
    return out;
  }
}
