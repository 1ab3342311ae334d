import { userOf } from '../../test/support/user-documents';
import { scopeFor } from '../auth/access-scope';
import { principalFromUser } from '../auth/principal';
import type { Role, UserDocument } from '../database/documents';
import { andFilters, circuitScopeFilter, withCircuitScope } from './circuit-scope.filter';

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

  it('limits a customer admin to its customer, as an equality', () => {
    expect(circuitScopeFilter(scopeOf('customer-admin', { customerId: 'bank-a' }))).toEqual({
      customerId: 'bank-a',
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
      customerId: 'bank-a',
      $and: [{ customerId: 'bank-b' }],
    });
    expect(withCircuitScope(scope, { customerId: 'bank-a', state: 'down' })).toEqual({
      customerId: 'bank-a',
      state: 'down',
    });
    expect(withCircuitScope(scopeOf('field-engineer'), { _id: 'c1' })).toEqual({
      _id: 'c1',
      $and: [{ _id: { $in: [] } }],
    });
  });
});

describe('andFilters', () => {
  it('keeps distinct keys at the top level, where FerretDB pushes equalities down', () => {
    expect(andFilters<{ a: string; b: number }>({ a: 'x' }, { b: 1 })).toEqual({ a: 'x', b: 1 });
    expect(andFilters({}, {})).toEqual({});
  });

  it('keeps both conditions on a shared key, the equality on top', () => {
    expect(andFilters<{ a: string }>({ a: { $in: ['x', 'y'] } }, { a: 'x' })).toEqual({
      a: 'x',
      $and: [{ a: { $in: ['x', 'y'] } }],
    });
    expect(andFilters<{ a: string }>({ a: 'x' }, { a: { $ne: 'z' } })).toEqual({
      a: 'x',
      $and: [{ a: { $ne: 'z' } }],
    });
  });

  it('lifts nested $and clauses and keeps two $or as a conjunction', () => {
    const f = andFilters<{ a: string; b: string }>(
      { $or: [{ a: 'x' }, { b: 'y' }] },
      { $and: [{ a: 'q' }], $or: [{ a: 'z' }] },
    );
    expect(f).toEqual({ $or: [{ a: 'x' }, { b: 'y' }], $and: [{ a: 'q' }, { $or: [{ a: 'z' }] }] });
  });

  it('treats dates and regular expressions as values, not operators', () => {
    const d = new Date(0);
    expect(andFilters<{ t: Date }>({ t: { $gte: d } }, { t: d })).toEqual({
      t: d,
      $and: [{ t: { $gte: d } }],
    });
  });
});
