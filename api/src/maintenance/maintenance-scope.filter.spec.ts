import { userOf } from '../../test/support/user-documents';
import { scopeFor } from '../auth/access-scope';
import { principalFromUser } from '../auth/principal';
import type { Role, UserDocument } from '../database/documents';
import { maintenanceScopeFilter, withMaintenanceScope } from './maintenance-scope.filter';

const scopeOf = (role: Role, extra: Partial<UserDocument> = {}) =>
  scopeFor(principalFromUser(userOf(role, extra)));

describe('maintenanceScopeFilter', () => {
  it('is empty for operator staff', () => {
    expect(maintenanceScopeFilter(scopeOf('noc-operator'))).toEqual({});
  });

  it('limits customers and account managers to windows touching their customers', () => {
    expect(
      maintenanceScopeFilter(scopeOf('account-manager', { assignedCustomerIds: ['bank-a'] })),
    ).toEqual({ customerIds: 'bank-a' });
    expect(
      maintenanceScopeFilter(
        scopeOf('account-manager', { assignedCustomerIds: ['bank-a', 'bank-b'] }),
      ),
    ).toEqual({ customerIds: { $in: ['bank-a', 'bank-b'] } });
  });

  it('limits an org-subtree user to windows touching a circuit of its subtree', () => {
    expect(
      maintenanceScopeFilter(
        scopeOf('customer-viewer', { customerId: 'bank-a', orgUnitId: 'bank-a-HB-WH' }),
      ),
    ).toEqual({ customerIds: 'bank-a', orgUnitIds: 'bank-a-HB-WH' });
  });

  it('matches nothing for a field engineer, and ANDs the scope with the criteria', () => {
    expect(maintenanceScopeFilter(scopeOf('field-engineer'))).toEqual({ _id: { $in: [] } });
    expect(
      withMaintenanceScope(scopeOf('customer-admin', { customerId: 'bank-a' }), {
        customerIds: 'bank-b',
      }),
    ).toEqual({ customerIds: 'bank-a', $and: [{ customerIds: 'bank-b' }] });
  });
});
