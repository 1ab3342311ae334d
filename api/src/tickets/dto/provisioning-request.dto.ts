import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';

import { ID_PATTERN } from './create-ticket.dto';

/** 自助开通: a customer asks for a change of its circuit; it becomes a provisioning ticket. */
export class ProvisioningRequestDto {
  @ApiProperty({ enum: ['temporary-bandwidth', 'bandwidth-change'] })
  @IsIn(['temporary-bandwidth', 'bandwidth-change'])
  kind!: 'temporary-bandwidth' | 'bandwidth-change';

  @ApiProperty()
  @Matches(ID_PATTERN, { message: 'circuitId must be an id' })
  circuitId!: string;

  @ApiProperty({
    example: 200_000_000,
    description: 'Requested bandwidth, bit/s (1 Mb/s to 100 Gb/s).',
  })
  @IsInt()
  @Min(1_000_000)
  @Max(100_000_000_000)
  bandwidthBps!: number;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: 'temporary-bandwidth: until when (at most 31 days).',
  })
  @IsOptional()
  @IsISO8601(
    { strict: true, strictSeparator: true },
    { message: 'until must be an ISO 8601 date-time' },
  )
  until?: string;

  @ApiPropertyOptional({ default: '' })
  @IsOptional()
  @IsString()
  @Length(0, 4000)
  description?: string;
}
