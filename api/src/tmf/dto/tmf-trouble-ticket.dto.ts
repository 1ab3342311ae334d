import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

import {
  TICKET_PRIORITIES,
  TICKET_SEVERITIES,
  TICKET_STATUSES,
} from '../../tickets/ticket.document';

const ID = /^[A-Za-z0-9._:-]{1,128}$/;

export class TmfRelatedEntityRefDto {
  @ApiProperty() @Matches(ID, { message: 'id must be an id' }) id!: string;
  @ApiProperty({ name: '@referredType', enum: ['Circuit', 'Site'] })
  @IsIn(['Circuit', 'Site'])
  '@referredType'!: 'Circuit' | 'Site';
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(0, 64) role?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(0, 200) name?: string;
  @ApiPropertyOptional({ name: '@type' }) @IsOptional() @IsString() @Length(0, 64) '@type'?: string;
}

export class TmfNoteInputDto {
  @ApiProperty() @IsString() @Length(1, 4000) text!: string;
  @ApiPropertyOptional({ name: '@type' }) @IsOptional() @IsString() @Length(0, 64) '@type'?: string;
}

/** TMF621 TroubleTicket_Create, as far as CircuitCare maps it. */
export class TmfTroubleTicketCreateDto {
  @ApiProperty({ example: 'Outlet offline since 09:10' })
  @IsString()
  @Length(1, 4000)
  description!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) name?: string;
  @ApiProperty({ enum: ['fault', 'changeRequest', 'complaint'] })
  @IsIn(['fault', 'changeRequest', 'complaint'])
  ticketType!: 'fault' | 'changeRequest' | 'complaint';
  @ApiPropertyOptional({
    enum: TICKET_SEVERITIES,
    description: 'Faults: critical = down, major = degraded, minor = intermittent.',
  })
  @IsOptional()
  @IsIn(TICKET_SEVERITIES)
  severity?: (typeof TICKET_SEVERITIES)[number];
  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @IsISO8601(
    { strict: true, strictSeparator: true },
    { message: 'requestedResolutionDate must be an ISO 8601 date-time' },
  )
  requestedResolutionDate?: string;
  @ApiPropertyOptional({
    type: [TmfRelatedEntityRefDto],
    description: 'The affected circuit (or site): one entry.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1)
  @ValidateNested({ each: true })
  @Type(() => TmfRelatedEntityRefDto)
  relatedEntity?: TmfRelatedEntityRefDto[];
  @ApiPropertyOptional({ type: [TmfNoteInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => TmfNoteInputDto)
  note?: TmfNoteInputDto[];
  @ApiPropertyOptional({ name: '@type' }) @IsOptional() @IsString() @Length(0, 64) '@type'?: string;
}

/** TMF621 TroubleTicket_Update: a status change, notes to add, and (NOC) severity/priority. */
export class TmfTroubleTicketUpdateDto {
  @ApiPropertyOptional({ enum: TICKET_STATUSES })
  @IsOptional()
  @IsIn(TICKET_STATUSES)
  status?: (typeof TICKET_STATUSES)[number];
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) statusChangeReason?: string;
  @ApiPropertyOptional({ enum: TICKET_SEVERITIES })
  @IsOptional()
  @IsIn(TICKET_SEVERITIES)
  severity?: (typeof TICKET_SEVERITIES)[number];
  @ApiPropertyOptional({ enum: TICKET_PRIORITIES })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES)
  priority?: (typeof TICKET_PRIORITIES)[number];
  @ApiPropertyOptional({ type: [TmfNoteInputDto], description: 'Notes to append (public).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => TmfNoteInputDto)
  note?: TmfNoteInputDto[];
  @ApiPropertyOptional({ name: '@type' }) @IsOptional() @IsString() @Length(0, 64) '@type'?: string;
}

export class TmfListQueryDto {
  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100_000)
  offset?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
  @ApiPropertyOptional({ enum: TICKET_STATUSES })
  @IsOptional()
  @IsIn(TICKET_STATUSES)
  status?: (typeof TICKET_STATUSES)[number];
  @ApiPropertyOptional({ enum: ['fault', 'provisioning', 'changeRequest', 'complaint'] })
  @IsOptional()
  @IsIn(['fault', 'provisioning', 'changeRequest', 'complaint'])
  ticketType?: string;
  @ApiPropertyOptional({
    description: 'Comma-separated attribute names to return (TMF `fields`); id and href always.',
  })
  @IsOptional()
  @Matches(/^[A-Za-z@,]{1,400}$/, { message: 'fields must be attribute names separated by commas' })
  fields?: string;
}

export class TmfRefDto {
  @ApiProperty() id!: string;
  @ApiPropertyOptional() role?: string;
  @ApiPropertyOptional() name?: string;
  @ApiProperty({ name: '@referredType' }) '@referredType'!: string;
}

export class TmfNoteDto {
  @ApiProperty() id!: string;
  @ApiProperty() text!: string;
  @ApiProperty() author!: string;
  @ApiProperty({ type: String, format: 'date-time' }) date!: string;
  @ApiProperty({ name: '@type' }) '@type'!: string;
}

export class TmfStatusChangeDto {
  @ApiProperty() status!: string;
  @ApiProperty({ type: String, format: 'date-time' }) changeDate!: string;
  @ApiProperty() changeReason!: string;
}

export class TmfAttachmentRefDto {
  @ApiProperty() id!: string;
  @ApiProperty() href!: string;
  @ApiProperty() name!: string;
  @ApiProperty() mimeType!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { amount: 1024, units: 'Bytes' },
  })
  size!: { amount: number; units: string };
}

/** A TMF621 TroubleTicket as CircuitCare serves it. */
export class TmfTroubleTicketDto {
  @ApiProperty() id!: string;
  @ApiProperty() href!: string;
  @ApiProperty({ name: '@type' }) '@type'!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty() severity!: string;
  @ApiProperty() priority!: string;
  @ApiProperty() ticketType!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ type: String, format: 'date-time' }) creationDate!: string;
  @ApiProperty({ type: String, format: 'date-time' }) lastUpdate!: string;
  @ApiProperty({ type: String, format: 'date-time' }) statusChangeDate!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) requestedResolutionDate!:
    string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expectedResolutionDate!:
    string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolutionDate!:
    string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { name: 'self-service' } })
  channel!: { name: string };
  @ApiProperty({ type: [TmfRefDto] }) relatedEntity!: TmfRefDto[];
  @ApiProperty({ type: [TmfRefDto] }) relatedParty!: TmfRefDto[];
  @ApiProperty({ type: [TmfNoteDto] }) note!: TmfNoteDto[];
  @ApiProperty({ type: [TmfAttachmentRefDto] }) attachment!: TmfAttachmentRefDto[];
  @ApiProperty({ type: [TmfStatusChangeDto] }) statusChangeHistory!: TmfStatusChangeDto[];
}
