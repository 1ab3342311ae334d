import { Module } from '@nestjs/common';

import { AvailabilityModule } from '../availability/availability.module';
import { InspectionReportBuilder } from './inspection-report.builder';
import { ReportDataRepository } from './report-data.repository';
import { ReportPdfRenderer } from './report-pdf.renderer';
import { ReportsController } from './reports.controller';
import { ReportsProcessor } from './reports.processor';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';
import { StatisticsController } from './statistics.controller';
import { StatisticsService } from './statistics.service';
import { MongoTicketFactsReader, TICKET_FACTS } from './ticket-facts.reader';
import { VipReportBuilder } from './vip-report.builder';

/** VIP/SLA and inspection reports: jobs on the job-queue port, PDFs, monthly schedules. */
@Module({
  imports: [AvailabilityModule],
  controllers: [ReportsController, StatisticsController],
  providers: [
    ReportsRepository,
    ReportDataRepository,
    ReportsService,
    ReportsProcessor,
    VipReportBuilder,
    InspectionReportBuilder,
    ReportPdfRenderer,
    StatisticsService,
    { provide: TICKET_FACTS, useClass: MongoTicketFactsReader },
  ],
  exports: [ReportsService, ReportDataRepository, ReportPdfRenderer],
})
export class ReportsModule {}
