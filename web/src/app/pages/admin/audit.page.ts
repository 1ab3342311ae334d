import { ChangeDetectionStrategy, Component, DestroyRef, inject } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Store } from '@ngrx/store';
import { TranslatePipe } from '@ngx-translate/core';

import {
  ADMIN_PAGE_SIZE,
  AdminPageActions,
  type AuditEntryDto,
  type AuditQuery,
  adminFeature,
} from '@circuitcare/client';

import { FORMAT_PIPES } from '../../ui/format.pipes';
import { IconComponent } from '../../ui/icon.component';

/**
 * The audit log: every login, export and change, newest first, filtered by action,
 * actor, outcome and period. A customer admin reads its customer's entries only.
 */
@Component({
  selector: 'cc-audit-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    IconComponent,
    ...FORMAT_PIPES,
  ],
  templateUrl: './audit.page.html',
  styleUrl: './admin.scss',
})
export class AuditPage {
  private readonly store = inject(Store);
  private readonly fb = inject(FormBuilder);

  protected readonly state = this.store.selectSignal(adminFeature.selectAdminState);
  protected readonly pageSize = ADMIN_PAGE_SIZE;
  protected readonly filters = this.fb.nonNullable.group({
    action: '',
    actor: '',
    outcome: this.fb.nonNullable.control<'' | 'success' | 'failure'>(''),
  });

  constructor() {
    this.store.dispatch(AdminPageActions.auditOpened({ query: {} }));
    inject(DestroyRef).onDestroy(() => this.store.dispatch(AdminPageActions.closed()));
  }

  protected apply(page = 1): void {
    const { action, actor, outcome } = this.filters.getRawValue();
    const query: AuditQuery = {};
    if (action.trim()) query.action = action.trim();
    if (actor.trim()) query.actor = actor.trim();
    if (outcome) query.outcome = outcome;
    if (page > 1) query.page = page;
    this.store.dispatch(AdminPageActions.auditQueryChanged({ query }));
  }

  protected pages(total: number): number {
    return Math.max(1, Math.ceil(total / this.pageSize));
  }

  protected detailOf(entry: AuditEntryDto): string {
    return Object.entries(entry.detail)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(' · ');
  }
}
