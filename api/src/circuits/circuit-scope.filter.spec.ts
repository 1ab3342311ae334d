import { userOf } from '../../test/support/user-documents';
import { scopeFor } from '../auth/access-scope';
import { principalFromUser } from '../auth/principal';
import type { Role, UserDocument } from '../database/documents';
import { circuitScopeFilter, withCircuitScope } from './circuit-scope.filter';

const scopeOf = (role: Role, extra: Partial<UserDocument> = {}) =>
  scopeFor(principalFromUser(userOf(role, extra)));

describe('circuitScopeFilter', () => {
  it('is empty for the NOC and platform admins', () => {
    expect(circuitScopeFilter(scopeOf('noc-operator'))).toEqual({});
    expect(circuitScopeFilter(scopeOf('platform-admin'))).toEqual({});
  });

  it('limits an account manager to the assigned customers', () => {
    expect(
      circuitScopeFilter(scopeOf('account-manager', { assignedCustomerIds: ['bank-a', 'bank-b'] })),
    ).toEqual({
      customerId: { $in: ['bank-a', 'bank-b'] },
    });
  });

  it('limits a customer admin to its customer', () => {
    expect(circuitScopeFilter(scopeOf('customer-admin', { customerId: 'bank-a' }))).toEqual({
      customerId: { $in: ['bank-a'] },
    });
  });

  it.each<Role>(['customer-engineer', 'customer-viewer'])(
    'limits %s to circuits whose org path holds its unit',
    (role) => {
      expect(
        circuitScopeFilter(scopeOf(role, { customerId: 'bank-a', orgUnitId: 'ou-7' })),
      ).toEqual({
        customerId: 'bank-a',
        orgPath: 'ou-7',
      });
    },
  );

  it('matches nothing for a field engineer', () => {
    expect(circuitScopeFilter(scopeOf('field-engineer'))).toEqual({ _id: { $in: [] } });
  });

  it('ANDs the scope with the criteria so a customerId parameter cannot replace it', () => {
    const scope = scopeOf('customer-admin', { customerId: 'bank-a' });
    expect(withCircuitScope(scope, { customerId: 'bank-b' })).toEqual({
      $and: [{ customerId: { $in: ['bank-a'] } }, { customerId: 'bank-b' }],
    });
  });
});
