import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

export class PerformanceQueryDto {
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: 'Start (inclusive); default `to` − 24 h.',
  })
  @IsOptional()
  @IsISO8601(
    { strict: true, strictSeparator: true },
    { message: 'from must be an ISO 8601 date-time' },
  )
  from?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: 'End (exclusive); default now. At most 400 days after `from`.',
  })
  @IsOptional()
  @IsISO8601(
    { strict: true, strictSeparator: true },
    { message: 'to must be an ISO 8601 date-time' },
  )
  to?: string;
}
