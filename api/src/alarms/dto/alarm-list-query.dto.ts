import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

import { PageQueryDto } from '../../common/paging/page-query.dto';
import { IsSortSpec } from '../../common/paging/sort-spec';
import type { AckState, AlarmState, PerceivedSeverity } from '../../database/documents';

export const ALARM_STATES: readonly AlarmState[] = ['raised', 'cleared'];
export const ACK_STATES: readonly AckState[] = ['acknowledged', 'unacknowledged'];
export const SEVERITIES: readonly PerceivedSeverity[] = [
  'critical',
  'major',
  'minor',
  'warning',
  'indeterminate',
  'cleared',
];
export const ALARM_SORT_FIELDS = [
  'alarmRaisedTime',
  'alarmChangedTime',
  'alarmClearedTime',
  'state',
  'id',
] as const;

export class AlarmListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ALARM_STATES })
  @IsOptional()
  @IsIn(ALARM_STATES)
  state?: AlarmState;

  @ApiPropertyOptional({ enum: SEVERITIES, description: 'perceivedSeverity' })
  @IsOptional()
  @IsIn(SEVERITIES)
  severity?: PerceivedSeverity;

  @ApiPropertyOptional({ enum: ACK_STATES })
  @IsOptional()
  @IsIn(ACK_STATES)
  ackState?: AckState;

  @ApiPropertyOptional({
    description: "Only alarms affecting this circuit (empty if it is outside the caller's scope).",
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._:-]{1,128}$/, {
    message: 'circuitId must be 1-128 letters, digits or . _ : -',
  })
  circuitId?: string;

  @ApiPropertyOptional({
    description: `Comma-separated sort keys, \`-\` for descending (default -alarmRaisedTime). Fields: ${ALARM_SORT_FIELDS.join(', ')}.`,
    example: '-alarmRaisedTime',
  })
  @IsOptional()
  @IsSortSpec(ALARM_SORT_FIELDS)
  sort?: string;
}
