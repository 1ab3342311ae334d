import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import {
  IonCard,
  IonCardContent,
  IonCardHeader,
  IonCardSubtitle,
  IonCardTitle,
} from '@ionic/angular/standalone';
import { TranslatePipe } from '@ngx-translate/core';

import type { LocatedFaultDto } from '@circuitcare/client';

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
