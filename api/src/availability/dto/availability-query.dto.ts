import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';

import { PageQueryDto } from '../../common/paging/page-query.dto';
import { IsSortSpec } from '../../common/paging/sort-spec';

const iso = (name: string) =>
  IsISO8601(
    { strict: true, strictSeparator: true },
    { message: `${name} must be an ISO 8601 date-time` },
  );

export class AvailabilityPeriodDto {
  @ApiProperty({
    type: String,
    format: 'date-time',
    description: 'Start of the period (inclusive).',
  })
  @iso('from')
  from!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    description:
      'End (exclusive), at most 400 days after `from`. A period reaching into the future is measured up to now.',
  })
  @iso('to')
  to!: string;
}

export const AVAILABILITY_SORT_FIELDS = [
  'availability',
  'unplannedDownSeconds',
  'id',
  'name',
  'slaClass',
] as const;

/** The customer and period of a per-customer report (the CSV takes no paging). */
export class CustomerAvailabilityExportQueryDto {
  @ApiPropertyOptional({
    description:
      "The customer. Customer users: their own (the default). Account managers: one of theirs (default when they have exactly one). Operator staff: required. Outside the caller's scope: 404.",
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, {
    message: 'customerId must be an id (letters, digits, . _ -)',
  })
  customerId?: string;

  @ApiProperty({ type: String, format: 'date-time' })
  @iso('from')
  from!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  @iso('to')
  to!: string;

  @ApiPropertyOptional({
    description: `Sort keys, \`-\` for descending. Fields: ${AVAILABILITY_SORT_FIELDS.join(', ')}. Default \`availability\` (worst first), then id.`,
  })
  @IsOptional()
  @IsSortSpec(AVAILABILITY_SORT_FIELDS)
  sort?: string;
}

export class CustomerAvailabilityQueryDto extends IntersectionType(
  PageQueryDto,
  CustomerAvailabilityExportQueryDto,
) {}
