import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Store } from '@ngrx/store';
import { TranslatePipe } from '@ngx-translate/core';

import {
  AdminPageActions,
  CUSTOMER_ROLES,
  type Role,
  type UserQuery,
  adminFeature,
  authFeature,
} from '@circuitcare/client';

import { FORMAT_PIPES } from '../../ui/format.pipes';
import { IconComponent } from '../../ui/icon.component';

const PLATFORM_ROLES: readonly Role[] = [
  ...CUSTOMER_ROLES,
  'account-manager',
  'noc-operator',
  'field-engineer',
  'platform-admin',
];

/**
 * Users and roles. A customer admin manages its customer's users (customer roles only);
 * the platform admin every user. The API enforces both; the page offers only what it allows.
 */
@Component({
  selector: 'cc-users-page',
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
  templateUrl: './users.page.html',
  styleUrl: './admin.scss',
})
export class UsersPage {
  private readonly store = inject(Store);
  private readonly fb = inject(FormBuilder);

  protected readonly state = this.store.selectSignal(adminFeature.selectAdminState);
  protected readonly caps = this.store.selectSignal(authFeature.selectCapabilities);
  private readonly role = this.store.selectSignal(authFeature.selectRole);
  private readonly ownCustomer = this.store.selectSignal(authFeature.selectOwnCustomerId);
  protected readonly platform = computed(() => this.role() === 'platform-admin');
  protected readonly roles = computed(() => (this.platform() ? PLATFORM_ROLES : CUSTOMER_ROLES));

  protected readonly filters = this.fb.nonNullable.group({ q: '', role: '' });
  protected readonly form = this.fb.nonNullable.group({
    username: ['', [Validators.required, Validators.minLength(3)]],
    displayName: ['', Validators.required],
    role: ['customer-viewer' as Role, Validators.required],
    customerId: [''],
    password: ['', [Validators.required, Validators.minLength(12)]],
  });

  constructor() {
    this.store.dispatch(AdminPageActions.usersOpened({ query: {} }));
    inject(DestroyRef).onDestroy(() => this.store.dispatch(AdminPageActions.closed()));
  }

  protected applyFilters(): void {
    const { q, role } = this.filters.getRawValue();
    const query: UserQuery = {};
    if (q.trim()) query.q = q.trim();
    if (role) query.role = role as Role;
    this.store.dispatch(AdminPageActions.userQueryChanged({ query }));
  }

  protected create(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const customerId = this.platform() ? v.customerId.trim() || null : this.ownCustomer();
    this.store.dispatch(
      AdminPageActions.userCreateRequested({
        user: {
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          role: v.role,
          password: v.password,
          ...(customerId ? { customerId } : {}),
        },
      }),
    );
    this.form.reset();
  }

  protected toggle(id: string, disabled: boolean): void {
    this.store.dispatch(AdminPageActions.userDisableToggled({ id, disabled }));
  }
}
