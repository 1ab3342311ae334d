import type { Role, UserDocument } from '../../src/database/documents';

/** A user record of the given role (no I/O): for unit tests of scope logic and for seeding. */
export function userOf(role: Role, extra: Partial<UserDocument> = {}): UserDocument {
  return {
    _id: `u-${role}`,
    username: role,
    displayName: role,
    role,
    customerId: null,
    orgUnitId: null,
    assignedCustomerIds: [],
    passwordHash: 'scrypt$unusable',
    disabled: false,
    createdAt: new Date(0),
    ...extra,
  };
}
