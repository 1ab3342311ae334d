import { Module } from '@nestjs/common';

import { AlarmsController } from './alarms.controller';
import { AlarmsRepository } from './alarms.repository';
import { AlarmsService } from './alarms.service';

@Module({
  controllers: [AlarmsController],
  providers: [AlarmsRepository, AlarmsService],
  exports: [AlarmsRepository],
})
export class AlarmsModule {}
