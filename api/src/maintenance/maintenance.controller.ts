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
import { CreateMaintenanceWindowDto } from './dto/create-maintenance-window.dto';
import { MaintenanceListQueryDto } from './dto/maintenance-list-query.dto';
import { MaintenanceWindowDto, MaintenanceWindowPageDto } from './dto/maintenance-window.dto';
import { MaintenanceService } from './maintenance.service';

@ApiTags('maintenance')
@ApiBearerAuth('bearer')
@ProblemResponses(401)
@Controller('maintenance-windows')
export class MaintenanceController {
  constructor(private readonly maintenance: MaintenanceService) {}

  @Post()
  @Roles(...OPERATOR_ROLES)
  @ApiOperation({
    summary: 'Plan a maintenance window (operator staff); the affected circuits are computed.',
  })
  @ApiCreatedResponse({ type: MaintenanceWindowDto })
  @ProblemResponses(400, 403)
  create(
    @CurrentPrincipal() principal: VerifiedPrincipal,
    @CurrentScope() scope: AccessScope,
    @Ip() ip: string,
    @Body() body: CreateMaintenanceWindowDto,
  ): Promise<MaintenanceWindowDto> {
    return this.maintenance.create({ principal, scope, ip }, body, new Date());
  }

  @Get()
  @ApiOperation({
    summary: "Maintenance windows affecting the caller's circuits (all for operator staff).",
  })
  @ApiOkResponse({ type: MaintenanceWindowPageDto })
  @ProblemResponses(400)
  list(
    @CurrentScope() scope: AccessScope,
    @Query() query: MaintenanceListQueryDto,
  ): Promise<MaintenanceWindowPageDto> {
    return this.maintenance.list(scope, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One maintenance window.' })
  @ApiOkResponse({ type: MaintenanceWindowDto })
  @ProblemResponses(400, 404)
  detail(
    @CurrentScope() scope: AccessScope,
    @Param() params: IdParamDto,
  ): Promise<MaintenanceWindowDto> {
    return this.maintenance.detail(scope, params.id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles(...OPERATOR_ROLES)
  @ApiOperation({
    summary: 'Approve a planned window (operator staff other than its creator).',
    description: 'Approved and completed windows are excluded from unplanned downtime.',
  })
  @ApiOkResponse({ type: MaintenanceWindowDto })
  @ProblemResponses(400, 403, 404, 409)
  approve(
    @CurrentPrincipal() principal: VerifiedPrincipal,
    @CurrentScope() scope: AccessScope,
    @Ip() ip: string,
    @Param() params: IdParamDto,
  ): Promise<MaintenanceWindowDto> {
    return this.maintenance.transition({ principal, scope, ip }, params.id, 'approve', new Date());
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles(...OPERATOR_ROLES)
  @ApiOperation({ summary: 'Cancel a planned or approved window (operator staff).' })
  @ApiOkResponse({ type: MaintenanceWindowDto })
  @ProblemResponses(400, 403, 404, 409)
  cancel(
    @CurrentPrincipal() principal: VerifiedPrincipal,
    @CurrentScope() scope: AccessScope,
    @Ip() ip: string,
    @Param() params: IdParamDto,
  ): Promise<MaintenanceWindowDto> {
    return this.maintenance.transition({ principal, scope, ip }, params.id, 'cancel', new Date());
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Roles(...OPERATOR_ROLES)
  @ApiOperation({ summary: 'Mark an approved window as carried out (operator staff).' })
  @ApiOkResponse({ type: MaintenanceWindowDto })
  @ProblemResponses(400, 403, 404, 409)
  complete(
    @CurrentPrincipal() principal: VerifiedPrincipal,
    @CurrentScope() scope: AccessScope,
    @Ip() ip: string,
    @Param() params: IdParamDto,
  ): Promise<MaintenanceWindowDto> {
    return this.maintenance.transition({ principal, scope, ip }, params.id, 'complete', new Date());
  }
}
