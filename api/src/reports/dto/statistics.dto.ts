import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';

const iso = (name: string) =>
  IsISO8601(
    { strict: true, strictSeparator: true },
    { message: `${name} must be an ISO 8601 date-time` },
  );

export class StatisticsQueryDto {
  @ApiProperty({ type: String, format: 'date-time' })
  @iso('from')
  from!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  @iso('to')
  to!: string;

  @ApiPropertyOptional({ description: 'One customer; default every customer in scope.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'customerId must be an id' })
  customerId?: string;
}

export class CustomerStatisticsDto {
  @ApiProperty()
  customerId!: string;

  @ApiProperty()
  customerName!: string;

  @ApiProperty()
  circuits!: number;

  @ApiProperty()
  tickets!: number;

  @ApiProperty()
  incidents!: number;

  @ApiProperty({ nullable: true, type: Number })
  mttrMinutes!: number | null;

  @ApiProperty({ nullable: true, type: Number })
  restoreCompliance!: number | null;

  @ApiProperty({ nullable: true, type: Number })
  responseCompliance!: number | null;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  ticketsByType!: Record<string, number>;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  ticketsByStatus!: Record<string, number>;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  incidentsByCause!: Record<string, number>;

  @ApiProperty({ description: 'Alarms raised on its circuits in the period.' })
  alarms!: number;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  alarmsBySeverity!: Record<string, number>;
}

export class TopTalkerDto {
  @ApiProperty()
  circuitId!: string;

  @ApiProperty()
  customerId!: string;

  @ApiProperty()
  bandwidthBps!: number;

  @ApiProperty({ description: 'Mean of in + out over the period, bit/s.' })
  meanBps!: number;

  @ApiProperty({ nullable: true, type: Number })
  p95Util!: number | null;
}

export class MttrPointDto {
  @ApiProperty({
    type: String,
    format: 'date-time',
    description: 'Start of the week (7 days from `from`).',
  })
  from!: string;

  @ApiProperty()
  resolved!: number;

  @ApiProperty({ nullable: true, type: Number })
  mttrMinutes!: number | null;
}

export class StatisticsDto {
  @ApiProperty({ type: String, format: 'date-time' })
  from!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  to!: string;

  @ApiProperty({ type: [CustomerStatisticsDto] })
  customers!: CustomerStatisticsDto[];

  @ApiProperty({
    type: CustomerStatisticsDto,
    description: 'All the customers above together (customerId `*`).',
  })
  total!: CustomerStatisticsDto;

  @ApiProperty({ type: [MttrPointDto] })
  mttrTrend!: MttrPointDto[];

  @ApiProperty({ type: [TopTalkerDto], description: 'The 10 circuits carrying most traffic.' })
  topTalkers!: TopTalkerDto[];
}
