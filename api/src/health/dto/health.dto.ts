import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DependencyStatusDto {
  @ApiProperty({ enum: ['up', 'down'] })
  status!: 'up' | 'down';

  @ApiProperty({ description: 'Time the probe took, in milliseconds.' })
  latencyMs!: number;

  @ApiPropertyOptional()
  error?: string;
}

export class HealthChecksDto {
  @ApiProperty({ type: DependencyStatusDto })
  kafka!: DependencyStatusDto;

  @ApiProperty({ type: DependencyStatusDto })
  mongodb!: DependencyStatusDto;

  @ApiProperty({ type: DependencyStatusDto })
  redis!: DependencyStatusDto;
}

export class HealthDto {
  @ApiProperty({ enum: ['up', 'down'], description: 'up only when every check is up.' })
  status!: 'up' | 'down';

  @ApiProperty({ type: HealthChecksDto })
  checks!: HealthChecksDto;
}
