import type { Filter } from 'mongodb';

import type { AccessScope } from '../auth/access-scope';
import { andFilters } from '../circuits/circuit-scope.filter';
import type { TicketDocument } from './ticket.document';

/**
 * The tickets a scope may see: a customer its own (an org-subtree user those touching
 * its subtree), a field engineer those dispatched to it, operator staff all. Every
 * condition is a top-level equality, which FerretDB filters in PostgreSQL.
 */
export function ticketScopeFilter(scope: AccessScope): Filter<TicketDocument> {
  switch (scope.kind) {
    case 'all':
      return {};
    case 'customers':
      return scope.customerIds.length === 1
        ? { customerId: scope.customerIds[0] }
        : { customerId: { $in: [...scope.customerIds] } };
    case 'org-subtree':
      return { customerId: scope.customerId, orgUnitIds: scope.orgUnitId };
    case 'dispatched':
      return { fieldEngineerIds: scope.userId };
    case 'none':
      return { _id: { $in: [] } };
  }
}

export function withTicketScope(
  scope: AccessScope,
  criteria: Filter<TicketDocument>,
): Filter<TicketDocument> {
  return andFilters(ticketScopeFilter(scope), criteria);
}
