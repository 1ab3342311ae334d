import {
  Body,
  Controller,
  ForbiddenException,
  Get,
  Headers,
  Ip,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';

import type { AccessScope } from '../auth/access-scope';
import { CurrentPrincipal, CurrentScope } from '../auth/current-principal.decorator';
import type { VerifiedPrincipal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { IdParamDto } from '../common/params/id-param.dto';
import { ProblemResponses } from '../common/problem/problem-responses.decorator';
import { RequestValidationException } from '../common/problem/request-validation.exception';
import { TICKET_FILERS, TICKET_MOVERS } from '../tickets/ticket-roles';
import { type UserActor, TicketsService } from '../tickets/tickets.service';
import { versionCheck } from '../tickets/version-check';
import {
  TmfListQueryDto,
  TmfTroubleTicketCreateDto,
  TmfTroubleTicketDto,
  TmfTroubleTicketUpdateDto,
} from './dto/tmf-trouble-ticket.dto';
import { IMPACT_OF_SEVERITY, selectFields, TMF_BASE, toTmf } from './tmf-mapping';

const NOC_ROLES = new Set(['noc-operator', 'platform-admin']);

/**
 * TMF621 Trouble Ticket Management v4 over the same service as /api/v1/tickets, so the
 * operator's other systems (OSS, CRM) integrate with the standard resource: same
 * scope, same roles, same state machine, same audit.
 */
@ApiTags('tmf621')
@ApiBearerAuth('bearer')
@ProblemResponses(401)
@Controller(TMF_BASE.slice(1))
export class TmfTroubleTicketController {
  constructor(private readonly tickets: TicketsService) {}

  @Get()
  @ApiOperation({
    summary: "TMF621: list trouble tickets in the caller's scope (X-Total-Count, X-Result-Count).",
  })
  @ApiOkResponse({ type: [TmfTroubleTicketDto] })
  @ProblemResponses(400)
  async list(
    @CurrentPrincipal() p: VerifiedPrincipal,
    @CurrentScope() s: AccessScope,
    @Ip() ip: string,
    @Query() q: TmfListQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Partial<TmfTroubleTicketDto>[]> {
    const actor: UserActor = { kind: 'user', principal: p, scope: s, ip };
    const limit = q.limit ?? 50;
    const offset = q.offset ?? 0;
    const { items, total } = await this.tickets.listDetailed(
      actor,
      { status: q.status, ticketType: q.ticketType },
      offset,
      limit,
    );
    res.setHeader('X-Total-Count', String(total));
    res.setHeader('X-Result-Count', String(items.length));
    return items.map((t) => selectFields(toTmf(t), q.fields));
  }

  @Get(':id')
  @ApiOperation({ summary: 'TMF621: one trouble ticket.' })
  @ApiOkResponse({ type: TmfTroubleTicketDto })
  @ProblemResponses(400, 404)
  async detail(
    @CurrentPrincipal() p: VerifiedPrincipal,
    @CurrentScope() s: AccessScope,
    @Ip() ip: string,
    @Param() params: IdParamDto,
  ): Promise<TmfTroubleTicketDto> {
    return toTmf(
      await this.tickets.detail({ kind: 'user', principal: p, scope: s, ip }, params.id),
    );
  }

  @Post()
  @Roles(...TICKET_FILERS)
  @ApiOperation({ summary: 'TMF621: create a trouble ticket (channel tmf-api).' })
  @ApiCreatedResponse({ type: TmfTroubleTicketDto })
  @ProblemResponses(400, 403)
  async create(
    @CurrentPrincipal() p: VerifiedPrincipal,
    @CurrentScope() s: AccessScope,
    @Ip() ip: string,
    @Body() body: TmfTroubleTicketCreateDto,
  ): Promise<TmfTroubleTicketDto> {
    const actor: UserActor = { kind: 'user', principal: p, scope: s, ip };
    const entity = body.relatedEntity?.[0];
    const created = await this.tickets.create(
      actor,
      {
        ticketType: body.ticketType,
        circuitId: entity?.['@referredType'] === 'Circuit' ? entity.id : undefined,
        siteId: entity?.['@referredType'] === 'Site' ? entity.id : undefined,
        impact:
          body.ticketType === 'fault' ? IMPACT_OF_SEVERITY[body.severity ?? 'major'] : undefined,
        severity: body.severity,
        name: body.name,
        description: body.description,
        requestedResolutionDate: body.requestedResolutionDate,
      },
      'tmf-api',
      new Date(),
    );
    let latest = created;
    for (const n of body.note ?? []) {
      latest = await this.tickets.addNote(
        actor,
        created.id,
        { text: n.text, visibility: 'public' },
        new Date(),
      );
    }
    return toTmf(latest);
  }

  @Patch(':id')
  @Roles(...TICKET_MOVERS)
  @ApiOperation({
    summary:
      'TMF621: update a trouble ticket — status (with statusChangeReason), notes to add, severity/priority (NOC).',
    description: 'The status change is checked first: when it is refused nothing else is applied.',
  })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'Ticket version ("3"); 412 when stale.',
  })
  @ApiOkResponse({ type: TmfTroubleTicketDto })
  @ProblemResponses(400, 403, 404, 409, 412)
  async patch(
    @CurrentPrincipal() p: VerifiedPrincipal,
    @CurrentScope() s: AccessScope,
    @Ip() ip: string,
    @Param() params: IdParamDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: TmfTroubleTicketUpdateDto,
  ): Promise<TmfTroubleTicketDto> {
    const actor: UserActor = { kind: 'user', principal: p, scope: s, ip };
    // The ticket first: one out of scope is a 404 whatever the body says.
    await this.tickets.findInScope(actor, params.id);
    if ((body.severity || body.priority) && !NOC_ROLES.has(p.role)) {
      // Refused before anything is applied.
      throw new ForbiddenException('Severity and priority are set by the NOC.');
    }
    if (!body.status && !body.note?.length && !body.severity && !body.priority) {
      throw new RequestValidationException([{ path: 'status', message: 'nothing to change' }]);
    }
    const check = versionCheck(ifMatch, undefined);
    const now = new Date();
    let latest = null;
    if (body.status) {
      latest = await this.tickets.transition(
        actor,
        params.id,
        { status: body.status, reason: body.statusChangeReason },
        check,
        now,
      );
    }
    if (body.severity || body.priority) {
      latest = await this.tickets.patch(
        actor,
        params.id,
        { severity: body.severity, priority: body.priority },
        latest ? { expected: undefined, via: 'body' } : check,
        now,
      );
    }
    for (const n of body.note ?? []) {
      latest = await this.tickets.addNote(
        actor,
        params.id,
        { text: n.text, visibility: 'public' },
        now,
      );
    }
    return toTmf(latest ?? (await this.tickets.detail(actor, params.id)));
  }
}
