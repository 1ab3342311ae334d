import type { Filter } from 'mongodb';

import type { AccessScope } from '../auth/access-scope';
import type { AlarmDocument } from '../database/documents';

/**
 * The alarms a scope may see. Customers see alarms whose customerIds include them;
 * an org-subtree user only those affecting a circuit of its subtree, whose ids the
 * caller resolves with the same scope (`subtreeCircuitIds`, required for that kind).
 */
export function alarmScopeFilter(
  scope: AccessScope,
  subtreeCircuitIds?: readonly string[],
): Filter<AlarmDocument> {
  switch (scope.kind) {
    case 'all':
      return {};
    case 'customers':
      return { customerIds: { $in: [...scope.customerIds] } };
    case 'org-subtree':
      if (!subtreeCircuitIds) {
        throw new Error(
          'alarmScopeFilter: an org-subtree scope needs the ids of the circuits in the subtree',
        );
      }
      return { customerIds: scope.customerId, affectedCircuitIds: { $in: [...subtreeCircuitIds] } };
    case 'none':
      return { _id: { $in: [] } };
  }
}

export function withAlarmScope(
  scope: AccessScope,
  criteria: Filter<AlarmDocument>,
  subtreeCircuitIds?: readonly string[],
): Filter<AlarmDocument> {
  return { $and: [alarmScopeFilter(scope, subtreeCircuitIds), criteria] };
}
