import type { Role, UserDocument } from '../database/documents';

declare const verifiedBrand: unique symbol;

/** The caller, as established by a verified token and the current user record. */
export interface Principal {
  userId: string;
  username: string;
  role: Role;
  customerId: string | null;
  orgUnitId: string | null;
  assignedCustomerIds: readonly string[];
}

/**
 * A principal that went through authentication. The brand makes a hand-built object
 * literal unusable where a scope is derived: only `principalFromUser` makes one, and
 * only the auth guard calls it, with a user loaded after the token was verified.
 */
export type VerifiedPrincipal = Readonly<Principal> & { readonly [verifiedBrand]: true };

export function principalFromUser(user: UserDocument): VerifiedPrincipal {
  const principal: Principal = {
    userId: user._id,
    username: user.username,
    role: user.role,
    customerId: user.customerId,
    orgUnitId: user.orgUnitId,
    assignedCustomerIds: Object.freeze([...user.assignedCustomerIds]),
  };
  return Object.freeze(principal) as VerifiedPrincipal;
}
