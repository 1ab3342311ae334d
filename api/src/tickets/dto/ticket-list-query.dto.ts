import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';

import { PageQueryDto } from '../../common/paging/page-query.dto';
import { IsSortSpec } from '../../common/paging/sort-spec';
import {
  TICKET_STATUSES,
  TICKET_TYPES,
  type TicketStatus,
  type TicketType,
} from '../ticket.document';
import { ID_PATTERN } from './create-ticket.dto';

export const TICKET_SORT_FIELDS = [
  'creationDate',
  'lastUpdate',
  'priority',
  'status',
  'restoreDueAt',
  'id',
] as const;

export class TicketListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description:
      'Comma-separated statuses, or `open` for acknowledged,inProgress,pending,reopened.',
    example: 'open',
  })
  @IsOptional()
  @Matches(/^(open|[a-zA-Z]+(,[a-zA-Z]+)*)$/, {
    message: 'status must be statuses separated by commas, or open',
  })
  status?: string;

  @ApiPropertyOptional({ enum: TICKET_TYPES })
  @IsOptional()
  @IsIn(TICKET_TYPES)
  ticketType?: TicketType;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'customerId must be an id' })
  customerId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'circuitId must be an id' })
  circuitId?: string;

  @ApiPropertyOptional({ description: 'Team queue.' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'teamId must be an id' })
  teamId?: string;

  @ApiPropertyOptional({ description: 'Region (city of the A-end site).' })
  @IsOptional()
  @Matches(/^[\p{L}\p{N} ._-]{1,64}$/u, { message: 'region must be a name' })
  region?: string;

  @ApiPropertyOptional({ description: 'Only tickets whose restore target was missed.' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean()
  breached?: boolean;

  @ApiPropertyOptional({
    description: `Sort keys, \`-\` for descending: ${TICKET_SORT_FIELDS.join(', ')}. Default \`-creationDate\`.`,
  })
  @IsOptional()
  @IsSortSpec(TICKET_SORT_FIELDS)
  sort?: string;
}

export function parseStatusFilter(
  value: string | undefined,
): TicketStatus[] | 'invalid' | undefined {
  if (!value) return undefined;
  if (value === 'open') return ['acknowledged', 'inProgress', 'pending', 'reopened'];
  const list = value.split(',');
  return list.every((s) => (TICKET_STATUSES as readonly string[]).includes(s))
    ? (list as TicketStatus[])
    : 'invalid';
}
