import { ApiProperty } from '@nestjs/swagger';

import type { ElementRole } from '@circuitcare/topology';

import { CircuitSummaryDto } from './circuit-summary.dto';

export const ELEMENT_ROLES: readonly ElementRole[] = ['cpe', 'access', 'pe', 'core'];

/** An end of the circuit: its site and the WAN interface terminating it. */
export class CircuitEndDto {
  @ApiProperty()
  siteId!: string;

  @ApiProperty({ nullable: true, type: String })
  siteName!: string | null;

  @ApiProperty()
  deviceId!: string;

  @ApiProperty({ nullable: true, type: String })
  deviceName!: string | null;

  @ApiProperty({ example: '127.16.0.12' })
  mgmtIp!: string;

  @ApiProperty({ description: 'ifIndex of the WAN interface.' })
  ifIndex!: number;
}

export class RouteHopDto {
  @ApiProperty()
  deviceId!: string;

  @ApiProperty({ nullable: true, type: String })
  name!: string | null;

  @ApiProperty({ enum: ELEMENT_ROLES, nullable: true })
  role!: ElementRole | null;

  @ApiProperty({
    type: [Number],
    description: 'Interfaces entering and leaving the element, in route order.',
  })
  ifIndexes!: number[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Link towards the next hop; null on the last one.',
  })
  linkId!: string | null;
}

export class CircuitDetailDto extends CircuitSummaryDto {
  @ApiProperty({ type: CircuitEndDto })
  declare aEnd: CircuitEndDto;

  @ApiProperty({ type: CircuitEndDto })
  declare zEnd: CircuitEndDto;

  @ApiProperty({ type: [RouteHopDto] })
  route!: RouteHopDto[];
}
