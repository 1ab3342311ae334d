import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Ip,
  Param,
  Patch,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';

import type { AccessScope } from '../auth/access-scope';
import { CurrentPrincipal, CurrentScope } from '../auth/current-principal.decorator';
import type { VerifiedPrincipal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { IdParamDto } from '../common/params/id-param.dto';
import { ProblemResponses } from '../common/problem/problem-responses.decorator';
import {
  CreateReportDto,
  CreateReportScheduleDto,
  ReportListQueryDto,
  ScheduleListQueryDto,
  UpdateReportScheduleDto,
} from './dto/report-request.dto';
import {
  ReportDto,
  ReportPageDto,
  ReportScheduleDto,
  ReportSchedulePageDto,
} from './dto/report.dto';
import { REPORT_ROLES, SCHEDULE_ROLES } from './report-jobs';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@ApiBearerAuth('bearer')
@ProblemResponses(401)
@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post('reports')
  @HttpCode(202)
  @Roles(...REPORT_ROLES)
  @ApiOperation({
    summary: 'Ask for a report of one customer over any period; returns the queued job.',
    description:
      'Customer admins (their customer), account managers (assigned customers), operator staff. The job runs on a bull queue; poll GET /reports/{id} for state and progress.',
  })
  @ApiAcceptedResponse({ type: ReportDto })
  @ProblemResponses(400, 403, 404)
  create(
    @CurrentPrincipal() principal: VerifiedPrincipal,
    @CurrentScope() scope: AccessScope,
    @Ip() ip: string,
    @Body() body: CreateReportDto,
  ): Promise<ReportDto> {
    return this.reports.request({ principal, scope, ip }, body, new Date());
  }

  @Get('reports')
  @Roles(...REPORT_ROLES)
  @ApiOperation({ summary: 'Reports of the customers in scope, newest first (without figures).' })
  @ApiOkResponse({ type: ReportPageDto })
  @ProblemResponses(400, 403)
  list(
    @CurrentScope() scope: AccessScope,
    @Query() query: ReportListQueryDto,
  ): Promise<ReportPageDto> {
    return this.reports.list(scope, query);
  }

  @Get('reports/:id')
  @Roles(...REPORT_ROLES)
  @ApiOperation({
    summary: 'One report: state, progress and, once done, its figures for the screen.',
  })
  @ApiOkResponse({ type: ReportDto })
  @ProblemResponses(400, 403, 404)
  detail(@CurrentScope() scope: AccessScope, @Param() params: IdParamDto): Promise<ReportDto> {
    return this.reports.detail(scope, params.id);
  }

  @Get('reports/:id/pdf')
  @Roles(...REPORT_ROLES)
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The report as PDF (audited as report.export); 409 until it is done.' })
  @ApiOkResponse({
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ProblemResponses(400, 403, 404, 409)
  async pdf(
    @CurrentPrincipal() principal: VerifiedPrincipal,
    @CurrentScope() scope: AccessScope,
    @Ip() ip: string,
    @Param() params: IdParamDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.reports.pdf({ principal, scope, ip }, params.id);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Length', String(file.bytes));
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(file.stream);
  }

  @Post('report-schedules')
  @Roles(...SCHEDULE_ROLES)
  @ApiOperation({
    summary: "A monthly schedule: on `dayOfMonth` (UTC+8), last month's report is made and mailed.",
  })
  @ApiCreatedResponse({ type: ReportScheduleDto })
  @ProblemResponses(400, 403, 404)
  createSchedule(
    @CurrentPrincipal() principal: VerifiedPrincipal,
    @CurrentScope() scope: AccessScope,
    @Ip() ip: string,
    @Body() body: CreateReportScheduleDto,
  ): Promise<ReportScheduleDto> {
    return this.reports.createSchedule({ principal, scope, ip }, body, new Date());
  }

  @Get('report-schedules')
  @Roles(...SCHEDULE_ROLES)
  @ApiOperation({ summary: 'Monthly schedules of the customers in scope.' })
  @ApiOkResponse({ type: ReportSchedulePageDto })
  @ProblemResponses(400, 403)
  listSchedules(
    @CurrentScope() scope: AccessScope,
    @Query() query: ScheduleListQueryDto,
  ): Promise<ReportSchedulePageDto> {
    return this.reports.listSchedules(scope, query);
  }

  @Get('report-schedules/:id')
  @Roles(...SCHEDULE_ROLES)
  @ApiOperation({ summary: 'One monthly schedule.' })
  @ApiOkResponse({ type: ReportScheduleDto })
  @ProblemResponses(400, 403, 404)
  schedule(
    @CurrentScope() scope: AccessScope,
    @Param() params: IdParamDto,
  ): Promise<ReportScheduleDto> {
    return this.reports.schedule(scope, params.id);
  }

  @Patch('report-schedules/:id')
  @Roles(...SCHEDULE_ROLES)
  @ApiOperation({ summary: 'Change recipients, day, language, or pause it.' })
  @ApiOkResponse({ type: ReportScheduleDto })
  @ProblemResponses(400, 403, 404)
  updateSchedule(
    @CurrentPrincipal() principal: VerifiedPrincipal,
    @CurrentScope() scope: AccessScope,
    @Ip() ip: string,
    @Param() params: IdParamDto,
    @Body() body: UpdateReportScheduleDto,
  ): Promise<ReportScheduleDto> {
    return this.reports.updateSchedule({ principal, scope, ip }, params.id, body, new Date());
  }

  @Delete('report-schedules/:id')
  @HttpCode(204)
  @Roles(...SCHEDULE_ROLES)
  @ApiOperation({ summary: 'Remove a schedule (reports already made stay).' })
  @ApiNoContentResponse()
  @ProblemResponses(400, 403, 404)
  async deleteSchedule(
    @CurrentPrincipal() principal: VerifiedPrincipal,
    @CurrentScope() scope: AccessScope,
    @Ip() ip: string,
    @Param() params: IdParamDto,
  ): Promise<void> {
    await this.reports.deleteSchedule({ principal, scope, ip }, params.id);
  }
}
