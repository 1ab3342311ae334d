import type { Role } from '@circuitcare/client';

import type { IconName } from '../ui/icon.component';

export interface NavItem {
  path: string;
  label: string;
  icon: IconName;
  roles: readonly Role[];
}

const CUSTOMER: readonly Role[] = ['customer-admin', 'customer-engineer', 'customer-viewer'];
const OPERATOR: readonly Role[] = ['noc-operator', 'platform-admin'];
const EVERYONE_BUT_FIELD: readonly Role[] = [...CUSTOMER, 'account-manager', ...OPERATOR];

/** The side navigation; each role sees the pages it can use. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/overview', label: 'nav.overview', icon: 'dashboard', roles: CUSTOMER },
  {
    path: '/customers',
    label: 'nav.customers',
    icon: 'business',
    roles: ['account-manager', ...OPERATOR],
  },
  { path: '/circuits', label: 'nav.circuits', icon: 'circuits', roles: EVERYONE_BUT_FIELD },
  { path: '/topology', label: 'nav.topology', icon: 'topology', roles: EVERYONE_BUT_FIELD },
  { path: '/alarms', label: 'nav.alarms', icon: 'notifications', roles: EVERYONE_BUT_FIELD },
  {
    path: '/tickets',
    label: 'nav.tickets',
    icon: 'build',
    roles: [...EVERYONE_BUT_FIELD, 'field-engineer'],
  },
  { path: '/dispatch', label: 'nav.dispatch', icon: 'assignment', roles: OPERATOR },
  {
    path: '/reports',
    label: 'nav.reports',
    icon: 'assignment',
    roles: ['customer-admin', 'account-manager', ...OPERATOR],
  },
  {
    path: '/statistics',
    label: 'nav.statistics',
    icon: 'dashboard',
    roles: ['customer-admin', 'account-manager', ...OPERATOR],
  },
  {
    path: '/emergency-plans',
    label: 'nav.emergencyPlans',
    icon: 'warning',
    roles: EVERYONE_BUT_FIELD,
  },
  {
    path: '/assurance',
    label: 'nav.assurance',
    icon: 'visibility',
    roles: EVERYONE_BUT_FIELD,
  },
  { path: '/maintenance', label: 'nav.maintenance', icon: 'schedule', roles: OPERATOR },
  {
    path: '/announcements',
    label: 'nav.announcements',
    icon: 'announcement',
    roles: EVERYONE_BUT_FIELD,
  },
  {
    path: '/admin/users',
    label: 'nav.users',
    icon: 'people',
    roles: ['customer-admin', 'platform-admin'],
  },
  {
    path: '/admin/audit',
    label: 'nav.audit',
    icon: 'history',
    roles: ['customer-admin', 'platform-admin'],
  },
];

export function navItemsFor(role: Role | null): NavItem[] {
  return role ? NAV_ITEMS.filter((item) => item.roles.includes(role)) : [];
}
