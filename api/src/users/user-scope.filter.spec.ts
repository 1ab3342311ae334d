import { userOf } from '../../test/support/user-documents';
import { withAuditScope } from '../audit/audit.repository';
import { scopeFor } from '../auth/access-scope';
import { principalFromUser } from '../auth/principal';
import type { Role, UserDocument } from '../database/documents';
import { withUserScope } from './users.repository';

const scopeOf = (role: Role, extra: Partial<UserDocument> = {}) =>
  scopeFor(principalFromUser(userOf(role, extra)));

describe.each([
  ['users', withUserScope],
  ['audit entries', withAuditScope],
] as const)('scope of %s', (_name, withScope) => {
  const criteria = { _id: 'x' };

  it('passes operator scopes through', () => {
    expect(withScope(scopeOf('platform-admin'), criteria as never)).toEqual(criteria);
  });

  it("ANDs a customer-admin's customer with the criteria, never merges", () => {
    expect(
      withScope(scopeOf('customer-admin', { customerId: 'bank-a', orgUnitId: 'bank-a-HO' }), {
        customerId: 'bank-b',
      }),
    ).toEqual({ $and: [{ customerId: 'bank-b' }, { customerId: { $in: ['bank-a'] } }] });
  });

  it('gives org-subtree, none and empty customer scopes nothing to read', () => {
    expect(
      withScope(
        scopeOf('customer-engineer', { customerId: 'bank-a', orgUnitId: 'u' }),
        criteria as never,
      ),
    ).toBeNull();
    expect(withScope(scopeOf('field-engineer'), criteria as never)).toBeNull();
    expect(withScope(scopeOf('account-manager'), criteria as never)).toBeNull();
  });
});
