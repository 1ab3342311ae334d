import { userOf } from '../../test/support/user-documents';
import { principalFromUser } from '../auth/principal';
import type { Role } from '../database/documents';
import { judgeAssignment, type UserAssignment } from './user-assignment.policy';

const bankAdmin = principalFromUser(
  userOf('customer-admin', { customerId: 'bank-a', orgUnitId: 'bank-a-HO' }),
);
const platform = principalFromUser(userOf('platform-admin'));
const customerUser = (
  role: Role,
  customerId = 'bank-a',
  orgUnitId = 'bank-a-HB-WH',
): UserAssignment => ({
  role,
  customerId,
  orgUnitId,
  assignedCustomerIds: [],
});
const operator = (role: Role, assignedCustomerIds: string[] = []): UserAssignment => ({
  role,
  customerId: null,
  orgUnitId: null,
  assignedCustomerIds,
});

describe('who may grant what', () => {
  it.each<Role>(['customer-admin', 'customer-engineer', 'customer-viewer'])(
    'lets a customer-admin grant %s in its own customer',
    (role) => {
      expect(judgeAssignment(bankAdmin, customerUser(role))).toEqual({ kind: 'ok' });
    },
  );

  it.each<Role>(['noc-operator', 'platform-admin', 'account-manager', 'field-engineer'])(
    'forbids a customer-admin to grant %s',
    (role) => {
      expect(judgeAssignment(bankAdmin, operator(role)).kind).toBe('forbidden');
    },
  );

  it('forbids a customer-admin to place users in another customer', () => {
    expect(
      judgeAssignment(bankAdmin, customerUser('customer-viewer', 'bank-b', 'bank-b-HO')),
    ).toEqual({
      kind: 'forbidden',
      detail: "A customer-admin manages only its own customer's users.",
    });
  });

  it('forbids every other role', () => {
    for (const role of ['noc-operator', 'account-manager', 'customer-engineer'] as Role[]) {
      const actor = principalFromUser(userOf(role, { customerId: 'bank-a', orgUnitId: 'x' }));
      expect(judgeAssignment(actor, customerUser('customer-viewer')).kind).toBe('forbidden');
    }
  });

  it('lets a platform-admin grant any well-formed assignment', () => {
    expect(judgeAssignment(platform, operator('noc-operator'))).toEqual({ kind: 'ok' });
    expect(judgeAssignment(platform, operator('account-manager', ['bank-a']))).toEqual({
      kind: 'ok',
    });
    expect(
      judgeAssignment(platform, customerUser('customer-admin', 'bank-b', 'bank-b-HO')),
    ).toEqual({
      kind: 'ok',
    });
  });

  it('names the fields of a malformed assignment', () => {
    expect(
      judgeAssignment(platform, { ...operator('noc-operator', ['bank-a']), customerId: 'bank-a' }),
    ).toEqual({
      kind: 'invalid',
      errors: [
        { path: 'customerId', message: 'role noc-operator belongs to no customer' },
        { path: 'assignedCustomerIds', message: 'assignedCustomerIds is only for account-manager' },
      ],
    });
    expect(judgeAssignment(platform, customerUser('customer-engineer', 'bank-a', '')).kind).toBe(
      'invalid',
    );
  });
});
