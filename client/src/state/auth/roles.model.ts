import type { UserDto } from '../../generated/models/user-dto';

export type Role = UserDto['role'];

export const CUSTOMER_ROLES: readonly Role[] = [
  'customer-admin',
  'customer-engineer',
  'customer-viewer',
];
/** Operator staff whose scope is every customer. */
export const OPERATOR_ROLES: readonly Role[] = ['noc-operator', 'platform-admin'];

/**
 * What a role may do, as docs/api.md grants it. The API enforces every one of these; the
 * apps use them only to show or hide what would be refused anyway.
 */
export interface Capabilities {
  /** Sees one customer only (its own): no customer picker. */
  singleCustomer: boolean;
  /** Sees every customer (NOC, platform admin). */
  allCustomers: boolean;
  operateAlarms: boolean;
  seeImpact: boolean;
  manageUsers: boolean;
  readAudit: boolean;
  /** Files and confirms fault reports for its customer. */
  reportFaults: boolean;
  dispatchTickets: boolean;
  /** Works on assigned customers (account manager). */
  assignedCustomers: boolean;
}

export function capabilitiesOf(role: Role | null | undefined): Capabilities {
  const is = (...roles: Role[]) => role !== null && role !== undefined && roles.includes(role);
  return {
    singleCustomer: is('customer-admin', 'customer-engineer', 'customer-viewer'),
    allCustomers: is('noc-operator', 'platform-admin'),
    operateAlarms: is('noc-operator', 'platform-admin'),
    seeImpact: is('noc-operator', 'platform-admin'),
    manageUsers: is('customer-admin', 'platform-admin'),
    readAudit: is('customer-admin', 'platform-admin'),
    reportFaults: is('customer-admin', 'customer-engineer', 'account-manager'),
    dispatchTickets: is('noc-operator', 'platform-admin'),
    assignedCustomers: is('account-manager'),
  };
}

/** The page a role lands on after sign-in. */
export function homeOf(role: Role | null | undefined): string {
  switch (role) {
    case 'noc-operator':
      return '/alarms';
    case 'platform-admin':
      return '/admin/users';
    case 'account-manager':
      return '/customers';
    case 'field-engineer':
      return '/tickets';
    case 'customer-admin':
    case 'customer-engineer':
    case 'customer-viewer':
    case null:
    case undefined:
      return '/overview';
  }
}
