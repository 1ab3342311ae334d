import { Controller, Get, Header, Ip, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import type { AccessScope } from '../auth/access-scope';
import { CurrentPrincipal, CurrentScope } from '../auth/current-principal.decorator';
import type { VerifiedPrincipal } from '../auth/principal';
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

  @Get(':id/performance.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary: 'The same series as CSV (audited as performance.export).',
    description:
      'Columns: time_utc, in_bps, out_bps, in_util_ratio, out_util_ratio, in_max_bps, out_max_bps, in_p95_bps, out_p95_bps, errors_per_s, discards_per_s. Sent as an attachment.',
  })
  @ApiOkResponse({ schema: { type: 'string' }, description: 'CSV with a header row.' })
  @ProblemResponses(400, 404)
  async csv(
    @CurrentPrincipal() principal: VerifiedPrincipal,
    @CurrentScope() scope: AccessScope,
    @Ip() ip: string,
    @Param() params: IdParamDto,
    @Query() query: PerformanceQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const file = await this.performance.exportCsv(
      { principal, scope, ip },
      params.id,
      query,
      new Date(),
    );
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    return file.body;
  }
}
