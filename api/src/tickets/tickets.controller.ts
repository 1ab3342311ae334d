import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
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
import { OPERATOR_ROLES, Roles } from '../auth/roles.decorator';
import { IdParamDto } from '../common/params/id-param.dto';
import { ProblemResponses } from '../common/problem/problem-responses.decorator';
import { CreateTicketDto } from './dto/create-ticket.dto';
import { PreCheckDto, PreCheckQueryDto } from './dto/pre-check.dto';
import { ProvisioningRequestDto } from './dto/provisioning-request.dto';
import { QueuesDto, TeamDto } from './dto/team.dto';
import {
  DispatchDto,
  FieldReportInputDto,
  LinkAlarmDto,
  MergeDto,
  NoteDto,
  PatchTicketDto,
  SatisfactionInputDto,
  StageUpdateDto,
  TransitionDto,
} from './dto/ticket-commands.dto';
import { TicketListQueryDto } from './dto/ticket-list-query.dto';
import { TicketDto, TicketPageDto } from './dto/ticket.dto';
import { TeamsService } from './teams.service';
import {
  CUSTOMER_FILERS,
  FIELD_WORKERS,
  TICKET_FILERS,
  TICKET_MOVERS,
  TICKET_WRITERS,
} from './ticket-roles';
import { type UserActor, TicketsService } from './tickets.service';
import { versionCheck } from './version-check';

const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description:
    'The ticket version the change is based on ("3"); 412 when stale. Or send `version` in the body (409).',
};

function actorOf(principal: VerifiedPrincipal, scope: AccessScope, ip: string): UserActor {
  return { kind: 'user', principal, scope, ip };
}

@ApiTags('tickets')
@ApiBearerAuth('bearer')
@ProblemResponses(401)
@Controller('tickets')
export class TicketsController {
  constructor(
    private readonly tickets: TicketsService,
    private readonly teams: TeamsService,
  ) {}

  @Get('pre-check')
  @ApiOperation({
    summary: 'What the operator already knows about a circuit or site, before a fault is filed.',
    description:
      'Live state, active alarms, the located fault and open tickets covering it (join one rather than file a duplicate).',
  })
  @ApiOkResponse({ type: PreCheckDto })
  @ProblemResponses(400, 404)
  preCheck(
    @CurrentPrincipal() p: VerifiedPrincipal,
    @CurrentScope() s: AccessScope,
    @Ip() ip: string,
    @Query() q: PreCheckQueryDto,
  ): Promise<PreCheckDto> {
    return this.tickets.preCheck(actorOf(p, s, ip), q);
  }

  @Get('teams')
  @Roles(...OPERATOR_ROLES)
  @ApiOperation({ summary: 'Operator teams (queues), with lead and duty manager.' })
  @ApiOkResponse({ type: [TeamDto] })
  @ProblemResponses(403)
  listTeams(): Promise<TeamDto[]> {
    return this.teams.list();
  }

  @Get('queues')
  @Roles(...OPERATOR_ROLES)
  @ApiOperation({ summary: 'Open tickets per team and region: NOC queues.' })
  @ApiOkResponse({ type: QueuesDto })
  @ProblemResponses(403)
  queues(@CurrentScope() s: AccessScope): Promise<QueuesDto> {
    return this.teams.queues(s);
  }

  @Post()
  @Roles(...TICKET_FILERS)
  @ApiOperation({ summary: 'File a fault (自助申告), change request or complaint.' })
  @ApiCreatedResponse({ type: TicketDto })
  @ProblemResponses(400, 403)
  create(
    @CurrentPrincipal() p: VerifiedPrincipal,
    @CurrentScope() s: AccessScope,
    @Ip() ip: string,
    @Body() body: CreateTicketDto,
  ): Promise<TicketDto> {
    const channel =
      p.role === 'noc-operator' || p.role === 'platform-admin' ? 'noc' : 'self-service';
    return this.tickets.create(actorOf(p, s, ip), body, channel, new Date());
  }

