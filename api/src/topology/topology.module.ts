import { Module } from '@nestjs/common';

import { TopologyController } from './topology.controller';
import { TopologyRepository } from './topology.repository';
import { TopologyService } from './topology.service';

/** Customer and circuit topology, fault location and impact over @circuitcare/topology. */
@Module({
  controllers: [TopologyController],
  providers: [TopologyRepository, TopologyService],
  exports: [TopologyRepository, TopologyService],
})
export class TopologyModule {}
