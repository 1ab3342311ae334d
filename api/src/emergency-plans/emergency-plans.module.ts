import { Module } from '@nestjs/common';

import { EmergencyPlansController } from './emergency-plans.controller';
import { EmergencyPlansRepository } from './emergency-plans.repository';
import { EmergencyPlansService } from './emergency-plans.service';

/** Emergency plans (应急预案): versioned, per customer, found by circuit beside an incident. */
@Module({
  controllers: [EmergencyPlansController],
  providers: [EmergencyPlansRepository, EmergencyPlansService],
  exports: [EmergencyPlansService],
})
export class EmergencyPlansModule {}
