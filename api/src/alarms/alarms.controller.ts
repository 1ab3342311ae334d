import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import type { AccessScope } from '../auth/access-scope';
import { CurrentScope } from '../auth/current-principal.decorator';
import { ProblemResponses } from '../common/problem/problem-responses.decorator';
import { AlarmsService } from './alarms.service';
import { AlarmListQueryDto } from './dto/alarm-list-query.dto';
import { AlarmPageDto } from './dto/alarm.dto';

@ApiTags('alarms')
@ApiBearerAuth('bearer')
@ProblemResponses(401)
@Controller('alarms')
export class AlarmsController {
  constructor(private readonly alarms: AlarmsService) {}

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
}
