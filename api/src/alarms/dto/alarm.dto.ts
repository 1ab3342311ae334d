import { ApiProperty } from '@nestjs/swagger';

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
