import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { Store } from '@ngrx/store';
import { TranslatePipe } from '@ngx-translate/core';
import { filter, map } from 'rxjs';

import { SessionActions, authFeature, liveEventsFeature } from '@circuitcare/client';

import { type Language, Preferences } from '../core/preferences.service';
import { IconComponent } from '../ui/icon.component';
import { navItemsFor } from './nav-items';
import { OperationsTrayComponent } from './operations-tray.component';

/** The signed-in frame: top bar, side navigation (a drawer below desktop width), the page. */
@Component({
  selector: 'cc-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatToolbarModule,
    MatSidenavModule,
    MatButtonModule,
    MatMenuModule,
    MatTooltipModule,
    TranslatePipe,
    IconComponent,
    OperationsTrayComponent,
  ],
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.scss',
})
export class ShellComponent {
  private readonly store = inject(Store);
  private readonly router = inject(Router);
  protected readonly prefs = inject(Preferences);

  protected readonly user = this.store.selectSignal(authFeature.selectUser);
  protected readonly live = this.store.selectSignal(liveEventsFeature.selectStatus);
  protected readonly items = computed(() => navItemsFor(this.user()?.role ?? null));

  /** Below 1100 px (tablets) the navigation is a drawer over the page. */
  protected readonly compact = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 1099.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly drawerOpen = signal(false);

  constructor() {
    this.router.events
      .pipe(filter((e) => e instanceof NavigationEnd))
      .subscribe(() => this.drawerOpen.set(false));
  }

  protected toggleLanguage(): void {
    const next: Language = this.prefs.language() === 'zh-CN' ? 'en' : 'zh-CN';
    void this.prefs.setLanguage(next);
  }

  protected toggleTheme(): void {
    this.prefs.setTheme(this.prefs.dark() ? 'light' : 'dark');
  }

  protected logout(): void {
    this.store.dispatch(SessionActions.logoutRequested());
  }
}
