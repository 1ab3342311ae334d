import { userOf } from '../../test/support/user-documents';
import type { Role, UserDocument } from '../database/documents';
import { scopeFor } from './access-scope';
import { principalFromUser } from './principal';

const scopeOf = (role: Role, extra: Partial<UserDocument> = {}) =>
  scopeFor(principalFromUser(userOf(role, extra)));

describe('scopeFor', () => {
  it.each<Role>(['noc-operator', 'platform-admin'])('gives %s every customer', (role) => {
    expect(scopeOf(role)).toEqual({ kind: 'all' });
  });

  it('gives an account manager exactly the assigned customers', () => {
    expect(scopeOf('account-manager', { assignedCustomerIds: ['bank-a', 'bank-c'] })).toEqual({
      kind: 'customers',
      customerIds: ['bank-a', 'bank-c'],
    });
    expect(scopeOf('account-manager')).toEqual({ kind: 'customers', customerIds: [] });
  });

  it('gives a customer admin its own customer, whatever its org unit', () => {
    expect(scopeOf('customer-admin', { customerId: 'bank-a', orgUnitId: 'ou-a-city-1' })).toEqual({
      kind: 'customers',
      customerIds: ['bank-a'],
    });
  });

  it.each<Role>(['customer-engineer', 'customer-viewer'])(
    'restricts %s to its org subtree',
    (role) => {
      expect(scopeOf(role, { customerId: 'bank-a', orgUnitId: 'ou-a-city-1' })).toEqual({
        kind: 'org-subtree',
        customerId: 'bank-a',
        orgUnitId: 'ou-a-city-1',
      });
    },
  );

  it('fails closed for customer users missing their customer or org unit', () => {
    expect(scopeOf('customer-admin')).toEqual({ kind: 'none' });
    expect(scopeOf('customer-engineer', { customerId: 'bank-a' })).toEqual({ kind: 'none' });
    expect(scopeOf('customer-viewer', { orgUnitId: 'ou-a' })).toEqual({ kind: 'none' });
  });

  it('gives a field engineer the tickets dispatched to it, never a customer', () => {
    const user = userOf('field-engineer', {
      customerId: 'bank-a',
      assignedCustomerIds: ['bank-a'],
    });
    expect(scopeFor(principalFromUser(user))).toEqual({ kind: 'dispatched', userId: user._id });
  });

  it('cannot be mutated after the fact', () => {
    const scope = scopeOf('customer-admin', { customerId: 'bank-a' });
    expect(() => {
      (scope as { kind: string }).kind = 'all';
    }).toThrow(TypeError);
  });
});
