import type { VerifiedPrincipal } from '../auth/principal';
import type { ProblemFieldError } from '../common/problem/problem-details';
import type { Role } from '../database/documents';

export const CUSTOMER_ROLES: readonly Role[] = [
  'customer-admin',
  'customer-engineer',
  'customer-viewer',
];

/** Who may use the user-management routes at all (others: 403). */
export const USER_ADMIN_ROLES: readonly Role[] = ['platform-admin', 'customer-admin'];

/** What a user is allowed to see, as set by an administrator. */
export interface UserAssignment {
  role: Role;
  customerId: string | null;
  orgUnitId: string | null;
  assignedCustomerIds: readonly string[];
}

export type AssignmentVerdict =
  | { kind: 'ok' }
  /** The actor may not grant this at all: 403. */
  | { kind: 'forbidden'; detail: string }
  /** The assignment is malformed: 400 naming the fields. */
  | { kind: 'invalid'; errors: ProblemFieldError[] };

/**
 * Pure rules of who may grant what (the database checks that the customer and org unit
 * exist come after). A customer-admin grants only customer roles within its own
 * customer; a platform-admin grants anything that is well-formed.
 */
export function judgeAssignment(actor: VerifiedPrincipal, a: UserAssignment): AssignmentVerdict {
  if (actor.role === 'customer-admin') {
    if (!CUSTOMER_ROLES.includes(a.role)) {
      return {
        kind: 'forbidden',
        detail: `A customer-admin may grant only ${CUSTOMER_ROLES.join(', ')}; not ${a.role}.`,
      };
    }
    if (!actor.customerId || a.customerId !== actor.customerId) {
      return {
        kind: 'forbidden',
        detail: "A customer-admin manages only its own customer's users.",
      };
    }
  } else if (actor.role !== 'platform-admin') {
    return { kind: 'forbidden', detail: 'Your role may not manage users.' };
  }
  const errors: ProblemFieldError[] = [];
  if (CUSTOMER_ROLES.includes(a.role)) {
    if (!a.customerId)
      errors.push({ path: 'customerId', message: `customerId is required for role ${a.role}` });
    if (!a.orgUnitId)
      errors.push({ path: 'orgUnitId', message: `orgUnitId is required for role ${a.role}` });
    if (a.assignedCustomerIds.length > 0)
      errors.push({
        path: 'assignedCustomerIds',
        message: 'assignedCustomerIds is only for account-manager',
      });
  } else {
    if (a.customerId)
      errors.push({ path: 'customerId', message: `role ${a.role} belongs to no customer` });
    if (a.orgUnitId)
      errors.push({ path: 'orgUnitId', message: `role ${a.role} belongs to no org unit` });
    if (a.role !== 'account-manager' && a.assignedCustomerIds.length > 0)
      errors.push({
        path: 'assignedCustomerIds',
        message: 'assignedCustomerIds is only for account-manager',
      });
  }
  return errors.length > 0 ? { kind: 'invalid', errors } : { kind: 'ok' };
}
