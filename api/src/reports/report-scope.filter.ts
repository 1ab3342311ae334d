import type { Filter } from 'mongodb';

import type { AccessScope } from '../auth/access-scope';
import { andFilters } from '../circuits/circuit-scope.filter';

/**
 * Reports are about a whole customer: the scope sees a report iff it covers the whole
 * customer (operator staff, the customer's admin, its account managers). An org-subtree
 * user would see circuits outside its subtree in it, so it sees none.
 */
export function customerWideFilter<T extends { customerId: string }>(
  scope: AccessScope,
): Filter<T> {
  switch (scope.kind) {
    case 'all':
      return {};
    case 'customers':
      return (
        scope.customerIds.length === 1
          ? { customerId: scope.customerIds[0] }
          : { customerId: { $in: [...scope.customerIds] } }
      ) as Filter<T>;
    case 'org-subtree':
    case 'dispatched':
    case 'none':
      return { _id: { $in: [] } };
  }
}

export function withCustomerWideScope<T extends { customerId: string }>(
  scope: AccessScope,
  criteria: Filter<T>,
): Filter<T> {
  return andFilters(customerWideFilter<T>(scope), criteria);
}

/** Whether the scope covers the whole of `customerId`. */
export function coversCustomer(scope: AccessScope, customerId: string): boolean {
  return (
    scope.kind === 'all' || (scope.kind === 'customers' && scope.customerIds.includes(customerId))
  );
}
