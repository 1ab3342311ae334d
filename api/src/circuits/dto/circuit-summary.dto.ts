import { ApiProperty } from '@nestjs/swagger';

import type { CircuitState, ProductKind, SlaClass } from '@circuitcare/topology';

import { CIRCUIT_STATES, PRODUCT_KINDS } from './circuit-list-query.dto';

export const SLA_CLASS_NAMES: readonly SlaClass[] = ['platinum', 'gold', 'silver', 'bronze'];

export class CircuitEndSummaryDto {
  @ApiProperty()
  siteId!: string;

  @ApiProperty({ nullable: true, type: String })
  siteName!: string | null;
}

export class CircuitSummaryDto {
  @ApiProperty({ example: 'ckt-bank-a-0001' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  customerId!: string;

  @ApiProperty()
  orgUnitId!: string;

  @ApiProperty({ enum: PRODUCT_KINDS })
  product!: ProductKind;

  @ApiProperty({ description: 'Contracted bandwidth in bit/s.' })
  bandwidthBps!: number;

  @ApiProperty({ enum: SLA_CLASS_NAMES })
  slaClass!: SlaClass;

  @ApiProperty({ enum: CIRCUIT_STATES })
  state!: CircuitState;

  @ApiProperty({ type: String, format: 'date-time' })
  stateSince!: string;

  @ApiProperty({ type: CircuitEndSummaryDto })
  aEnd!: CircuitEndSummaryDto;

  @ApiProperty({ type: CircuitEndSummaryDto })
  zEnd!: CircuitEndSummaryDto;

  @ApiProperty({ description: 'Raised alarms affecting this circuit.' })
  activeAlarmCount!: number;
}

export class CircuitPageDto {
  @ApiProperty({ type: [CircuitSummaryDto] })
  items!: CircuitSummaryDto[];

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;

  @ApiProperty({ description: "Matching circuits in the caller's scope, over all pages." })
  total!: number;
}
