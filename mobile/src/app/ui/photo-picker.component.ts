import { ChangeDetectionStrategy, Component, type OnDestroy, output, signal } from '@angular/core';
import { IonButton, IonIcon } from '@ionic/angular/standalone';
import { TranslatePipe } from '@ngx-translate/core';
import { addIcons } from 'ionicons';
import { camera, closeCircle } from 'ionicons/icons';

import { shrinkPhoto } from '../core/photo';

/**
 * A photo from the camera or the gallery: a file input (`capture` opens the camera on a
 * phone, the picker lets the user choose the gallery), previewed before it is sent.
 */
@Component({
  selector: 'ccm-photo-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [IonButton, IonIcon, TranslatePipe],
  template: `
    <input
      #input
      class="cc-visually-hidden"
      type="file"
      accept="image/*"
      capture="environment"
      data-testid="photo-input"
      [attr.aria-label]="'photo.add' | translate"
      (change)="picked(input)"
    />
    @if (preview(); as url) {
      <div class="preview">
        <img [src]="url" [alt]="'photo.preview' | translate" data-testid="photo-preview" />
        <ion-button
          fill="clear"
          color="danger"
          (click)="clear(input)"
          [attr.aria-label]="'photo.remove' | translate"
        >
          <ion-icon slot="icon-only" name="close-circle" aria-hidden="true" />
        </ion-button>
      </div>
    } @else {
      <ion-button expand="block" fill="outline" data-testid="photo-add" (click)="input.click()">
        <ion-icon slot="start" name="camera" aria-hidden="true" />
        {{ 'photo.add' | translate }}
      </ion-button>
    }
  `,
  styles: `
    .preview {
      display: flex;
      align-items: flex-start;
      gap: 0.5rem;
    }
    img {
      max-width: 70%;
      max-height: 180px;
      border-radius: 8px;
      object-fit: cover;
    }
  `,
})
export class PhotoPickerComponent implements OnDestroy {
  readonly photo = output<File | null>();
  protected readonly preview = signal<string | null>(null);

  constructor() {
    addIcons({ camera, closeCircle });
  }

  protected async picked(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (!file) return;
    const small = await shrinkPhoto(file);
    this.revoke();
    this.preview.set(URL.createObjectURL(small));
    this.photo.emit(small);
  }

  protected clear(input: HTMLInputElement): void {
    input.value = '';
    this.revoke();
    this.photo.emit(null);
  }

  ngOnDestroy(): void {
    this.revoke();
  }

  private revoke(): void {
    const url = this.preview();
    if (url) URL.revokeObjectURL(url);
    this.preview.set(null);
  }
}
