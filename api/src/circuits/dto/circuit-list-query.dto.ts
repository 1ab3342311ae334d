import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

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
] as const;

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
