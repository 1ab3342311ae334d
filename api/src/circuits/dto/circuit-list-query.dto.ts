import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';

import type { CircuitState, ProductKind } from '@circuitcare/topology';

import { PageQueryDto } from '../../common/paging/page-query.dto';
import { IsSortSpec } from '../../common/paging/sort-spec';

export const PRODUCT_KINDS: readonly ProductKind[] = [
  'leased-line',
  'mpls-vpn',
  'internet',
  'vpdn',
];
export const CIRCUIT_STATES: readonly CircuitState[] = ['up', 'degraded', 'down'];
export const CIRCUIT_SORT_FIELDS = [
  'id',
  'name',
  'product',
  'state',
  'stateSince',
  'bandwidthBps',
  'slaClass',
  'customerId',
  'orgUnitId',
] as const;

const ID = /^[A-Za-z0-9._:-]{1,128}$/;
const MAX_BPS = 1e12;

export class CircuitListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PRODUCT_KINDS })
  @IsOptional()
  @IsIn(PRODUCT_KINDS)
  product?: ProductKind;

  @ApiPropertyOptional({ enum: CIRCUIT_STATES })
  @IsOptional()
  @IsIn(CIRCUIT_STATES)
  state?: CircuitState;

  @ApiPropertyOptional({
    description:
      "Narrows to one customer. It never widens the caller's scope: a customer user asking for another customer gets an empty page.",
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, {
    message: 'customerId must be an id (letters, digits, . _ -)',
  })
  customerId?: string;

  @ApiPropertyOptional({ description: 'Circuits with an end (A or Z) at this site.' })
  @IsOptional()
  @Matches(ID, { message: 'siteId must be an id (letters, digits, . _ : -)' })
  siteId?: string;

  @ApiPropertyOptional({
    description:
      "Circuits of this org unit and every unit below it. AND-ed with the caller's scope: a unit outside it gives an empty page.",
  })
  @IsOptional()
  @Matches(ID, { message: 'orgUnitId must be an id (letters, digits, . _ : -)' })
  orgUnitId?: string;

  @ApiPropertyOptional({ description: 'Contracted bandwidth at least this, in bit/s.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_BPS)
  bandwidthMin?: number;

  @ApiPropertyOptional({ description: 'Contracted bandwidth at most this, in bit/s.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_BPS)
  bandwidthMax?: number;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'true: circuits with a raised alarm (activeAlarmCount > 0); false: without.',
  })
  @IsOptional()
  // Query strings are text; only the two literal spellings are booleans, anything else fails validation.
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean({ message: 'hasAlarm must be true or false' })
  hasAlarm?: boolean;

  @ApiPropertyOptional({ description: 'Case-insensitive search in the circuit id and name.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({
    description: `Comma-separated sort keys, \`-\` for descending. Fields: ${CIRCUIT_SORT_FIELDS.join(', ')}.`,
    example: 'state,-bandwidthBps',
  })
  @IsOptional()
  @IsSortSpec(CIRCUIT_SORT_FIELDS)
  sort?: string;
}
