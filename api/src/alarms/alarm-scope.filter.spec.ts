import { userOf } from '../../test/support/user-documents';
import { scopeFor } from '../auth/access-scope';
import { principalFromUser } from '../auth/principal';
import type { Role, UserDocument } from '../database/documents';
import { alarmScopeFilter, withAlarmScope } from './alarm-scope.filter';

const scopeOf = (role: Role, extra: Partial<UserDocument> = {}) =>
  scopeFor(principalFromUser(userOf(role, extra)));

describe('alarmScopeFilter', () => {
  it('is empty for the NOC and platform admins', () => {
    expect(alarmScopeFilter(scopeOf('noc-operator'))).toEqual({});
    expect(alarmScopeFilter(scopeOf('platform-admin'))).toEqual({});
  });

  it('limits an account manager to alarms touching an assigned customer', () => {
    expect(
      alarmScopeFilter(scopeOf('account-manager', { assignedCustomerIds: ['bank-b'] })),
    ).toEqual({
      customerIds: { $in: ['bank-b'] },
    });
  });

  it('limits a customer admin to alarms touching its customer', () => {
    expect(alarmScopeFilter(scopeOf('customer-admin', { customerId: 'bank-a' }))).toEqual({
      customerIds: { $in: ['bank-a'] },
    });
  });

  it.each<Role>(['customer-engineer', 'customer-viewer'])(
    'limits %s to alarms on circuits of its subtree',
    (role) => {
      const scope = scopeOf(role, { customerId: 'bank-a', orgUnitId: 'ou-7' });
      expect(alarmScopeFilter(scope, ['c1', 'c2'])).toEqual({
        customerIds: 'bank-a',
        affectedCircuitIds: { $in: ['c1', 'c2'] },
      });
      expect(() => alarmScopeFilter(scope)).toThrow(/org-subtree/);
    },
  );

  it('matches nothing for a field engineer', () => {
    expect(alarmScopeFilter(scopeOf('field-engineer'))).toEqual({ _id: { $in: [] } });
  });

  it('ANDs the scope with the criteria', () => {
    expect(
      withAlarmScope(scopeOf('customer-admin', { customerId: 'bank-a' }), { state: 'raised' }),
    ).toEqual({
      $and: [{ customerIds: { $in: ['bank-a'] } }, { state: 'raised' }],
    });
  });
});
