import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { IonBadge } from '@ionic/angular/standalone';
import { TranslatePipe } from '@ngx-translate/core';

import type { CircuitTopologyDto } from '@circuitcare/client';

type RoutePort = NonNullable<CircuitTopologyDto['hops'][number]['inInterface']>;

/**
 * A circuit's route as an ordered hop list: each element's role, site and live state,
 * and under it the route's ports of it that are not up (the element answers, its port
 * to the next hop is down: what a field engineer goes to look at).
 */
@Component({
  selector: 'ccm-route-hops',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [IonBadge, TranslatePipe],
  template: `
    <ol class="hops" data-testid="hops">
      @for (hop of hops(); track hop.index) {
        <li [class]="'hop cc-border-' + hop.status" [attr.data-testid]="'hop-' + hop.deviceId">
          <span class="dot" [class]="'cc-state-' + hop.status" aria-hidden="true"></span>
          <div class="hop-text">
            <strong>{{ hop.name }}</strong>
            <span class="cc-muted"
              >{{ 'enum.hopRole.' + hop.role | translate }} · {{ hop.siteName }}</span
            >
            @for (port of portsNotUp(hop); track port.id) {
              <span [class]="'port cc-state-' + port.status" data-testid="port-state"
                >{{ port.ifName }} · {{ 'enum.state.' + port.status | translate }}</span
              >
            }
          </div>
          <ion-badge [class]="'cc-state-' + hop.status">{{
            'enum.state.' + hop.status | translate
          }}</ion-badge>
        </li>
      }
    </ol>
  `,
  styles: `
    .hops {
      list-style: none;
      margin: 0;
      padding: 0 1rem 1rem;
    }
    .hop {
      display: flex;
      align-items: center;
      gap: 0.75rem;
      padding: 0.5rem 0;
      border-left: 2px solid var(--cc-unknown-bg);
      margin-left: 6px;
      padding-left: 0.75rem;
      position: relative;
    }
    .dot {
      position: absolute;
      left: -8px;
      width: 14px;
      height: 14px;
      border-radius: 50%;
      border: 2px solid currentColor;
    }
    .hop-text {
      display: flex;
      flex-direction: column;
      flex: 1;
      min-width: 0;
      span {
        font-size: 0.8rem;
      }
      .port {
        align-self: flex-start;
        font-weight: 600;
        padding: 0 0.35rem;
        border-radius: 0.5rem;
      }
    }
  `,
})
export class RouteHopsComponent {
  readonly hops = input.required<CircuitTopologyDto['hops']>();

  protected portsNotUp(hop: CircuitTopologyDto['hops'][number]): RoutePort[] {
    return [hop.inInterface, hop.outInterface].filter(
      (p): p is RoutePort => p?.status === 'down' || p?.status === 'degraded',
    );
  }
}
