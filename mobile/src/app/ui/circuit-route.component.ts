import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import {
  IonBadge,
  IonCard,
  IonCardContent,
  IonCardHeader,
  IonCardSubtitle,
  IonCardTitle,
} from '@ionic/angular/standalone';
import { TranslatePipe } from '@ngx-translate/core';

import type { CircuitTopologyDto, LocatedFaultDto } from '@circuitcare/client';

/**
 * Where the fault of a circuit most probably is: the suspect, its segment and the
 * confidence. The circuit page and the job sheet show it alike.
 */
@Component({
  selector: 'ccm-located-fault',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [IonCard, IonCardHeader, IonCardSubtitle, IonCardTitle, IonCardContent, TranslatePipe],
  template: `
    <ion-card class="fault" data-testid="located-fault">
      <ion-card-header>
        <ion-card-subtitle>{{ 'circuit.located' | translate }}</ion-card-subtitle>
        <ion-card-title>{{ fault().suspect.name }}</ion-card-title>
      </ion-card-header>
      <ion-card-content>
        <p>
          {{ 'enum.segment.' + fault().segment | translate }} ·
          {{ 'enum.suspectKind.' + fault().suspect.kind | translate }} ·
          {{ 'circuit.confidence' | translate: { p: percent(fault().confidence) } }}
        </p>
      </ion-card-content>
    </ion-card>
  `,
  styles: `
    .fault {
      border-left: 4px solid var(--cc-down);
    }
  `,
})
export class LocatedFaultComponent {
  readonly fault = input.required<LocatedFaultDto>();

  protected percent(confidence: number): string {
    return `${Math.round(confidence * 100)}%`;
  }
}

/** A circuit's route as an ordered hop list: each element's role, site and live state. */
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
    }
  `,
})
export class RouteHopsComponent {
  readonly hops = input.required<CircuitTopologyDto['hops']>();
}
