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
    ).toEqual({ customerIds: 'bank-b' });
    expect(
      alarmScopeFilter(scopeOf('account-manager', { assignedCustomerIds: ['bank-b', 'bank-c'] })),
    ).toEqual({ customerIds: { $in: ['bank-b', 'bank-c'] } });
  });

  it('limits a customer admin to alarms touching its customer', () => {
    expect(alarmScopeFilter(scopeOf('customer-admin', { customerId: 'bank-a' }))).toEqual({
      customerIds: 'bank-a',
    });
  });

  it.each<Role>(['customer-engineer', 'customer-viewer'])(
    'limits %s to alarms stamped with its org unit',
    (role) => {
      const scope = scopeOf(role, { customerId: 'bank-a', orgUnitId: 'ou-7' });
      expect(alarmScopeFilter(scope)).toEqual({ customerIds: 'bank-a', orgUnitIds: 'ou-7' });
    },
  );

  it('matches nothing for a field engineer', () => {
    expect(alarmScopeFilter(scopeOf('field-engineer'))).toEqual({ _id: { $in: [] } });
  });

  it('ANDs the scope with the criteria, keeping equalities at the top level', () => {
    expect(
      withAlarmScope(scopeOf('customer-admin', { customerId: 'bank-a' }), { state: 'raised' }),
    ).toEqual({ customerIds: 'bank-a', state: 'raised' });
    // A criterion on a key of the scope never replaces the scope's condition.
    const subtree = scopeOf('customer-viewer', { customerId: 'bank-a', orgUnitId: 'ou-7' });
    expect(withAlarmScope(subtree, { orgUnitIds: 'ou-9', customerIds: 'bank-b' })).toEqual({
      customerIds: 'bank-a',
      orgUnitIds: 'ou-7',
      $and: [{ orgUnitIds: 'ou-9' }, { customerIds: 'bank-b' }],
    });
    expect(withAlarmScope(scopeOf('field-engineer'), { _id: 'alm-1' })).toEqual({
      _id: 'alm-1',
      $and: [{ _id: { $in: [] } }],
    });
  });
});
