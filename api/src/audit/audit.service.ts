import { randomBytes } from 'node:crypto';

import { Injectable, Logger } from '@nestjs/common';

import type { AccessScope } from '../auth/access-scope';
import type { PageRequest, PageResult } from '../common/paging/page-query.dto';
import { type AuditEntryDocument, type AuditEntryInput, toAuditDocument } from './audit-entry';
import { type AuditCriteria, AuditRepository } from './audit.repository';

export type { AuditEntryInput } from './audit-entry';

/**
 * Records who did what. Every change and every export calls `record` once it knows the
 * outcome. Callers await it; it does not throw: the change it describes has already
 * happened, so a failed audit write is logged at error level (for alerting) instead
 * of turning a done change into a 500 the client would retry.
 */
@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(private readonly repository: AuditRepository) {}

  async record(entry: AuditEntryInput): Promise<void> {
    const doc = toAuditDocument(entry, new Date(), randomBytes(6).toString('hex'));
    try {
      await this.repository.insert(doc);
    } catch (error) {
      this.logger.error(
        { action: doc.action, outcome: doc.outcome, err: (error as Error).message },
        'audit entry could not be written',
      );
    }
  }

  list(
    scope: AccessScope,
    criteria: AuditCriteria,
    page: PageRequest,
  ): Promise<PageResult<AuditEntryDocument>> {
    return this.repository.list(scope, criteria, page);
  }
}
