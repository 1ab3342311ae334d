import type { Role } from '../database/documents';

export const ROLES = [
  'customer-admin',
  'customer-engineer',
  'customer-viewer',
  'account-manager',
  'noc-operator',
  'field-engineer',
  'platform-admin',
] as const satisfies readonly Role[];
