import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';

import { PageQueryDto } from '../../common/paging/page-query.dto';

const ID = /^[A-Za-z0-9._:@-]{1,128}$/;

export class AuditTargetDto {
  @ApiProperty({ example: 'user' })
  type!: string;

  @ApiProperty()
  id!: string;
}

export class AuditEntryDto {
  @ApiProperty()
  id!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  at!: string;

  @ApiProperty({ type: String, nullable: true, description: 'User id; null for anonymous events.' })
  actorId!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Username (or the name typed at a failed login).',
  })
  actorName!: string | null;

  @ApiProperty({ type: String, nullable: true })
  actorRole!: string | null;

  @ApiProperty({ example: 'auth.login' })
  action!: string;

  @ApiProperty({ type: String, nullable: true })
  customerId!: string | null;

  @ApiProperty({ type: AuditTargetDto, nullable: true })
  target!: AuditTargetDto | null;

  @ApiProperty({ enum: ['success', 'failure'] })
  outcome!: 'success' | 'failure';

  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
  })
  detail!: Record<string, string | number | boolean | null>;

  @ApiProperty({ type: String, nullable: true })
  ip!: string | null;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] })
  items!: AuditEntryDto[];

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;

  @ApiProperty()
  total!: number;
}

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'auth.login.failed' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9.-]{0,99}$/, { message: 'action must be a dotted action name' })
  action?: string;

  @ApiPropertyOptional({ description: 'Actor user id.' })
  @IsOptional()
  @Matches(ID, { message: 'actorId must be an id' })
  actorId?: string;

  @ApiPropertyOptional({ description: 'Actor username (or name typed at login).' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._@-]{1,100}$/, { message: 'actor must be a username' })
  actor?: string;

  @ApiPropertyOptional({ enum: ['success', 'failure'] })
  @IsOptional()
  @IsIn(['success', 'failure'])
  outcome?: 'success' | 'failure';

  @ApiPropertyOptional({ example: 'user' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{0,49}$/, { message: 'targetType must be a type name' })
  targetType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(ID, { message: 'targetId must be an id' })
  targetId?: string;

  @ApiPropertyOptional({ description: 'Narrows to one customer (within the scope).' })
  @IsOptional()
  @Matches(ID, { message: 'customerId must be an id' })
  customerId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Inclusive.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date-time' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Exclusive.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date-time' })
  to?: string;
}
