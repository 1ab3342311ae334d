import { isDeepStrictEqual } from 'node:util';

import type { Filter } from 'mongodb';

import type { AccessScope } from '../auth/access-scope';
import type { CircuitDocument } from '../database/documents';

/**
 * The circuits a scope may see. Always AND-ed with the caller's own criteria
 * (`andFilters(scope, criteria)`), never merged key over key, so a query parameter such
 * as `customerId` can narrow the scope but never replace it.
 */
export function circuitScopeFilter(scope: AccessScope): Filter<CircuitDocument> {
  switch (scope.kind) {
    case 'all':
      return {};
    case 'customers':
      // One customer as an equality: FerretDB pushes equalities down, never `$in`.
      return scope.customerIds.length === 1
        ? { customerId: scope.customerIds[0] }
        : { customerId: { $in: [...scope.customerIds] } };
    case 'org-subtree':
      // orgPath lists the ids from the customer's root down to the owning unit.
      return { customerId: scope.customerId, orgPath: scope.orgUnitId };
    case 'dispatched':
    case 'none':
      return { _id: { $in: [] } };
  }
}

export function withCircuitScope(
  scope: AccessScope,
  criteria: Filter<CircuitDocument>,
): Filter<CircuitDocument> {
  return andFilters(circuitScopeFilter(scope), criteria);
}

function isOperatorObject(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  if (value instanceof Date || value instanceof RegExp) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => k.startsWith('$'));
}

/**
 * The conjunction of the filters, with as many conditions as possible at the top level.
 * Same meaning as `{ $and: filters }`, but FerretDB 1.x pushes only top-level equalities
 * down to PostgreSQL: under `$and` every document is decoded in Go (measured on 3,000
 * alarms: 600 ms against 25 ms for the same match). A key found in two filters never
 * overwrites the first: identical conditions are kept once, different ones both apply
 * (the plain equality stays on top, the other goes under `$and`).
 */
export function andFilters<T>(...filters: Filter<T>[]): Filter<T> {
  const top: Record<string, unknown> = {};
  const rest: unknown[] = [];
  for (const filter of filters) {
    const entries: [string, unknown][] = Object.entries(filter);
    for (const [key, value] of entries) {
      if (key === '$and') {
        rest.push(...(value as unknown[]));
      } else if (!(key in top)) {
        top[key] = value;
      } else if (!isDeepStrictEqual(top[key], value)) {
        if (isOperatorObject(top[key]) && !isOperatorObject(value)) {
          rest.push({ [key]: top[key] });
          top[key] = value;
        } else {
          rest.push({ [key]: value });
        }
      }
    }
  }
  if (rest.length > 0) top.$and = rest;
  return top as Filter<T>;
}
