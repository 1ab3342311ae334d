import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

import type { AckState, AlarmState, PerceivedSeverity } from '../../database/documents';
import { ACK_STATES, ALARM_STATES, SEVERITIES } from './alarm-list-query.dto';

/** TMF642 AlarmedObject reference. */
export class AlarmedObjectRefDto {
  @ApiProperty({ description: '`deviceId` or `deviceId:ifIndex`.', example: 'pe-gz-01:3' })
  id!: string;

  @ApiProperty({ name: '@referredType', enum: ['NetworkElement', 'NetworkInterface'] })
  '@referredType'!: 'NetworkElement' | 'NetworkInterface';

  @ApiProperty()
  name!: string;
}

/** TMF642 affectedService item: a circuit the alarm impacts. */
export class AffectedServiceRefDto {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  name!: string;
}

/** TMF642 AlarmRef: a linked alarm the caller may see. */
export class AlarmRefDto {
  @ApiProperty()
  id!: string;

  @ApiProperty({ description: 'Path of the alarm in this API.', example: '/api/v1/alarms/alm-1' })
  href!: string;
}

/** An alarm with TMF642 field names. */
export class AlarmDto {
  @ApiProperty()
  id!: string;

  @ApiProperty({ enum: ['communicationsAlarm', 'qualityOfServiceAlarm', 'equipmentAlarm'] })
  alarmType!: string;

  @ApiProperty({ enum: SEVERITIES })
  perceivedSeverity!: PerceivedSeverity;

  @ApiProperty({ example: 'linkDown' })
  probableCause!: string;

  @ApiProperty()
  specificProblem!: string;

  @ApiProperty({ enum: ALARM_STATES })
  state!: AlarmState;

  @ApiProperty({ enum: ACK_STATES })
  ackState!: AckState;

  @ApiProperty({ type: String, format: 'date-time' })
  alarmRaisedTime!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  alarmChangedTime!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  alarmClearedTime!: string | null;

  @ApiProperty()
  serviceAffecting!: boolean;

  @ApiProperty({ type: AlarmedObjectRefDto })
  alarmedObject!: AlarmedObjectRefDto;

  @ApiProperty({
    type: [AffectedServiceRefDto],
    description: 'Affected circuits visible to the caller.',
  })
  affectedService!: AffectedServiceRefDto[];

  @ApiProperty({ type: [String], description: 'Ids of affectedService, for convenience.' })
  affectedCircuits!: string[];

  @ApiProperty({ description: 'TMF642: other alarms are attributed to this one.' })
  isRootCause!: boolean;

  @ApiProperty({
    type: [AlarmRefDto],
    description: 'TMF642: the alarms that cause this one (only those visible to the caller).',
  })
  rootCauseAlarm!: AlarmRefDto[];

  @ApiProperty({
    type: [AlarmRefDto],
    description:
      'TMF642: alarms correlated with this one: caused by it, or sharing its cause (visible ones only).',
  })
  correlatedAlarm!: AlarmRefDto[];
}

/** TMF642 Comment. */
export class AlarmCommentDto {
  @ApiProperty()
  comment!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  time!: string;

  @ApiProperty()
  userId!: string;

  @ApiProperty({ example: 'circuitcare-api' })
  systemId!: string;
}

/**
 * One alarm with its operations record and linked alarms. Who acknowledged or cleared it
 * and the operators' comments are shown to operator staff only (scope: all customers):
 * a comment on a shared element's alarm may speak of other customers.
 */
export class AlarmDetailDto extends AlarmDto {
  @ApiProperty({ description: 'How many events folded into the alarm.' })
  occurrences!: number;

  @ApiProperty({ type: String, nullable: true, description: 'Operator staff only (else null).' })
  ackUserId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  ackSystemId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Operator staff only (else null).' })
  clearUserId!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: '`circuitcare-api` for a manual clear, the source (trap, poll) otherwise.',
  })
  clearSystemId!: string | null;

  @ApiProperty({ type: [AlarmCommentDto], description: 'Operator staff only (else empty).' })
  comment!: AlarmCommentDto[];

  @ApiProperty({
    type: [AlarmDto],
    description: 'The root-cause and correlated alarms, as far as the caller may see them.',
  })
  linkedAlarms!: AlarmDto[];
}

export class AlarmCommentInputDto {
  @ApiProperty({ minLength: 1, maxLength: 2000, example: 'Field team dispatched to WH-ACC-01.' })
  @IsString()
  @Length(1, 2000)
  comment!: string;
}

export class AlarmPageDto {
  @ApiProperty({ type: [AlarmDto] })
  items!: AlarmDto[];

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;

  @ApiProperty()
  total!: number;
}
