import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

import { LocatedFaultDto } from '../../topology/dto/circuit-topology.dto';
import { ID_PATTERN } from './create-ticket.dto';
import { TicketSummaryDto } from './ticket.dto';

export class PreCheckQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'circuitId must be an id' })
  circuitId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'siteId must be an id' })
  siteId?: string;
}

export class KnownAlarmDto {
  @ApiProperty() id!: string;
  @ApiProperty() perceivedSeverity!: string;
  @ApiProperty() probableCause!: string;
  @ApiProperty() specificProblem!: string;
  @ApiProperty({ type: String, format: 'date-time' }) alarmRaisedTime!: string;
  @ApiProperty() serviceAffecting!: boolean;
}

export class KnownCircuitDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['up', 'degraded', 'down'] }) state!: string;
  @ApiProperty({ type: String, format: 'date-time' }) stateSince!: string;
  @ApiProperty({ enum: ['platinum', 'gold', 'silver', 'bronze'] }) slaClass!: string;
  @ApiProperty({ type: [KnownAlarmDto] }) activeAlarms!: KnownAlarmDto[];
  @ApiProperty({
    type: LocatedFaultDto,
    nullable: true,
    description: 'Where the fault is, as located from alarms and polls.',
  })
  fault!: LocatedFaultDto | null;
}

/** What the operator already knows, shown before a fault report is filed. */
export class PreCheckDto {
  @ApiProperty({ type: [KnownCircuitDto] }) circuits!: KnownCircuitDto[];
  @ApiProperty({
    type: [TicketSummaryDto],
    description:
      'Open tickets already covering these circuits: join one instead of filing a duplicate.',
  })
  openTickets!: TicketSummaryDto[];
  @ApiProperty({
    description:
      'True when the operator already knows of a fault (alarm, located fault or open ticket).',
  })
  operatorAware!: boolean;
}
