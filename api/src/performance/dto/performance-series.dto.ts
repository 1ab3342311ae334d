import { ApiProperty } from '@nestjs/swagger';

import type { SeriesSource } from '../granularity-choice';

export class InterfaceRefDto {
  @ApiProperty()
  deviceId!: string;

  @ApiProperty()
  ifIndex!: number;
}

/**
 * One point of the series. Rates in bit/s; utilisation as a fraction of the
 * circuit's bandwidth (1 = 100 %). On raw points max and p95 equal the value itself.
 */
export class PerformancePointDto {
  @ApiProperty({
    type: String,
    format: 'date-time',
    description: 'Sample time (raw) or bucket start.',
  })
  t!: string;

  @ApiProperty()
  inBps!: number;

  @ApiProperty()
  outBps!: number;

  @ApiProperty()
  inUtil!: number;

  @ApiProperty()
  outUtil!: number;

  @ApiProperty()
  inBpsMax!: number;

  @ApiProperty()
  outBpsMax!: number;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'From the bucket histogram: within ±2.5 %.',
  })
  inBpsP95!: number | null;

  @ApiProperty({ nullable: true, type: Number })
  outBpsP95!: number | null;

  @ApiProperty({ description: 'Input + output errors per second.' })
  errorsPerSec!: number;

  @ApiProperty({ description: 'Input + output discards per second.' })
  discardsPerSec!: number;
}

export class PerformanceSeriesDto {
  @ApiProperty()
  circuitId!: string;

  @ApiProperty({
    type: InterfaceRefDto,
    description: 'The A-end WAN interface the series is measured on.',
  })
  interface!: InterfaceRefDto;

  @ApiProperty({
    enum: ['raw', '5m', '1h', '1d'],
    description: 'raw ≤ 6 h, 5m ≤ 3 days, 1h ≤ 60 days, else 1d.',
  })
  granularity!: SeriesSource;

  @ApiProperty({ description: 'Bandwidth the utilisation refers to, in bit/s.' })
  bandwidthBps!: number;

  @ApiProperty({ type: String, format: 'date-time' })
  from!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  to!: string;

  @ApiProperty({ type: [PerformancePointDto] })
  points!: PerformancePointDto[];
}
