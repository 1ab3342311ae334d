import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';

import { Public } from '../auth/public.decorator';
import { HealthDto } from './dto/health.dto';
import { HealthProbes } from './health-probes';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly probes: HealthProbes) {}

  @Public()
  @Get()
  @ApiOperation({
    summary:
      'Kafka, MongoDB and Redis reachability. Public, for load balancers and the demo runner.',
  })
  @ApiOkResponse({ type: HealthDto, description: 'Every dependency is up.' })
  @ApiServiceUnavailableResponse({
    type: HealthDto,
    description: 'At least one dependency is down.',
  })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthDto> {
    const [kafka, mongodb, redis] = await Promise.all([
      this.probes.kafkaCluster(),
      this.probes.mongodb(),
      this.probes.redisPing(),
    ]);
    const up = kafka.status === 'up' && mongodb.status === 'up' && redis.status === 'up';
    res.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    res.setHeader('Cache-Control', 'no-store');
    return { status: up ? 'up' : 'down', checks: { kafka, mongodb, redis } };
  }
}