  @Post('provisioning-requests')
  @Roles(...CUSTOMER_FILERS)
  @ApiOperation({
    summary:
      'Self-service provisioning (自助开通), e.g. a temporary bandwidth increase: a provisioning ticket.',
  })
  @ApiCreatedResponse({ type: TicketDto })
  @ProblemResponses(400, 403)
  provisioning(
    @CurrentPrincipal() p: VerifiedPrincipal,
    @CurrentScope() s: AccessScope,
    @Ip() ip: string,
    @Body() body: ProvisioningRequestDto,
  ): Promise<TicketDto> {
    return this.tickets.requestProvisioning(actorOf(p, s, ip), body, new Date());
  }

  @Get()
  @ApiOperation({
    summary: "Tickets in the caller's scope (a field engineer: those dispatched to it).",
  })
  @ApiOkResponse({ type: TicketPageDto })
  @ProblemResponses(400)
  list(
    @CurrentPrincipal() p: VerifiedPrincipal,
    @CurrentScope() s: AccessScope,
    @Ip() ip: string,
    @Query() q: TicketListQueryDto,
  ): Promise<TicketPageDto> {
    return this.tickets.list(actorOf(p, s, ip), q);
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'One ticket with its timeline (customers: public entries only). ETag carries the version.',
  })
  @ApiOkResponse({ type: TicketDto })
  @ProblemResponses(400, 404)
  async detail(
    @CurrentPrincipal() p: VerifiedPrincipal,
    @CurrentScope() s: AccessScope,
    @Ip() ip: string,
    @Param() params: IdParamDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TicketDto> {
    const dto = await this.tickets.detail(actorOf(p, s, ip), params.id);
    res.setHeader('ETag', `"${dto.version}"`);
    return dto;
  }

  @Patch(':id')
  @Roles(...OPERATOR_ROLES)
  @ApiOperation({ summary: 'Triage: priority, severity, title, expected resolution, queue (NOC).' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: TicketDto })
  @ProblemResponses(400, 403, 404, 409, 412)
  patch(
    @CurrentPrincipal() p: VerifiedPrincipal,
    @CurrentScope() s: AccessScope,
    @Ip() ip: string,
    @Param() params: IdParamDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: PatchTicketDto,
  ): Promise<TicketDto> {
    return this.tickets.patch(
      actorOf(p, s, ip),
      params.id,
      body,
      versionCheck(ifMatch, body.version),
      new Date(),
    );
  }

  @Post(':id/status')
  @HttpCode(200)
  @Roles(...TICKET_MOVERS)
  @ApiOperation({
    summary:
      'Move the ticket: start, pend on the customer, resolve, confirm (closed), reopen, cancel, reject.',
    description:
      'Each transition is for certain roles; an illegal one is 409, a role that may not is 403 or 409 naming who may.',
  })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: TicketDto })
  @ProblemResponses(400, 403, 404, 409, 412)
  transition(
    @CurrentPrincipal() p: VerifiedPrincipal,
    @CurrentScope() s: AccessScope,
    @Ip() ip: string,
    @Param() params: IdParamDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: TransitionDto,
  ): Promise<TicketDto> {
    return this.tickets.transition(
      actorOf(p, s, ip),
      params.id,
      body,
      versionCheck(ifMatch, body.version),
      new Date(),
    );
  }

  @Post(':id/notes')
  @Roles(...TICKET_WRITERS)
  @ApiOperation({
    summary: 'Add a note: public (the customer sees it) or internal (operator staff).',
  })
  @ApiCreatedResponse({ type: TicketDto })
  @ProblemResponses(400, 403, 404, 409)
  note(
    @CurrentPrincipal() p: VerifiedPrincipal,
    @CurrentScope() s: AccessScope,
    @Ip() ip: string,
    @Param() params: IdParamDto,
    @Body() body: NoteDto,
  ): Promise<TicketDto> {
    return this.tickets.addNote(actorOf(p, s, ip), params.id, body, new Date());
  }

  @Post(':id/dispatch')
  @HttpCode(200)
  @Roles(...OPERATOR_ROLES)
  @ApiOperation({
    summary: 'Dispatch (or reassign) to a team and optionally one of its field engineers (NOC).',
  })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: TicketDto })
  @ProblemResponses(400, 403, 404, 409, 412)
  dispatch(
    @CurrentPrincipal() p: VerifiedPrincipal,
    @CurrentScope() s: AccessScope,
    @Ip() ip: string,
    @Param() params: IdParamDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: DispatchDto,
  ): Promise<TicketDto> {
    return this.tickets.dispatch(
      actorOf(p, s, ip),
      params.id,
      body,
      versionCheck(ifMatch, body.version),
      new Date(),
    );
  }

  @Post(':id/merge')
  @HttpCode(200)
  @Roles(...OPERATOR_ROLES)
  @ApiOperation({
    summary:
      'Merge this duplicate into another ticket of the same customer (NOC): this one is cancelled.',
  })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: TicketDto })
  @ProblemResponses(400, 403, 404, 409, 412)
  merge(
    @CurrentPrincipal() p: VerifiedPrincipal,
    @CurrentScope() s: AccessScope,
    @Ip() ip: string,
    @Param() params: IdParamDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: MergeDto,
  ): Promise<TicketDto> {
    return this.tickets.merge(
      actorOf(p, s, ip),
      params.id,
      body,
      versionCheck(ifMatch, body.version),
      new Date(),
    );
  }

  @Post(':id/alarms')
  @HttpCode(200)
  @Roles(...OPERATOR_ROLES)
  @ApiOperation({ summary: 'Link an alarm, optionally as the root cause (NOC).' })
  @ApiOkResponse({ type: TicketDto })
  @ProblemResponses(400, 403, 404, 409)
  linkAlarm(
    @CurrentPrincipal() p: VerifiedPrincipal,
    @CurrentScope() s: AccessScope,
    @Ip() ip: string,
    @Param() params: IdParamDto,
    @Body() body: LinkAlarmDto,
  ): Promise<TicketDto> {
    return this.tickets.linkAlarm(actorOf(p, s, ip), params.id, body, new Date());
  }

  @Post(':id/join')
  @HttpCode(200)
  @Roles(...CUSTOMER_FILERS)
  @ApiOperation({
    summary: 'Follow an open ticket instead of filing a duplicate (customer users).',
  })
  @ApiOkResponse({ type: TicketDto })
  @ProblemResponses(403, 404, 409)
  join(
    @CurrentPrincipal() p: VerifiedPrincipal,
    @CurrentScope() s: AccessScope,
    @Ip() ip: string,
    @Param() params: IdParamDto,
  ): Promise<TicketDto> {
    return this.tickets.join(actorOf(p, s, ip), params.id, new Date());
  }

  @Post(':id/field-reports')
  @Roles(...FIELD_WORKERS)
  @ApiOperation({
    summary: 'Field report: arrival on site, progress, cause and fix codes (field engineer).',
  })
  @ApiCreatedResponse({ type: TicketDto })
  @ProblemResponses(400, 403, 404, 409)
  fieldReport(
    @CurrentPrincipal() p: VerifiedPrincipal,
    @CurrentScope() s: AccessScope,
    @Ip() ip: string,
    @Param() params: IdParamDto,
    @Body() body: FieldReportInputDto,
  ): Promise<TicketDto> {
    return this.tickets.fieldReport(actorOf(p, s, ip), params.id, body, new Date());
  }

  @Post(':id/stages')
  @HttpCode(200)
  @Roles(...FIELD_WORKERS)
  @ApiOperation({
    summary: 'Provisioning stage progress; handover done applies the request to the circuit.',
  })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: TicketDto })
  @ProblemResponses(400, 403, 404, 409, 412)
  stage(
    @CurrentPrincipal() p: VerifiedPrincipal,
    @CurrentScope() s: AccessScope,
    @Ip() ip: string,
    @Param() params: IdParamDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: StageUpdateDto,
  ): Promise<TicketDto> {
    return this.tickets.updateStage(
      actorOf(p, s, ip),
      params.id,
      body,
      versionCheck(ifMatch, body.version),
      new Date(),
    );
  }

  @Post(':id/satisfaction')
  @HttpCode(200)
  @Roles(...CUSTOMER_FILERS)
  @ApiOperation({ summary: 'Satisfaction rating and comment (回访), once, after resolution.' })
  @ApiOkResponse({ type: TicketDto })
  @ProblemResponses(400, 403, 404, 409)
  rate(
    @CurrentPrincipal() p: VerifiedPrincipal,
    @CurrentScope() s: AccessScope,
    @Ip() ip: string,
    @Param() params: IdParamDto,
    @Body() body: SatisfactionInputDto,
  ): Promise<TicketDto> {
    return this.tickets.rate(actorOf(p, s, ip), params.id, body, new Date());
  }
}
