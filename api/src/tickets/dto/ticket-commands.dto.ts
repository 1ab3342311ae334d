import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
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

import {
  PROVISIONING_STAGES,
  type ProvisioningStageName,
  TICKET_PRIORITIES,
  TICKET_SEVERITIES,
  TICKET_STATUSES,
  type TicketPriority,
  type TicketSeverity,
  type TicketStatus,
} from '../ticket.document';
import { ID_PATTERN } from './create-ticket.dto';

/** The version the client last read: a change against an older one is refused (409). */
export class VersionedDto {
  @ApiPropertyOptional({
    description:
      'The ticket version the change is based on; or send `If-Match: "<version>"` (412 when stale).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class TransitionDto extends VersionedDto {
  @ApiProperty({ enum: TICKET_STATUSES })
  @IsIn(TICKET_STATUSES)
  status!: TicketStatus;

  @ApiPropertyOptional({
    description: 'Why (required for pending, resolved, reopened, cancelled, rejected); public.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

export class PatchTicketDto extends VersionedDto {
  @ApiPropertyOptional({ enum: TICKET_PRIORITIES })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority;

  @ApiPropertyOptional({ enum: TICKET_SEVERITIES })
  @IsOptional()
  @IsIn(TICKET_SEVERITIES)
  severity?: TicketSeverity;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  description?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @IsISO8601(
    { strict: true, strictSeparator: true },
    { message: 'expectedResolutionDate must be an ISO 8601 date-time' },
  )
  expectedResolutionDate?: string;

  @ApiPropertyOptional({ description: 'Move to another team queue.' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'teamId must be an id' })
  teamId?: string;
}

export class NoteDto {
  @ApiProperty()
  @IsString()
  @Length(1, 4000)
  text!: string;

  @ApiPropertyOptional({
    enum: ['public', 'internal'],
    default: 'public',
    description: 'Customers write public notes only.',
  })
  @IsOptional()
  @IsIn(['public', 'internal'])
  visibility?: 'public' | 'internal';
}

export class DispatchDto extends VersionedDto {
  @ApiProperty({ description: 'Team taking the ticket.' })
  @Matches(ID_PATTERN, { message: 'teamId must be an id' })
  teamId!: string;

  @ApiPropertyOptional({
    description: 'Field engineer (a member of the team); omit to leave it to the team.',
  })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'engineerUserId must be an id' })
  engineerUserId?: string;

  @ApiPropertyOptional({ description: 'Why (reassignment); internal.' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

export class MergeDto extends VersionedDto {
  @ApiProperty({ description: 'The ticket this one duplicates; this one is cancelled into it.' })
  @Matches(ID_PATTERN, { message: 'targetId must be an id' })
  targetId!: string;
}

export class LinkAlarmDto {
  @ApiProperty()
  @Matches(ID_PATTERN, { message: 'alarmId must be an id' })
  alarmId!: string;

  @ApiPropertyOptional({ default: false, description: 'The root-cause alarm of the ticket.' })
  @IsOptional()
  @IsBoolean()
  rootCause?: boolean;
}

export class FieldReportInputDto {
  @ApiProperty({ enum: ['arrival', 'progress', 'cause'] })
  @IsIn(['arrival', 'progress', 'cause'])
  kind!: 'arrival' | 'progress' | 'cause';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  text?: string;

  @ApiPropertyOptional({ example: 'FIBER_CUT', description: 'Cause code (kind cause).' })
  @IsOptional()
  @Matches(/^[A-Z0-9_]{2,40}$/, { message: 'causeCode must be upper-case letters, digits and _' })
  causeCode?: string;

  @ApiPropertyOptional({ example: 'SPLICE', description: 'Fix code (kind cause).' })
  @IsOptional()
  @Matches(/^[A-Z0-9_]{2,40}$/, { message: 'fixCode must be upper-case letters, digits and _' })
  fixCode?: string;
}

export class StageUpdateDto extends VersionedDto {
  @ApiProperty({ enum: PROVISIONING_STAGES })
  @IsIn(PROVISIONING_STAGES)
  stage!: ProvisioningStageName;

  @ApiProperty({ enum: ['inProgress', 'done', 'skipped'] })
  @IsIn(['inProgress', 'done', 'skipped'])
  status!: 'inProgress' | 'done' | 'skipped';
}

export class SatisfactionInputDto {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  rating!: 1 | 2 | 3 | 4 | 5;

  @ApiPropertyOptional({ default: '' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  comment?: string;
}
