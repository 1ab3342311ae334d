import { Body, Controller, Get, HttpCode, Ip, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';

import type { AccessScope } from '../auth/access-scope';
import { CurrentPrincipal, CurrentScope } from '../auth/current-principal.decorator';
import type { VerifiedPrincipal } from '../auth/principal';
import { OPERATOR_ROLES, Roles } from '../auth/roles.decorator';
import { IdParamDto } from '../common/params/id-param.dto';
import { ProblemResponses } from '../common/problem/problem-responses.decorator';
import { AssuranceService } from './assurance.service';
import {
  AssuranceDashboardDto,
  AssuranceListQueryDto,
  AssuranceWindowDto,
  AssuranceWindowPageDto,
  CreateAssuranceWindowDto,
  DecideAssuranceDto,
} from './dto/assurance.dto';

export const ASSURANCE_REQUESTERS = ['customer-admin', 'account-manager'] as const;

@ApiTags('assurance')
@ApiBearerAuth('bearer')
@ProblemResponses(401)
@Controller('assurance-windows')
export class AssuranceController {
  constructor(private readonly assurance: AssuranceService) {}

  @Post()
  @Roles(...ASSURANCE_REQUESTERS)
  @ApiOperation({
    summary: 'Request key-period assurance (重保) for circuits of a customer; the NOC approves.',
  })
  @ApiCreatedResponse({ type: AssuranceWindowDto })
  @ProblemResponses(400, 403, 404)
  request(
    @CurrentPrincipal() principal: VerifiedPrincipal,
    @CurrentScope() scope: AccessScope,
    @Ip() ip: string,
    @Body() body: CreateAssuranceWindowDto,
  ): Promise<AssuranceWindowDto> {
    return this.assurance.request({ principal, scope, ip }, body, new Date());
  }

  @Get()
  @ApiOperation({
    summary: 'Assurance windows of the caller’s customers (all for operator staff).',
  })
  @ApiOkResponse({ type: AssuranceWindowPageDto })
  @ProblemResponses(400)
  list(
    @CurrentScope() scope: AccessScope,
    @Query() query: AssuranceListQueryDto,
  ): Promise<AssuranceWindowPageDto> {
    return this.assurance.list(scope, query, new Date());
  }

  @Get(':id')
  @ApiOperation({ summary: 'One assurance window.' })
  @ApiOkResponse({ type: AssuranceWindowDto })
  @ProblemResponses(400, 404)
  detail(
    @CurrentScope() scope: AccessScope,
    @Param() params: IdParamDto,
  ): Promise<AssuranceWindowDto> {
    return this.assurance.detail(scope, params.id, new Date());
  }

  @Get(':id/dashboard')
  @ApiOperation({ summary: 'Live state of the window’s circuits (the assurance dashboard).' })
  @ApiOkResponse({ type: AssuranceDashboardDto })
  @ProblemResponses(400, 404)
  dashboard(
    @CurrentScope() scope: AccessScope,
    @Param() params: IdParamDto,
  ): Promise<AssuranceDashboardDto> {
    return this.assurance.dashboard(scope, params.id, new Date());
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles(...OPERATOR_ROLES)
  @ApiOperation({
    summary: 'Approve (NOC): faster polling and tighter thresholds apply during the window.',
  })
  @ApiOkResponse({ type: AssuranceWindowDto })
  @ProblemResponses(400, 403, 404, 409)
  approve(
    @CurrentPrincipal() principal: VerifiedPrincipal,
    @CurrentScope() scope: AccessScope,
    @Ip() ip: string,
    @Param() params: IdParamDto,
    @Body() body: DecideAssuranceDto,
  ): Promise<AssuranceWindowDto> {
    return this.assurance.decide({ principal, scope, ip }, params.id, 'approve', body, new Date());
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles(...OPERATOR_ROLES)
  @ApiOperation({ summary: 'Reject a requested window (NOC), with a reason.' })
  @ApiOkResponse({ type: AssuranceWindowDto })
  @ProblemResponses(400, 403, 404, 409)
  reject(
    @CurrentPrincipal() principal: VerifiedPrincipal,
    @CurrentScope() scope: AccessScope,
    @Ip() ip: string,
    @Param() params: IdParamDto,
    @Body() body: DecideAssuranceDto,
  ): Promise<AssuranceWindowDto> {
    return this.assurance.decide({ principal, scope, ip }, params.id, 'reject', body, new Date());
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles(...ASSURANCE_REQUESTERS, ...OPERATOR_ROLES)
  @ApiOperation({ summary: 'Cancel a requested or upcoming window (a running one: NOC only).' })
  @ApiOkResponse({ type: AssuranceWindowDto })
  @ProblemResponses(400, 403, 404, 409)
  cancel(
    @CurrentPrincipal() principal: VerifiedPrincipal,
    @CurrentScope() scope: AccessScope,
    @Ip() ip: string,
    @Param() params: IdParamDto,
    @Body() body: DecideAssuranceDto,
  ): Promise<AssuranceWindowDto> {
    return this.assurance.decide({ principal, scope, ip }, params.id, 'cancel', body, new Date());
  }
}
