import type { Circuit, TopologyIndex } from '@circuitcare/topology';

import type { AccessScope } from '../auth/access-scope';

/**
 * The in-memory twin of `circuitScopeFilter` (circuits/circuit-scope.filter.ts): the same
 * rule applied to the cached inventory, so that every topology answer is cut to the
 * circuits the caller could read one by one. Kept beside its spec, which checks both
 * agree on every scope kind.
 */
export function circuitInScope(
  scope: AccessScope,
  circuit: Pick<Circuit, 'customerId' | 'orgPath'>,
): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'customers':
      return scope.customerIds.includes(circuit.customerId);
    case 'org-subtree':
      return circuit.customerId === scope.customerId && circuit.orgPath.includes(scope.orgUnitId);
    case 'dispatched':
    case 'none':
      return false;
  }
}

/** The customer picture a caller asked for, once checked against its scope. */
export type CustomerViewResolution =
  | { kind: 'view'; customerId: string; rootOrgUnitId: string | undefined }
  /** Outside the scope or unknown: both are 404, indistinguishably. */
  | { kind: 'not-found' }
  /** The scope spans several customers (or all) and none was named. */
  | { kind: 'customer-required' };

/**
 * Which customer and which org subtree `GET /topology` shows: the caller's own customer
 * when the scope holds one, the named one when the scope holds it; an org-subtree user
 * never leaves its subtree (a named unit must lie inside it).
 */
export function resolveCustomerView(
  scope: AccessScope,
  index: Pick<TopologyIndex, 'customers' | 'orgUnits'>,
  asked: { customerId?: string; orgUnitId?: string },
): CustomerViewResolution {
  let customerId: string;
  let subtreeRoot: string | undefined;
  switch (scope.kind) {
    case 'dispatched':
    case 'none':
      return { kind: 'not-found' };
    case 'all':
      if (asked.customerId === undefined) return { kind: 'customer-required' };
      customerId = asked.customerId;
      break;
    case 'customers': {
      const only = scope.customerIds.length === 1 ? scope.customerIds[0] : undefined;
      if (asked.customerId === undefined && only === undefined)
        return { kind: 'customer-required' };
      customerId = asked.customerId ?? only ?? '';
      if (!scope.customerIds.includes(customerId)) return { kind: 'not-found' };
      break;
    }
    case 'org-subtree':
      if (asked.customerId !== undefined && asked.customerId !== scope.customerId)
        return { kind: 'not-found' };
      customerId = scope.customerId;
      subtreeRoot = scope.orgUnitId;
      break;
  }
  if (!index.customers.has(customerId)) return { kind: 'not-found' };
  if (asked.orgUnitId === undefined)
    return { kind: 'view', customerId, rootOrgUnitId: subtreeRoot };
  const unit = index.orgUnits.get(asked.orgUnitId);
  if (!unit || unit.customerId !== customerId) return { kind: 'not-found' };
  if (subtreeRoot !== undefined && !unit.path.includes(subtreeRoot)) return { kind: 'not-found' };
  return { kind: 'view', customerId, rootOrgUnitId: unit._id };
}
