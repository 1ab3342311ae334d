import { ApiProperty } from '@nestjs/swagger';

import type {
  CircuitState,
  ElementRole,
  FaultSeverity,
  LinkKind,
  LiveStatus,
  ProductKind,
  RouteEndView,
  RouteHopView,
  RouteInterfaceView,
  RouteLinkView,
  Segment,
  SlaClass,
} from '@circuitcare/topology';

import { CIRCUIT_STATES, PRODUCT_KINDS } from '../../circuits/dto/circuit-list-query.dto';
import { SLA_CLASS_NAMES } from '../../circuits/dto/circuit-summary.dto';
import {
  CytoscapeElementsDto,
  EvidenceDto,
  FAULT_SEVERITIES,
  LINK_KINDS,
  LIVE_STATUSES,
  LiveInfoDto,
  ROLE_NAMES,
  SEGMENT_NAMES,
  SuspectDto,
} from './topology-common.dto';

export class RouteInterfaceDto implements RouteInterfaceView {
  @ApiProperty({ description: '`deviceId:ifIndex`.' }) id!: string;
  @ApiProperty() ifIndex!: number;
  @ApiProperty() ifName!: string;
  @ApiProperty() speedBps!: number;
  @ApiProperty({ enum: LIVE_STATUSES }) status!: LiveStatus;
  @ApiProperty({ type: [String] }) alarmIds!: string[];
}

export class RouteHopViewDto implements RouteHopView {
  @ApiProperty({ description: '0-based position on the route.' }) index!: number;
  @ApiProperty() deviceId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLE_NAMES }) role!: ElementRole;
  @ApiProperty() vendor!: string;
  @ApiProperty() model!: string;
  @ApiProperty() siteId!: string;
  @ApiProperty() siteName!: string;
  @ApiProperty() city!: string;
  @ApiProperty({ description: 'A shared operator element.' }) shared!: boolean;
  @ApiProperty({ enum: SEGMENT_NAMES }) segment!: Segment;
  @ApiProperty({ enum: LIVE_STATUSES }) status!: LiveStatus;
  @ApiProperty() silent!: boolean;
  @ApiProperty({ type: RouteInterfaceDto, nullable: true }) inInterface!: RouteInterfaceDto | null;
  @ApiProperty({ type: RouteInterfaceDto, nullable: true }) outInterface!: RouteInterfaceDto | null;
  @ApiProperty({
    type: [String],
    description: "Alarms on the element itself and on this route's two ports of it.",
  })
  alarmIds!: string[];
}

export class RouteLinkViewDto implements RouteLinkView {
  @ApiProperty() linkId!: string;
  @ApiProperty({ enum: LINK_KINDS }) kind!: LinkKind;
  @ApiProperty() capacityBps!: number;
  @ApiProperty({ description: 'The link joins hop fromIndex and hop fromIndex + 1.' })
  fromIndex!: number;
  @ApiProperty() fromDeviceId!: string;
  @ApiProperty() toDeviceId!: string;
  @ApiProperty({ enum: SEGMENT_NAMES }) segment!: Segment;
  @ApiProperty({ enum: LIVE_STATUSES }) status!: LiveStatus;
}

export class RouteEndDto implements RouteEndView {
  @ApiProperty() siteId!: string;
  @ApiProperty() siteName!: string;
  @ApiProperty() deviceId!: string;
  @ApiProperty() deviceName!: string;
  @ApiProperty() ifIndex!: number;
}

/** Where one circuit's fault most probably is. */
export class LocatedFaultDto {
  @ApiProperty({ enum: FAULT_SEVERITIES }) severity!: FaultSeverity;
  @ApiProperty({
    description: 'The common cause (GET /faults item id) this circuit suffers from.',
    example: 'down|element|WH-PE-01',
  })
  causeId!: string;
  @ApiProperty({ type: SuspectDto }) suspect!: SuspectDto;
  @ApiProperty({ enum: SEGMENT_NAMES, description: "Where the fault is, in the customer's words." })
  segment!: Segment;
  @ApiProperty({ description: '0..1: how well the evidence singles the suspect out.' })
  confidence!: number;
  @ApiProperty({
    type: [EvidenceDto],
    description: "Facts on this circuit's own route (alarm ids, oper-down ports, silence).",
  })
  evidence!: EvidenceDto[];
  @ApiProperty({
    description: 'How many more facts elsewhere support the same cause (a count only).',
  })
  otherSupportingFacts!: number;
  @ApiProperty({ type: [String], description: 'Other causes also on this route.' })
  otherCauseIds!: string[];
}

export class CircuitFaultLocationDto {
  @ApiProperty() circuitId!: string;
  @ApiProperty({
    enum: ['fault', 'no-fault'],
    description: '`no-fault`: nothing on the route explains an outage or a degradation.',
  })
  verdict!: 'fault' | 'no-fault';
  @ApiProperty({ enum: CIRCUIT_STATES, description: 'State stored by ingestion.' })
  storedState!: CircuitState;
  @ApiProperty({ enum: LIVE_STATUSES, description: 'Worst live status along the route.' })
  status!: LiveStatus;
  @ApiProperty({ type: LocatedFaultDto, nullable: true })
  fault!: LocatedFaultDto | null;
  @ApiProperty({ type: LiveInfoDto }) live!: LiveInfoDto;
}

export class CircuitTopologyDto {
  @ApiProperty() circuitId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() customerId!: string;
  @ApiProperty() orgUnitId!: string;
  @ApiProperty({ enum: PRODUCT_KINDS }) product!: ProductKind;
  @ApiProperty({ enum: SLA_CLASS_NAMES }) slaClass!: SlaClass;
  @ApiProperty() bandwidthBps!: number;
  @ApiProperty({ enum: CIRCUIT_STATES }) storedState!: CircuitState;
  @ApiProperty({ type: String, format: 'date-time' }) stateSince!: string;
  @ApiProperty({ enum: LIVE_STATUSES }) status!: LiveStatus;
  @ApiProperty({ type: RouteEndDto }) aEnd!: RouteEndDto;
  @ApiProperty({ type: RouteEndDto }) zEnd!: RouteEndDto;
  @ApiProperty({ type: [RouteHopViewDto], description: 'Route order, A end first.' })
  hops!: RouteHopViewDto[];
  @ApiProperty({ type: [RouteLinkViewDto] }) links!: RouteLinkViewDto[];
  @ApiProperty({ type: LocatedFaultDto, nullable: true, description: 'The located fault, if any.' })
  fault!: LocatedFaultDto | null;
  @ApiProperty({
    type: CytoscapeElementsDto,
    description:
      'Sites (compound) holding the CPEs, elements in route order, links as edges; the suspect carries `fault-suspect`.',
  })
  cytoscape!: CytoscapeElementsDto;
  @ApiProperty({ type: LiveInfoDto }) live!: LiveInfoDto;
}
