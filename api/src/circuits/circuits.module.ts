import { Module } from '@nestjs/common';

import { AlarmsModule } from '../alarms/alarms.module';
import { CircuitsController } from './circuits.controller';
import { CircuitsRepository } from './circuits.repository';
import { CircuitsService } from './circuits.service';

@Module({
  imports: [AlarmsModule],
  controllers: [CircuitsController],
  providers: [CircuitsRepository, CircuitsService],
  exports: [CircuitsRepository],
})
export class CircuitsModule {}
