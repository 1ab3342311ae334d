import { ApiProperty } from '@nestjs/swagger';

import { REPORT_KINDS, REPORT_LANGUAGES, REPORT_STATES } from '../report.document';
import { InspectionReportDataDto } from './inspection-report.dto';
import { VipReportDataDto } from './vip-report.dto';

export class ReportDeliveryDto {
  @ApiProperty({ type: [String] })
  recipients!: string[];

  @ApiProperty({ enum: ['pending', 'sent', 'failed', 'skipped'] })
  status!: string;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  sentAt!: string | null;
}

/** A report job: its state and progress, and its figures once done. */
export class ReportDto {
  @ApiProperty({ example: 'rpt-…' })
  id!: string;

  @ApiProperty({ enum: REPORT_KINDS })
  kind!: string;

  @ApiProperty()
  customerId!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  from!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  to!: string;

  @ApiProperty({ enum: REPORT_LANGUAGES })
  language!: string;

  @ApiProperty({ enum: REPORT_STATES })
  state!: string;

  @ApiProperty({ minimum: 0, maximum: 100 })
  progress!: number;

  @ApiProperty({
    description:
      'What the job is doing: circuits, availability, incidents, utilisation, pdf, done…',
  })
  stage!: string;

  @ApiProperty({ description: 'Who asked for it (username), or the schedule.' })
  requestedBy!: string;

  @ApiProperty({ nullable: true, type: String })
  scheduleId!: string | null;

  @ApiProperty({ nullable: true, type: String })
  assuranceWindowId!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  finishedAt!: string | null;

  @ApiProperty({ nullable: true, type: String })
  error!: string | null;

  @ApiProperty({ description: 'Whether GET /reports/{id}/pdf answers.' })
  pdfAvailable!: boolean;

  @ApiProperty({ nullable: true, type: Number })
  pdfBytes!: number | null;

  @ApiProperty({ nullable: true, type: ReportDeliveryDto })
  delivery!: ReportDeliveryDto | null;

  @ApiProperty({
    nullable: true,
    type: VipReportDataDto,
    description: 'The figures of a done VIP or assurance report (not in lists).',
  })
  vip!: VipReportDataDto | null;

  @ApiProperty({
    nullable: true,
    type: InspectionReportDataDto,
    description: 'The findings of a done inspection (not in lists).',
  })
  inspection!: InspectionReportDataDto | null;
}

export class ReportPageDto {
  @ApiProperty({ type: [ReportDto] })
  items!: ReportDto[];

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;

  @ApiProperty()
  total!: number;
}

export class ReportScheduleDto {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  customerId!: string;

  @ApiProperty({ enum: ['vip', 'inspection'] })
  kind!: string;

  @ApiProperty({ enum: REPORT_LANGUAGES })
  language!: string;

  @ApiProperty()
  dayOfMonth!: number;

  @ApiProperty({ type: [String] })
  recipients!: string[];

  @ApiProperty()
  enabled!: boolean;

  @ApiProperty()
  owner!: string;

  @ApiProperty({
    nullable: true,
    type: String,
    example: '2026-10',
    description: 'Last month reported.',
  })
  lastPeriod!: string | null;

  @ApiProperty({ nullable: true, type: String })
  lastReportId!: string | null;
}

export class ReportSchedulePageDto {
  @ApiProperty({ type: [ReportScheduleDto] })
  items!: ReportScheduleDto[];

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;

  @ApiProperty()
  total!: number;
}
