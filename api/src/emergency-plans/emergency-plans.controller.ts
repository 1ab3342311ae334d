import { Body, Controller, Get, Ip, Param, Post, Put, Query } from '@nestjs/common';
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
import { Roles } from '../auth/roles.decorator';
import { IdParamDto } from '../common/params/id-param.dto';
import { ProblemResponses } from '../common/problem/problem-responses.decorator';
import {
  EmergencyPlanBodyDto,
  EmergencyPlanDto,
  EmergencyPlanListQueryDto,
  EmergencyPlanPageDto,
  UpdateEmergencyPlanDto,
} from './dto/emergency-plan.dto';
import { EmergencyPlansService } from './emergency-plans.service';

@ApiTags('emergency-plans')
@ApiBearerAuth('bearer')
@ProblemResponses(401)
@Controller()
export class EmergencyPlansController {
  constructor(private readonly plans: EmergencyPlansService) {}

  @Post('emergency-plans')
  @Roles('customer-admin')
  @ApiOperation({ summary: "A new emergency plan of the caller's customer (customer admins)." })
  @ApiCreatedResponse({ type: EmergencyPlanDto })
  @ProblemResponses(400, 403)
  create(
    @CurrentPrincipal() principal: VerifiedPrincipal,
    @CurrentScope() scope: AccessScope,
    @Ip() ip: string,
    @Body() body: EmergencyPlanBodyDto,
  ): Promise<EmergencyPlanDto> {
    return this.plans.create({ principal, scope, ip }, body, new Date());
  }

  @Get('emergency-plans')
  @ApiOperation({ summary: 'The newest version of every plan the caller may read.' })
  @ApiOkResponse({ type: EmergencyPlanPageDto })
  @ProblemResponses(400)
  list(
    @CurrentScope() scope: AccessScope,
    @Query() query: EmergencyPlanListQueryDto,
  ): Promise<EmergencyPlanPageDto> {
    return this.plans.list(scope, query);
  }

  @Get('emergency-plans/:id')
  @ApiOperation({ summary: 'The newest version of one plan.' })
  @ApiOkResponse({ type: EmergencyPlanDto })
  @ProblemResponses(400, 404)
  detail(
    @CurrentScope() scope: AccessScope,
    @Param() params: IdParamDto,
  ): Promise<EmergencyPlanDto> {
    return this.plans.detail(scope, params.id);
  }

  @Get('emergency-plans/:id/versions')
  @ApiOperation({ summary: 'Every version of one plan, newest first.' })
  @ApiOkResponse({ type: [EmergencyPlanDto] })
  @ProblemResponses(400, 404)
  versions(
    @CurrentScope() scope: AccessScope,
    @Param() params: IdParamDto,
  ): Promise<EmergencyPlanDto[]> {
    return this.plans.versions(scope, params.id);
  }

  @Put('emergency-plans/:id')
  @Roles('customer-admin')
  @ApiOperation({
    summary:
      'A new version of a plan (customer admins); `version` is the one it is based on (409 if stale).',
  })
  @ApiOkResponse({ type: EmergencyPlanDto })
  @ProblemResponses(400, 403, 404, 409)
  update(
    @CurrentPrincipal() principal: VerifiedPrincipal,
    @CurrentScope() scope: AccessScope,
    @Ip() ip: string,
    @Param() params: IdParamDto,
    @Body() body: UpdateEmergencyPlanDto,
  ): Promise<EmergencyPlanDto> {
    return this.plans.update({ principal, scope, ip }, params.id, body, new Date());
  }

  @Get('circuits/:id/emergency-plans')
  @ApiOperation({
    summary:
      'The plans for a circuit (linked to it or its end sites): shown beside a major incident.',
  })
  @ApiOkResponse({ type: [EmergencyPlanDto] })
  @ProblemResponses(400, 404)
  forCircuit(
    @CurrentScope() scope: AccessScope,
    @Param() params: IdParamDto,
  ): Promise<EmergencyPlanDto[]> {
    return this.plans.forCircuit(scope, params.id);
  }
}
