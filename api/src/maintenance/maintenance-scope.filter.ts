import type { Filter } from 'mongodb';

import type { AccessScope } from '../auth/access-scope';
import { andFilters } from '../circuits/circuit-scope.filter';
import type { MaintenanceWindowDocument } from '../database/documents';

/**
 * The maintenance windows a scope may see: those affecting at least one of its circuits.
 * The window stores the customers and the org units (union of the affected circuits'
 * orgPath) it touches, so this is a plain filter, AND-ed with the request's criteria.
 */
export function maintenanceScopeFilter(scope: AccessScope): Filter<MaintenanceWindowDocument> {
  switch (scope.kind) {
    case 'all':
      return {};
    case 'customers':
      return scope.customerIds.length === 1
        ? { customerIds: scope.customerIds[0] }
        : { customerIds: { $in: [...scope.customerIds] } };
    case 'org-subtree':
      return { customerIds: scope.customerId, orgUnitIds: scope.orgUnitId };
    case 'dispatched':
    case 'none':
      return { _id: { $in: [] } };
  }
}

export function withMaintenanceScope(
  scope: AccessScope,
  criteria: Filter<MaintenanceWindowDocument>,
): Filter<MaintenanceWindowDocument> {
  return andFilters(maintenanceScopeFilter(scope), criteria);
}
