import { Module } from '@nestjs/common';

import { HealthProbes } from './health-probes';
import { HealthController } from './health.controller';

@Module({
  controllers: [HealthController],
  providers: [HealthProbes],
})
export class HealthModule {}
