import type { Filter } from 'mongodb';

import type { AccessScope } from '../auth/access-scope';
import type { CircuitDocument } from '../database/documents';

/**
 * The circuits a scope may see. Always AND-ed with the caller's own criteria
 * (`{ $and: [scope, criteria] }`), never merged, so a query parameter such as
 * `customerId` can narrow the scope but never replace it.
 */
export function circuitScopeFilter(scope: AccessScope): Filter<CircuitDocument> {
  switch (scope.kind) {
    case 'all':
      return {};
    case 'customers':
      return { customerId: { $in: [...scope.customerIds] } };
    case 'org-subtree':
      // orgPath lists the ids from the customer's root down to the owning unit.
      return { customerId: scope.customerId, orgPath: scope.orgUnitId };
    case 'none':
      return { _id: { $in: [] } };
  }
}

export function withCircuitScope(
  scope: AccessScope,
  criteria: Filter<CircuitDocument>,
): Filter<CircuitDocument> {
  return { $and: [circuitScopeFilter(scope), criteria] };
}
