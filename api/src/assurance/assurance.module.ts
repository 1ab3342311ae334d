import { Module } from '@nestjs/common';

import { ReportsModule } from '../reports/reports.module';
import { AssuranceController } from './assurance.controller';
import { AssuranceProcessor } from './assurance.processor';
import { AssuranceRepository } from './assurance.repository';
import { AssuranceService } from './assurance.service';

/** Key-period assurance (重保): requests, NOC approval, overrides, notices, dashboard, report. */
@Module({
  imports: [ReportsModule],
  controllers: [AssuranceController],
  providers: [AssuranceRepository, AssuranceService, AssuranceProcessor],
  exports: [AssuranceService],
})
export class AssuranceModule {}
