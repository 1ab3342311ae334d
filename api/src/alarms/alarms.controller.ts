import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Ip,
  Param,
  Post,
  Query,
} from '@nestjs/common';
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
import { AlarmOperationsService, type OperationContext } from './alarm-operations.service';
import { AlarmsService } from './alarms.service';
import { AlarmListQueryDto } from './dto/alarm-list-query.dto';
import { AlarmCommentInputDto, AlarmDetailDto, AlarmPageDto } from './dto/alarm.dto';

@ApiTags('alarms')
@ApiBearerAuth('bearer')
@ProblemResponses(401)
@Controller('alarms')
export class AlarmsController {
  constructor(
    private readonly alarms: AlarmsService,
    private readonly operations: AlarmOperationsService,
  ) {}

  @Get()
  @ApiOperation({ summary: "Alarms (TMF642 fields) touching the caller's scope, newest first." })
  @ApiOkResponse({ type: AlarmPageDto })
  @ProblemResponses(400)
  list(
    @CurrentScope() scope: AccessScope,
    @Query() query: AlarmListQueryDto,
  ): Promise<AlarmPageDto> {
    return this.alarms.list(scope, query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One alarm with its root-cause and correlated alarms (those the caller may see).',
  })
  @ApiOkResponse({ type: AlarmDetailDto })
  @ProblemResponses(400, 404)
  detail(@CurrentScope() scope: AccessScope, @Param() params: IdParamDto): Promise<AlarmDetailDto> {
    return this.alarms.detail(scope, params.id);
  }

  @Post(':id/acknowledge')
  @HttpCode(HttpStatus.OK)
  @Roles(...OPERATOR_ROLES)
  @ApiOperation({ summary: 'Acknowledge (TMF642 ackState). Idempotent. NOC only.' })
  @ApiOkResponse({ type: AlarmDetailDto })
  @ProblemResponses(400, 403, 404, 409)
  acknowledge(
    @CurrentPrincipal() principal: VerifiedPrincipal,
    @CurrentScope() scope: AccessScope,
    @Ip() ip: string,
    @Param() params: IdParamDto,
  ): Promise<AlarmDetailDto> {
    return this.operations.acknowledge(context(principal, scope, ip), params.id);
  }

  @Post(':id/unacknowledge')
  @HttpCode(HttpStatus.OK)
  @Roles(...OPERATOR_ROLES)
  @ApiOperation({
    summary:
      'Withdraw an acknowledgement. Idempotent; 409 once cleared and acknowledged. NOC only.',
  })
  @ApiOkResponse({ type: AlarmDetailDto })
  @ProblemResponses(400, 403, 404, 409)
  unacknowledge(
    @CurrentPrincipal() principal: VerifiedPrincipal,
    @CurrentScope() scope: AccessScope,
    @Ip() ip: string,
    @Param() params: IdParamDto,
  ): Promise<AlarmDetailDto> {
    return this.operations.unacknowledge(context(principal, scope, ip), params.id);
  }

  @Post(':id/comments')
  @Roles(...OPERATOR_ROLES)
  @ApiOperation({ summary: 'Add an operator comment (TMF642 comment). NOC only.' })
  @ApiCreatedResponse({ type: AlarmDetailDto })
  @ProblemResponses(400, 403, 404, 409)
  comment(
    @CurrentPrincipal() principal: VerifiedPrincipal,
    @CurrentScope() scope: AccessScope,
    @Ip() ip: string,
    @Param() params: IdParamDto,
    @Body() body: AlarmCommentInputDto,
  ): Promise<AlarmDetailDto> {
    return this.operations.comment(context(principal, scope, ip), params.id, body.comment);
  }

  @Post(':id/clear')
  @HttpCode(HttpStatus.OK)
  @Roles(...OPERATOR_ROLES)
  @ApiOperation({
    summary:
      'Clear by hand (TMF642 clearUserId); the circuits are re-derived. Idempotent. NOC only.',
  })
  @ApiOkResponse({ type: AlarmDetailDto })
  @ProblemResponses(400, 403, 404, 409)
  clear(
    @CurrentPrincipal() principal: VerifiedPrincipal,
    @CurrentScope() scope: AccessScope,
    @Ip() ip: string,
    @Param() params: IdParamDto,
  ): Promise<AlarmDetailDto> {
    return this.operations.clear(context(principal, scope, ip), params.id);
  }
}

function context(principal: VerifiedPrincipal, scope: AccessScope, ip: string): OperationContext {
  return { principal, scope, ip: ip || null };
}
