import type { Role } from '../database/documents';

/**
 * Which roles may use which ticket operations at all (403 for the others, from the
 * guard, before any ticket is looked up); scope and the state machine apply on top.
 */
export const CUSTOMER_FILERS: readonly Role[] = ['customer-admin', 'customer-engineer'];
export const TICKET_FILERS: readonly Role[] = [
  ...CUSTOMER_FILERS,
  'noc-operator',
  'platform-admin',
];
export const FIELD_WORKERS: readonly Role[] = ['field-engineer', 'noc-operator', 'platform-admin'];
/** Status changes: customers, NOC, field engineers (viewers and account managers read only). */
export const TICKET_MOVERS: readonly Role[] = [...TICKET_FILERS, 'field-engineer'];
/** Notes and attachments: everyone but viewers. */
export const TICKET_WRITERS: readonly Role[] = [...TICKET_MOVERS, 'account-manager'];
