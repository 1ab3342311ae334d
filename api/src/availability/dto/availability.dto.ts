import { ApiProperty } from '@nestjs/swagger';

import type { SlaClass } from '@circuitcare/topology';

import { SLA_CLASS_NAMES } from '../../circuits/dto/circuit-summary.dto';

export class TimeIntervalDto {
  @ApiProperty({ type: String, format: 'date-time' })
  from!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  to!: string;

  @ApiProperty({ description: 'Length in seconds (millisecond precision).' })
  seconds!: number;
}

export const EVIDENCE_SOURCES = ['alarm', 'oper-status', 'maintenance'] as const;

/** One piece of evidence, clipped to the period. */
export class AvailabilityEvidenceDto extends TimeIntervalDto {
  @ApiProperty({
    enum: EVIDENCE_SOURCES,
    description:
      '`alarm`: a service-affecting alarm (raised → cleared, or now); `oper-status`: consecutive oper-down polls of an end interface; `maintenance`: an approved window (excused).',
  })
  source!: (typeof EVIDENCE_SOURCES)[number];

  @ApiProperty({ description: 'Alarm id, `deviceId:ifIndex`, or maintenance window id.' })
  id!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ description: 'Still going on at the end of the measured period.' })
  ongoing!: boolean;
}

/** The figures of one circuit. All durations in seconds, millisecond precision. */
export class AvailabilityFiguresDto {
  @ApiProperty()
  circuitId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  customerId!: string;

  @ApiProperty({ enum: SLA_CLASS_NAMES })
  slaClass!: SlaClass;

  @ApiProperty({ description: 'Availability target of the SLA class, as a fraction.' })
  target!: number;

  @ApiProperty({ description: '1 − unplannedDownSeconds / periodSeconds.' })
  availability!: number;

  @ApiProperty({ enum: ['met', 'breached'] })
  sla!: 'met' | 'breached';

  @ApiProperty({ description: 'Union of all down evidence in the period.' })
  downSeconds!: number;

  @ApiProperty({ description: 'Down time inside approved maintenance windows (excused).' })
  plannedDownSeconds!: number;

  @ApiProperty()
  unplannedDownSeconds!: number;

  @ApiProperty({ description: '(1 − target) × periodSeconds.' })
  allowedDownSeconds!: number;

  @ApiProperty({ description: 'allowedDownSeconds − unplannedDownSeconds, never below 0.' })
  remainingDownSeconds!: number;
}

export class CircuitAvailabilityDto extends AvailabilityFiguresDto {
  @ApiProperty({ type: String, format: 'date-time' })
  from!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    description: 'End of the measured period: the requested `to`, or now if that is later.',
  })
  to!: string;

  @ApiProperty()
  periodSeconds!: number;

  @ApiProperty({ type: [TimeIntervalDto], description: 'Merged unplanned down intervals.' })
  unplannedIntervals!: TimeIntervalDto[];

  @ApiProperty({ type: [AvailabilityEvidenceDto] })
  evidence!: AvailabilityEvidenceDto[];
}

export class AvailabilityAggregateDto {
  @ApiProperty({ description: "Circuits of the customer in the caller's scope." })
  circuits!: number;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Mean availability; null without circuits.',
  })
  meanAvailability!: number | null;

  @ApiProperty()
  meetingSla!: number;

  @ApiProperty()
  breachingSla!: number;

  @ApiProperty({ description: 'Sum over the circuits.' })
  unplannedDownSeconds!: number;
}

export class CustomerAvailabilityPageDto {
  @ApiProperty()
  customerId!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  from!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  to!: string;

  @ApiProperty()
  periodSeconds!: number;

  @ApiProperty({
    type: AvailabilityAggregateDto,
    description: 'Over all circuits, not only this page.',
  })
  aggregate!: AvailabilityAggregateDto;

  @ApiProperty({ type: [AvailabilityFiguresDto] })
  items!: AvailabilityFiguresDto[];

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;

  @ApiProperty()
  total!: number;
}
