import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';

@Component({
  selector: 'cc-not-found-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, TranslatePipe],
  template: `
    <div class="cc-page">
      <div class="cc-card cc-empty">
        <h1>{{ 'notFound.title' | translate }}</h1>
        <p>{{ 'notFound.text' | translate }}</p>
        <a mat-flat-button routerLink="/">{{ 'notFound.home' | translate }}</a>
      </div>
    </div>
  `,
})
export class NotFoundPage {}
