import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import type { AccessScope } from '../auth/access-scope';
import { CurrentScope } from '../auth/current-principal.decorator';
import { IdParamDto } from '../common/params/id-param.dto';
import { ProblemResponses } from '../common/problem/problem-responses.decorator';
import { PerformanceQueryDto } from './dto/performance-query.dto';
import { PerformanceSeriesDto } from './dto/performance-series.dto';
import { PerformanceService } from './performance.service';

@ApiTags('circuits')
@ApiBearerAuth('bearer')
@ProblemResponses(401)
@Controller('circuits')
export class PerformanceController {
  constructor(private readonly performance: PerformanceService) {}

  @Get(':id/performance')
  @ApiOperation({
    summary: "Traffic, utilisation, errors and discards of the circuit's A-end WAN interface.",
    description:
      'The granularity follows the range: raw ≤ 6 h, 5m ≤ 3 days, 1h ≤ 60 days, 1d up to 400 days.',
  })
  @ApiOkResponse({ type: PerformanceSeriesDto })
  @ProblemResponses(400, 404)
  series(
    @CurrentScope() scope: AccessScope,
    @Param() params: IdParamDto,
    @Query() query: PerformanceQueryDto,
  ): Promise<PerformanceSeriesDto> {
    return this.performance.series(scope, params.id, query, new Date());
  }
}
