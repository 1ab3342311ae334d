import { Module } from '@nestjs/common';

import { AlarmOperationsService } from './alarm-operations.service';
import { AlarmsController } from './alarms.controller';
import { AlarmsRepository } from './alarms.repository';
import { AlarmsService } from './alarms.service';

@Module({
  controllers: [AlarmsController],
  providers: [AlarmsRepository, AlarmsService, AlarmOperationsService],
  exports: [AlarmsRepository],
})
export class AlarmsModule {}
