import type { Filter } from 'mongodb';

import type { AccessScope } from '../auth/access-scope';
import { andFilters } from '../circuits/circuit-scope.filter';
import type { AlarmDocument } from '../database/documents';

/**
 * The alarms a scope may see. Customers see alarms whose customerIds include them; an
 * org-subtree user those stamped with its org unit (orgUnitIds = union of the orgPath
 * of the affected circuits, set at ingestion): two equality matches on array fields,
 * instead of an `$in` over every circuit id of the subtree.
 */
export function alarmScopeFilter(scope: AccessScope): Filter<AlarmDocument> {
  switch (scope.kind) {
    case 'all':
      return {};
    case 'customers':
      // One customer: an array-contains equality, which FerretDB pushes down ($in it never does).
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

/** The scope AND the criteria, equalities kept at the top level (see `andFilters`). */
export function withAlarmScope(
  scope: AccessScope,
  criteria: Filter<AlarmDocument>,
): Filter<AlarmDocument> {
  return andFilters(alarmScopeFilter(scope), criteria);
}
