import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import type { AccessScope } from '../auth/access-scope';
import { CurrentScope } from '../auth/current-principal.decorator';
import { Roles } from '../auth/roles.decorator';
import { ProblemResponses } from '../common/problem/problem-responses.decorator';
import { RequestValidationException } from '../common/problem/request-validation.exception';
import type { AuditEntryDocument } from './audit-entry';
import { AuditService } from './audit.service';
import { type AuditEntryDto, AuditPageDto, AuditQueryDto } from './dto/audit-entry.dto';

@ApiTags('audit')
@ApiBearerAuth('bearer')
@ProblemResponses(401, 403)
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('platform-admin', 'customer-admin')
  @ApiOperation({
    summary: 'The audit log, newest first.',
    description:
      "platform-admin: every entry; customer-admin: the entries about its own customer (its users' logins and changes, their exports).",
  })
  @ApiOkResponse({ type: AuditPageDto })
  @ProblemResponses(400)
  async list(
    @CurrentScope() scope: AccessScope,
    @Query() query: AuditQueryDto,
  ): Promise<AuditPageDto> {
    const from = query.from ? new Date(query.from) : undefined;
    const to = query.to ? new Date(query.to) : undefined;
    if (from && to && from >= to) {
      throw new RequestValidationException([{ path: 'to', message: 'to must be after from' }]);
    }
    const page = { page: query.page, pageSize: query.pageSize };
    const { items, total } = await this.audit.list(
      scope,
      {
        action: query.action,
        actorId: query.actorId,
        actorName: query.actor,
        outcome: query.outcome,
        targetType: query.targetType,
        targetId: query.targetId,
        customerId: query.customerId,
        from,
        to,
      },
      page,
    );
    return { items: items.map(toAuditEntryDto), total, ...page };
  }
}

function toAuditEntryDto(e: AuditEntryDocument): AuditEntryDto {
  return {
    id: e._id,
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorName: e.actorName,
    actorRole: e.actorRole,
    action: e.action,
    customerId: e.customerId,
    target: e.targetType && e.targetId ? { type: e.targetType, id: e.targetId } : null,
    outcome: e.outcome,
    detail: { ...e.detail },
    ip: e.ip,
  };
}
