import { ApiProperty } from '@nestjs/swagger';

/** The figures of a VIP/SLA report as the screen shows them (and the PDF prints them). */

export class ReportIntervalDto {
  @ApiProperty({ type: String, format: 'date-time' })
  from!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  to!: string;

  @ApiProperty({ description: 'Length in seconds (millisecond precision).' })
  seconds!: number;
}

export class ReportCircuitAvailabilityDto {
  @ApiProperty()
  circuitId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  product!: string;

  @ApiProperty()
  slaClass!: string;

  @ApiProperty()
  bandwidthBps!: number;

  @ApiProperty({ description: 'Availability target of the SLA class (fraction).' })
  target!: number;

  @ApiProperty({ description: '1 − unplanned down / period.' })
  availability!: number;

  @ApiProperty({ enum: ['met', 'breached'] })
  sla!: 'met' | 'breached';

  @ApiProperty()
  unplannedDownSeconds!: number;

  @ApiProperty({ description: 'Down time inside approved maintenance (excluded).' })
  plannedDownSeconds!: number;

  @ApiProperty()
  allowedDownSeconds!: number;

  @ApiProperty({ type: [ReportIntervalDto], description: 'Unplanned down intervals.' })
  downIntervals!: ReportIntervalDto[];
}

export class ReportIncidentDto {
  @ApiProperty()
  ticketId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: [String] })
  circuitIds!: string[];

  @ApiProperty()
  priority!: string;

  @ApiProperty()
  severity!: string;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Customer impact: down, degraded, intermittent.',
  })
  impact!: string | null;

  @ApiProperty()
  status!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  resolvedAt!: string | null;

  @ApiProperty({ nullable: true, type: Number, description: 'Creation → resolution, minutes.' })
  repairMinutes!: number | null;

  @ApiProperty({ nullable: true, type: Boolean })
  restoreMet!: boolean | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description: "Located cause: the field report's cause code, else the root-cause alarm.",
  })
  cause!: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Where: the root-cause alarm object.' })
  location!: string | null;
}

export class ReportTicketSummaryDto {
  @ApiProperty()
  tickets!: number;

  @ApiProperty()
  incidents!: number;

  @ApiProperty()
  resolved!: number;

  @ApiProperty({ nullable: true, type: Number })
  mttrMinutes!: number | null;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Share restored within the SLA target.',
  })
  restoreCompliance!: number | null;

  @ApiProperty({ nullable: true, type: Number })
  responseCompliance!: number | null;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  byType!: Record<string, number>;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  byCause!: Record<string, number>;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  byPriority!: Record<string, number>;
}

export class ReportUtilisationDto {
  @ApiProperty()
  circuitId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  bandwidthBps!: number;

  @ApiProperty({ description: 'Poll samples in the period.' })
  samples!: number;

  @ApiProperty({ nullable: true, type: Number })
  inP95Bps!: number | null;

  @ApiProperty({ nullable: true, type: Number })
  outP95Bps!: number | null;

  @ApiProperty({ nullable: true, type: Number })
  inMaxBps!: number | null;

  @ApiProperty({ nullable: true, type: Number })
  outMaxBps!: number | null;

  @ApiProperty({ nullable: true, type: Number, description: 'max(in, out) p95 / bandwidth.' })
  p95Util!: number | null;

  @ApiProperty({ nullable: true, type: Number })
  maxUtil!: number | null;

  @ApiProperty({ nullable: true, type: Number })
  meanUtil!: number | null;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Suggested bandwidth when p95 stays at or above the threshold; else null.',
  })
  upgradeToBps!: number | null;
}

export class ReportAssuranceDto {
  @ApiProperty()
  windowId!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  start!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  end!: string;

  @ApiProperty()
  circuits!: number;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Mean availability of its circuits over the window.',
  })
  availability!: number | null;

  @ApiProperty({ description: 'Alarms raised on its circuits during the window.' })
  alarms!: number;

  @ApiProperty({ description: 'Fault tickets on its circuits during the window.' })
  incidents!: number;

  @ApiProperty({ description: 'Degradation notices sent to the contacts.' })
  notices!: number;
}

export class ReportTrendPointDto {
  @ApiProperty({ example: '2026-10' })
  label!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  from!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  to!: string;

  @ApiProperty({ nullable: true, type: Number })
  meanAvailability!: number | null;

  @ApiProperty()
  breachingSla!: number;

  @ApiProperty()
  incidents!: number;

  @ApiProperty({ nullable: true, type: Number })
  mttrMinutes!: number | null;
}

export class ReportSummaryDto {
  @ApiProperty()
  circuits!: number;

  @ApiProperty({ nullable: true, type: Number })
  meanAvailability!: number | null;

  @ApiProperty({ nullable: true, type: Number, description: 'Lowest circuit availability.' })
  worstAvailability!: number | null;

  @ApiProperty()
  meetingSla!: number;

  @ApiProperty()
  breachingSla!: number;

  @ApiProperty()
  unplannedDownSeconds!: number;

  @ApiProperty()
  plannedDownSeconds!: number;

  @ApiProperty()
  incidents!: number;

  @ApiProperty({ nullable: true, type: Number })
  mttrMinutes!: number | null;

  @ApiProperty({ nullable: true, type: Number })
  restoreCompliance!: number | null;

  @ApiProperty({ description: 'Circuits with an upgrade recommendation.' })
  upgradeCandidates!: number;

  @ApiProperty()
  assuranceWindows!: number;
}

export class VipReportDataDto {
  @ApiProperty({ enum: ['vip'] })
  kind!: 'vip';

  @ApiProperty()
  customerId!: string;

  @ApiProperty()
  customerName!: string;

  @ApiProperty()
  customerNameEn!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  from!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    description: 'End measured (capped at generation time).',
  })
  to!: string;

  @ApiProperty({ example: '2026-11' })
  label!: string;

  @ApiProperty({ example: 'Asia/Shanghai' })
  timeZone!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  generatedAt!: string;

  @ApiProperty({ description: 'p95 utilisation at or above which an upgrade is recommended.' })
  upgradeThreshold!: number;

  @ApiProperty({ type: ReportSummaryDto })
  summary!: ReportSummaryDto;

  @ApiProperty({ type: [ReportCircuitAvailabilityDto], description: 'Worst first.' })
  availability!: ReportCircuitAvailabilityDto[];

  @ApiProperty({ type: [ReportIncidentDto] })
  incidents!: ReportIncidentDto[];

  @ApiProperty({ type: ReportTicketSummaryDto })
  tickets!: ReportTicketSummaryDto;

  @ApiProperty({ type: [ReportUtilisationDto], description: 'Highest p95 first.' })
  utilisation!: ReportUtilisationDto[];

  @ApiProperty({ type: [ReportAssuranceDto] })
  assurance!: ReportAssuranceDto[];

  @ApiProperty({
    type: [ReportTrendPointDto],
    description: 'Oldest first; the last point is this period.',
  })
  trend!: ReportTrendPointDto[];
}
