import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  Matches,
  Max,
  Min,
} from 'class-validator';

import { PageQueryDto } from '../../common/paging/page-query.dto';
import {
  REPORT_KINDS,
  REPORT_LANGUAGES,
  type ReportKind,
  type ReportLanguage,
} from '../report.document';

const CUSTOMER_ID = /^[A-Za-z0-9._-]{1,64}$/;
const iso = (name: string) =>
  IsISO8601(
    { strict: true, strictSeparator: true },
    { message: `${name} must be an ISO 8601 date-time` },
  );

export class CreateReportDto {
  @ApiProperty({ example: 'bank-a' })
  @Matches(CUSTOMER_ID, { message: 'customerId must be an id (letters, digits, . _ -)' })
  customerId!: string;

  @ApiProperty({
    enum: ['vip', 'inspection'],
    description: 'vip: the VIP/SLA report; inspection: 巡检.',
  })
  @IsIn(['vip', 'inspection'])
  kind!: Extract<ReportKind, 'vip' | 'inspection'>;

  @ApiProperty({ type: String, format: 'date-time', description: 'Start (inclusive).' })
  @iso('from')
  from!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    description: 'End (exclusive), at most 400 days after from.',
  })
  @iso('to')
  to!: string;

  @ApiPropertyOptional({ enum: REPORT_LANGUAGES, default: 'zh-CN' })
  @IsOptional()
  @IsIn(REPORT_LANGUAGES)
  language?: ReportLanguage;
}

export class ReportListQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(CUSTOMER_ID, { message: 'customerId must be an id' })
  customerId?: string;

  @ApiPropertyOptional({ enum: REPORT_KINDS })
  @IsOptional()
  @IsIn(REPORT_KINDS)
  kind?: ReportKind;
}

export class CreateReportScheduleDto {
  @ApiProperty({ example: 'bank-a' })
  @Matches(CUSTOMER_ID, { message: 'customerId must be an id (letters, digits, . _ -)' })
  customerId!: string;

  @ApiPropertyOptional({ enum: ['vip', 'inspection'], default: 'vip' })
  @IsOptional()
  @IsIn(['vip', 'inspection'])
  kind?: 'vip' | 'inspection';

  @ApiPropertyOptional({ enum: REPORT_LANGUAGES, default: 'zh-CN' })
  @IsOptional()
  @IsIn(REPORT_LANGUAGES)
  language?: ReportLanguage;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 28,
    default: 1,
    description: 'Day of the month (UTC+8) on which last month is reported.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(28)
  dayOfMonth?: number;

  @ApiProperty({
    type: [String],
    example: ['it.director@bank-a.example'],
    description: '1–20 e-mail addresses.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsEmail({}, { each: true, message: 'each recipient must be an e-mail address' })
  recipients!: string[];
}

export class UpdateReportScheduleDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsEmail({}, { each: true, message: 'each recipient must be an e-mail address' })
  recipients?: string[];

  @ApiPropertyOptional({ minimum: 1, maximum: 28 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(28)
  dayOfMonth?: number;

  @ApiPropertyOptional({ enum: REPORT_LANGUAGES })
  @IsOptional()
  @IsIn(REPORT_LANGUAGES)
  language?: ReportLanguage;
}

export class ScheduleListQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(CUSTOMER_ID, { message: 'customerId must be an id' })
  customerId?: string;
}
