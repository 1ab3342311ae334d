import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
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

import { PageQueryDto } from '../../common/paging/page-query.dto';
import { ASSURANCE_STATUSES, type AssuranceStatus } from '../assurance-window.document';

const iso = (name: string) =>
  IsISO8601(
    { strict: true, strictSeparator: true },
    { message: `${name} must be an ISO 8601 date-time` },
  );

export class AssuranceContactDto {
  @ApiProperty()
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @Matches(/^\+?[0-9 -]{5,20}$/, { message: 'phone must be a phone number' })
  phone?: string | null;
}

export class CreateAssuranceWindowDto {
  @ApiProperty({ example: 'bank-a' })
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'customerId must be an id' })
  customerId!: string;

  @ApiProperty({ example: '年终决算保障 / Year-end settlement' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiPropertyOptional({ default: '' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  reason?: string;

  @ApiProperty({ type: [String], description: '1–200 circuits of the customer.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @Matches(/^[A-Za-z0-9._:-]{1,128}$/, { each: true, message: 'each circuitId must be an id' })
  circuitIds!: string[];

  @ApiProperty({ type: String, format: 'date-time' })
  @iso('start')
  start!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    description: 'After start, at most 31 days later, in the future.',
  })
  @iso('end')
  end!: string;

  @ApiPropertyOptional({
    type: [AssuranceContactDto],
    description: 'Who is told of degradation (up to 10).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => AssuranceContactDto)
  contacts?: AssuranceContactDto[];
}

export class DecideAssuranceDto {
  @ApiPropertyOptional({ description: 'Approval note or reason for a rejection.' })
  @IsOptional()
  @IsString()
  @Length(0, 1000)
  note?: string;

  @ApiPropertyOptional({
    minimum: 5,
    maximum: 300,
    description: 'Poll interval during the window (s); default ASSURANCE_POLL_INTERVAL_SEC.',
  })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(300)
  pollIntervalSec?: number;
}

export class AssuranceListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ASSURANCE_STATUSES })
  @IsOptional()
  @IsIn(ASSURANCE_STATUSES)
  status?: AssuranceStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'customerId must be an id' })
  customerId?: string;
}

export class AssuranceThresholdsDto {
  @ApiProperty()
  congestionRaise!: number;

  @ApiProperty()
  congestionClear!: number;

  @ApiProperty()
  errorsPerSecRaise!: number;

  @ApiProperty()
  errorRatioRaise!: number;
}

export class AssuranceWindowDto {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  customerId!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  reason!: string;

  @ApiProperty({ type: [String] })
  circuitIds!: string[];

  @ApiProperty({ type: String, format: 'date-time' })
  start!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  end!: string;

  @ApiProperty({ enum: ASSURANCE_STATUSES })
  status!: AssuranceStatus;

  @ApiProperty({
    enum: ['upcoming', 'running', 'ended', 'not-approved'],
    description: 'Where an approved window stands in time.',
  })
  phase!: string;

  @ApiProperty()
  pollIntervalSec!: number;

  @ApiProperty({ type: AssuranceThresholdsDto })
  thresholds!: AssuranceThresholdsDto;

  @ApiProperty({
    enum: ['P1', 'P2'],
    description: 'Priority of fault tickets on these circuits during the window.',
  })
  priority!: string;

  @ApiProperty({ type: [AssuranceContactDto] })
  contacts!: AssuranceContactDto[];

  @ApiProperty()
  requestedBy!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  requestedAt!: string;

  @ApiProperty({ nullable: true, type: String })
  decidedBy!: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  decidedAt!: string | null;

  @ApiProperty({ nullable: true, type: String })
  decisionNote!: string | null;

  @ApiProperty({ description: 'Degradation notices sent so far.' })
  notices!: number;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The report of the window, once it ended.',
  })
  reportId!: string | null;
}

export class AssuranceWindowPageDto {
  @ApiProperty({ type: [AssuranceWindowDto] })
  items!: AssuranceWindowDto[];

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;

  @ApiProperty()
  total!: number;
}

export class AssuranceCircuitLiveDto {
  @ApiProperty()
  circuitId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: ['up', 'degraded', 'down'] })
  state!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  stateSince!: string;

  @ApiProperty()
  activeAlarms!: number;

  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'Last poll of its A-end interface.',
  })
  lastPolledAt!: string | null;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Utilisation at the last poll (max of in/out).',
  })
  utilisation!: number | null;
}

export class AssuranceDashboardDto {
  @ApiProperty({ type: AssuranceWindowDto })
  window!: AssuranceWindowDto;

  @ApiProperty({ type: String, format: 'date-time' })
  at!: string;

  @ApiProperty()
  up!: number;

  @ApiProperty()
  degraded!: number;

  @ApiProperty()
  down!: number;

  @ApiProperty({ type: [AssuranceCircuitLiveDto], description: 'Worst first.' })
  circuits!: AssuranceCircuitLiveDto[];
}
