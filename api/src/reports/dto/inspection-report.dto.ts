import { ApiProperty } from '@nestjs/swagger';

export const FINDING_KINDS = [
  'no-recent-samples',
  'flapping',
  'high-error-rate',
  'high-discard-rate',
  'long-high-utilisation',
  'device-rebooted',
  'sla-breached',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];
export const FINDING_SEVERITIES = ['critical', 'major', 'minor'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

export class InspectionFindingDto {
  @ApiProperty({ description: '1 = most urgent.' })
  rank!: number;

  @ApiProperty({ enum: FINDING_SEVERITIES })
  severity!: FindingSeverity;

  @ApiProperty({ enum: FINDING_KINDS })
  kind!: FindingKind;

  @ApiProperty()
  circuitId!: string;

  @ApiProperty()
  circuitName!: string;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The element concerned (rebooted device, interface).',
  })
  deviceId!: string | null;

  @ApiProperty({ description: 'The measured value (rate, count, share or seconds, per kind).' })
  value!: number;

  @ApiProperty({ description: 'What was found, in the report language.' })
  detail!: string;

  @ApiProperty({ description: 'Suggested action, in the report language.' })
  action!: string;
}

export class InspectionReportDataDto {
  @ApiProperty({ enum: ['inspection'] })
  kind!: 'inspection';

  @ApiProperty()
  customerId!: string;

  @ApiProperty()
  customerName!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  from!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  to!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  generatedAt!: string;

  @ApiProperty()
  circuits!: number;

  @ApiProperty({ description: 'Circuits without any finding.' })
  healthyCircuits!: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'Findings per kind.',
  })
  byKind!: Record<string, number>;

  @ApiProperty({ type: [InspectionFindingDto], description: 'Most urgent first.' })
  findings!: InspectionFindingDto[];
}
