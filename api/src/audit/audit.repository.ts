import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Collection, Db, Filter } from 'mongodb';

import type { AccessScope } from '../auth/access-scope';
import type { PageRequest, PageResult } from '../common/paging/page-query.dto';
import { skipOf } from '../common/paging/page-query.dto';
import { COLLECTIONS } from '../database/collections';
import { MONGO_DB } from '../database/database.module';
import { ensureIndexes } from '../database/ensure-indexes';
import type { AuditEntryDocument, AuditOutcome } from './audit-entry';

export interface AuditCriteria {
  action?: string;
  actorId?: string;
  actorName?: string;
  outcome?: AuditOutcome;
  targetType?: string;
  targetId?: string;
  customerId?: string;
  from?: Date;
  to?: Date;
}

/**
 * The audit log is append-only: this repository can insert and read, and has no
 * update or delete on purpose (retention, if ever, is an operator job on the database).
 */
@Injectable()
export class AuditRepository implements OnModuleInit {
  private readonly entries: Collection<AuditEntryDocument>;

  constructor(@Inject(MONGO_DB) db: Db) {
    this.entries = db.collection<AuditEntryDocument>(COLLECTIONS.auditLog);
  }

  async onModuleInit(): Promise<void> {
    await this.ensureIndexes();
  }

  /** Idempotent. Listings are newest first, filtered by customer, actor, action or target. */
  async ensureIndexes(): Promise<void> {
    await ensureIndexes(this.entries, [
      { key: { at: -1 } },
      { key: { customerId: 1, at: -1 } },
      { key: { actorId: 1, at: -1 } },
      { key: { action: 1, at: -1 } },
      { key: { targetId: 1, at: -1 } },
    ]);
  }

  async insert(entry: AuditEntryDocument): Promise<void> {
    await this.entries.insertOne(entry);
  }

  async list(
    scope: AccessScope,
    criteria: AuditCriteria,
    page: PageRequest,
  ): Promise<PageResult<AuditEntryDocument>> {
    const scoped = withAuditScope(scope, criteriaFilter(criteria));
    if (!scoped) {
      return { items: [], total: 0 };
    }
    const [items, total] = await Promise.all([
      this.entries
        .find(scoped)
        .sort({ at: -1, _id: -1 })
        .skip(skipOf(page))
        .limit(page.pageSize)
        .toArray(),
      this.entries.countDocuments(scoped),
    ]);
    return { items, total };
  }
}

function criteriaFilter(criteria: AuditCriteria): Filter<AuditEntryDocument> {
  const filter: Filter<AuditEntryDocument> = {};
  if (criteria.action) filter.action = criteria.action;
  if (criteria.actorId) filter.actorId = criteria.actorId;
  if (criteria.actorName) filter.actorName = criteria.actorName;
  if (criteria.outcome) filter.outcome = criteria.outcome;
  if (criteria.targetType) filter.targetType = criteria.targetType;
  if (criteria.targetId) filter.targetId = criteria.targetId;
  if (criteria.customerId) filter.customerId = criteria.customerId;
  if (criteria.from || criteria.to) {
    filter.at = {
      ...(criteria.from ? { $gte: criteria.from } : {}),
      ...(criteria.to ? { $lt: criteria.to } : {}),
    };
  }
  return filter;
}

/**
 * Operator staff see every entry; a customer-scoped reader sees only entries of its
 * customers (operator-wide entries, customerId null, stay hidden). Org-subtree and
 * `none` scopes see nothing: the audit log is not theirs (the route is restricted too).
 * Returns null when the scope can see nothing.
 */
export function withAuditScope(
  scope: AccessScope,
  criteria: Filter<AuditEntryDocument>,
): Filter<AuditEntryDocument> | null {
  switch (scope.kind) {
    case 'all':
      return criteria;
    case 'customers':
      return scope.customerIds.length === 0
        ? null
        : { $and: [criteria, { customerId: { $in: [...scope.customerIds] } }] };
    case 'org-subtree':
    case 'dispatched':
    case 'none':
      return null;
  }
}
