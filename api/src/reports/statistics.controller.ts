import { Controller, Get, Header, Ip, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import type { AccessScope } from '../auth/access-scope';
import { CurrentPrincipal, CurrentScope } from '../auth/current-principal.decorator';
import type { VerifiedPrincipal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { ProblemResponses } from '../common/problem/problem-responses.decorator';
import { StatisticsDto, StatisticsQueryDto } from './dto/statistics.dto';
import { REPORT_ROLES } from './report-jobs';
import { StatisticsService } from './statistics.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('reports')
@ApiBearerAuth('bearer')
@ProblemResponses(401)
@Controller('statistics')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @Get()
  @Roles(...REPORT_ROLES)
  @ApiOperation({
    summary: 'Service and performance statistics per customer in scope and in total.',
  })
  @ApiOkResponse({ type: StatisticsDto })
  @ProblemResponses(400, 403, 404)
  get(
    @CurrentScope() scope: AccessScope,
    @Query() query: StatisticsQueryDto,
  ): Promise<StatisticsDto> {
    return this.statistics.compute(scope, query, new Date());
  }

  @Get('csv')
  @Roles(...REPORT_ROLES)
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The per-customer statistics as CSV (audited as statistics.export).' })
  @ApiOkResponse({ schema: { type: 'string' } })
  @ProblemResponses(400, 403, 404)
  async csv(
    @CurrentPrincipal() principal: VerifiedPrincipal,
    @CurrentScope() scope: AccessScope,
    @Ip() ip: string,
    @Query() query: StatisticsQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const file = await this.statistics.export({ principal, scope, ip }, query, 'csv', new Date());
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    return file.body.toString('utf8');
  }

  @Get('xlsx')
  @Roles(...REPORT_ROLES)
  @ApiProduces(XLSX)
  @ApiOperation({
    summary: 'The statistics as an Excel workbook: customers, MTTR trend, top talkers (audited).',
  })
  @ApiOkResponse({ content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } })
  @ProblemResponses(400, 403, 404)
  async xlsx(
    @CurrentPrincipal() principal: VerifiedPrincipal,
    @CurrentScope() scope: AccessScope,
    @Ip() ip: string,
    @Query() query: StatisticsQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.statistics.export({ principal, scope, ip }, query, 'xlsx', new Date());
    res.setHeader('Content-Type', XLSX);
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    return new StreamableFile(file.body);
  }
}
