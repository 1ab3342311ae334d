import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';

import { PageQueryDto } from '../../common/paging/page-query.dto';
import { IsSortSpec } from '../../common/paging/sort-spec';
import type { MaintenanceStatus } from '../../database/documents';
import { MAINTENANCE_STATUSES } from './maintenance-window.dto';

export const MAINTENANCE_SORT_FIELDS = ['start', 'end', 'createdAt', 'status', 'id'] as const;

export class MaintenanceListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: MAINTENANCE_STATUSES })
  @IsOptional()
  @IsIn(MAINTENANCE_STATUSES)
  status?: MaintenanceStatus;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: 'Windows ending after this instant.',
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
    description: 'Windows starting before this instant.',
  })
  @IsOptional()
  @IsISO8601(
    { strict: true, strictSeparator: true },
    { message: 'to must be an ISO 8601 date-time' },
  )
  to?: string;

  @ApiPropertyOptional({ description: 'Windows affecting this circuit (empty if not in scope).' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._:-]{1,128}$/, { message: 'circuitId must be an id' })
  circuitId?: string;

  @ApiPropertyOptional({
    description: `Sort keys, \`-\` for descending. Fields: ${MAINTENANCE_SORT_FIELDS.join(', ')}. Default \`-start\`.`,
  })
  @IsOptional()
  @IsSortSpec(MAINTENANCE_SORT_FIELDS)
  sort?: string;
}
