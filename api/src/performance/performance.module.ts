import { Module } from '@nestjs/common';

import { PerformanceController } from './performance.controller';
import { PerformanceRepository } from './performance.repository';
import { PerformanceService } from './performance.service';

@Module({
  controllers: [PerformanceController],
  providers: [PerformanceRepository, PerformanceService],
})
export class PerformanceModule {}
