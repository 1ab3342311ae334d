import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';

type Time = 'start' | 'end';

/**
 * The fields every window form starts with: its title, why (or what) it is, and its start
 * and end as local wall time. They join the parent's form grid (`display: contents`), so
 * a page puts its own fields beside them.
 */
@Component({
  selector: 'cc-window-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  template: `
    <mat-form-field subscriptSizing="dynamic" class="wide">
      <mat-label>{{ labels() + '.windowTitle' | translate }}</mat-label>
      <input
        matInput
        [(ngModel)]="title"
        maxlength="200"
        [attr.data-testid]="testIds() + '-title'"
      />
    </mat-form-field>
    <mat-form-field subscriptSizing="dynamic" class="wide">
      <mat-label>{{ labels() + '.' + textName() | translate }}</mat-label>
      <textarea
        matInput
        rows="2"
        [(ngModel)]="text"
        [maxlength]="textMax()"
        [attr.data-testid]="testIds() + '-' + textName()"
      ></textarea>
    </mat-form-field>
    @for (t of times; track t) {
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ labels() + '.' + t | translate }}</mat-label>
        <input
          matInput
          type="datetime-local"
          [ngModel]="time(t)()"
          (ngModelChange)="time(t).set($event)"
          [attr.data-testid]="testIds() + '-' + t"
        />
      </mat-form-field>
    }
  `,
  styles: `
    :host {
      display: contents;
    }
    .wide {
      grid-column: 1 / -1;
    }
  `,
})
export class WindowFieldsComponent {
  /** The i18n section of the labels (`<labels>.windowTitle`, `.start`, `.end`, `.<textName>`). */
  readonly labels = input.required<string>();
  /** The data-testid prefix (`<testIds>-title`, `-start`, `-end`, `-<textName>`). */
  readonly testIds = input.required<string>();
  /** The name of the text field: its label key and testid suffix (`reason`, `description`). */
  readonly textName = input.required<string>();
  readonly textMax = input(2000);

  readonly title = model.required<string>();
  readonly text = model.required<string>();
  readonly start = model.required<string>();
  readonly end = model.required<string>();

  protected readonly times: readonly Time[] = ['start', 'end'];

  protected time(t: Time) {
    return t === 'start' ? this.start : this.end;
  }
}
