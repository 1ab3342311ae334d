import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import {
  IonBadge,
  IonIcon,
  IonLabel,
  IonTabBar,
  IonTabButton,
  IonTabs,
} from '@ionic/angular/standalone';
import { Store } from '@ngrx/store';
import { TranslatePipe } from '@ngx-translate/core';
import { addIcons } from 'ionicons';
import { construct, documentText, gitNetwork, home, notifications, person } from 'ionicons/icons';

import { type Role, authFeature } from '@circuitcare/client';

import { Inbox } from '../../core/inbox/inbox.service';
import { Outbox } from '../../core/outbox/outbox.service';

export interface TabItem {
  tab: string;
  label: string;
  icon: string;
}

/** The tabs a role has: customers watch and report, field engineers work their jobs. */
export function tabsFor(role: Role | null): TabItem[] {
  const inbox = { tab: 'inbox', label: 'tabs.inbox', icon: 'notifications' };
  const me = { tab: 'me', label: 'tabs.me', icon: 'person' };
  if (role === 'field-engineer') {
    return [{ tab: 'jobs', label: 'tabs.jobs', icon: 'construct' }, inbox, me];
  }
  return [
    { tab: 'home', label: 'tabs.home', icon: 'home' },
    { tab: 'circuits', label: 'tabs.circuits', icon: 'git-network' },
    { tab: 'tickets', label: 'tabs.tickets', icon: 'document-text' },
    inbox,
    me,
  ];
}

/** The signed-in frame: the role's tabs at the bottom, each with its own page stack. */
@Component({
  selector: 'ccm-tabs-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [IonTabs, IonTabBar, IonTabButton, IonIcon, IonLabel, IonBadge, TranslatePipe],
  template: `
    <ion-tabs>
      <ion-tab-bar slot="bottom" [attr.aria-label]="'tabs.label' | translate">
        @for (item of tabs(); track item.tab) {
          <ion-tab-button [tab]="item.tab" [attr.data-testid]="'tab-' + item.tab">
            <ion-icon [name]="item.icon" aria-hidden="true" />
            <ion-label>{{ item.label | translate }}</ion-label>
            @if (item.tab === 'inbox' && unread() > 0) {
              <ion-badge color="danger" data-testid="inbox-badge">{{ unread() }}</ion-badge>
            }
          </ion-tab-button>
        }
      </ion-tab-bar>
    </ion-tabs>
  `,
})
export class TabsPage {
  private readonly store = inject(Store);
  private readonly role = this.store.selectSignal(authFeature.selectRole);
  protected readonly tabs = computed(() => tabsFor(this.role()));
  protected readonly unread = inject(Inbox).unread;

  constructor() {
    // Both run for the whole session: the queue replays when the connection returns.
    inject(Outbox);
    addIcons({ home, gitNetwork, documentText, notifications, person, construct });
  }
}
