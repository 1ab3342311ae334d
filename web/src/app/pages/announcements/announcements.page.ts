import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { Store } from '@ngrx/store';
import { TranslatePipe } from '@ngx-translate/core';

import {
  type AnnouncementDto,
  AnnouncementsPageActions,
  announcementPhase,
  announcementsFeature,
  authFeature,
} from '@circuitcare/client';

import { FORMAT_PIPES } from '../../ui/format.pipes';
import { IconComponent } from '../../ui/icon.component';

const DAY = 86_400_000;

/**
 * Announcements: platform notices and planned maintenance that touches the caller's
 * circuits, newest first. Operator staff also see expired and future ones and publish.
 */
@Component({
  selector: 'cc-announcements-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSlideToggleModule,
    TranslatePipe,
    IconComponent,
    ...FORMAT_PIPES,
  ],
  templateUrl: './announcements.page.html',
  styleUrl: './announcements.page.scss',
})
export class AnnouncementsPage {
  private readonly store = inject(Store);
  private readonly fb = inject(FormBuilder);

  protected readonly state = this.store.selectSignal(announcementsFeature.selectAnnouncementsState);
  protected readonly items = this.store.selectSignal(announcementsFeature.selectSorted);
  private readonly caps = this.store.selectSignal(authFeature.selectCapabilities);
  protected readonly canPublish = computed(() => this.caps().allCustomers);

  protected readonly form = this.fb.nonNullable.group({
    title: ['', [Validators.required, Validators.maxLength(200)]],
    body: ['', [Validators.required, Validators.maxLength(5000)]],
    days: [7, [Validators.required, Validators.min(1), Validators.max(365)]],
    notify: false,
  });

  constructor() {
    this.store.dispatch(AnnouncementsPageActions.opened({ all: this.canPublish() }));
    inject(DestroyRef).onDestroy(() => this.store.dispatch(AnnouncementsPageActions.closed()));
  }

  protected phase(a: AnnouncementDto): string {
    return announcementPhase(a);
  }

  protected publish(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    this.store.dispatch(
      AnnouncementsPageActions.publishRequested({
        announcement: {
          title: v.title.trim(),
          body: v.body.trim(),
          audience: 'all',
          expiresAt: new Date(Date.now() + v.days * DAY).toISOString(),
          notify: v.notify,
        },
      }),
    );
    this.form.reset();
  }
}
