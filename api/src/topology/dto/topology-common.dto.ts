import { ApiProperty } from '@nestjs/swagger';

import type {
  ElementRole,
  EvidenceKind,
  FaultSeverity,
  LinkKind,
  LiveStatus,
  Segment,
  SuspectKind,
} from '@circuitcare/topology';
import { SEGMENTS } from '@circuitcare/topology';

export const LIVE_STATUSES: readonly LiveStatus[] = ['up', 'degraded', 'down', 'unknown'];
export const SEGMENT_NAMES: readonly Segment[] = SEGMENTS;
export const ROLE_NAMES: readonly ElementRole[] = ['cpe', 'access', 'pe', 'core'];
export const LINK_KINDS: readonly LinkKind[] = ['access', 'aggregation', 'backbone', 'wireless'];
export const FAULT_SEVERITIES: readonly FaultSeverity[] = ['down', 'degraded'];
export const SUSPECT_KINDS: readonly SuspectKind[] = ['element', 'link', 'interface'];
export const EVIDENCE_KINDS: readonly EvidenceKind[] = ['alarm', 'oper-down', 'silent'];

export class StatusCountsDto {
  @ApiProperty() up!: number;
  @ApiProperty() degraded!: number;
  @ApiProperty() down!: number;
  @ApiProperty() unknown!: number;
}

/** Cytoscape element JSON: `data` (id, label, parent / source+target, attributes) and `classes`. */
export class CytoscapeElementDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'Cytoscape `data`: `id`, `label`, optional `parent` (compound node); edges add `source` and `target`. Other keys: role, segment, status, alarmIds, causeId, …',
  })
  data!: Record<string, unknown>;

  @ApiProperty({
    description:
      'Space-separated classes: `element role-<role> segment-<segment> state-<status>` (+ shared, silent, a-end, z-end, fault-suspect), `org-unit level-<level>`, `site kind-<kind>` (+ out-of-scope), `link kind-<kind> segment-<segment> state-<status>`.',
    example: 'element role-pe segment-pe state-down shared fault-suspect',
  })
  classes!: string;
}

/** `cytoscape({ elements: { nodes, edges } })`. */
export class CytoscapeElementsDto {
  @ApiProperty({ type: [CytoscapeElementDto] })
  nodes!: CytoscapeElementDto[];

  @ApiProperty({ type: [CytoscapeElementDto] })
  edges!: CytoscapeElementDto[];
}

/** The failed thing a fault location names. */
export class SuspectDto {
  @ApiProperty({ enum: SUSPECT_KINDS })
  kind!: SuspectKind;

  @ApiProperty({ description: 'Element id, link id, or interface id `deviceId:ifIndex`.' })
  id!: string;

  @ApiProperty({ example: 'WH-PE-01', description: 'sysName; `A ⇄ Z` for a link.' })
  name!: string;

  @ApiProperty({ type: [String], description: 'The element, or both ends of a link.' })
  deviceIds!: string[];

  @ApiProperty({ type: [String], description: 'Interface ids involved (`deviceId:ifIndex`).' })
  interfaceIds!: string[];

  @ApiProperty({ enum: SEGMENT_NAMES })
  segment!: Segment;
}

/** One fact supporting a suspect, with why it does. */
export class EvidenceDto {
  @ApiProperty({ enum: EVIDENCE_KINDS })
  kind!: EvidenceKind;

  @ApiProperty({ nullable: true, type: String, description: 'The alarm (kind `alarm`).' })
  alarmId!: string | null;

  @ApiProperty()
  deviceId!: string;

  @ApiProperty({ nullable: true, type: String })
  interfaceId!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'linkDown' })
  probableCause!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'When the alarm was raised; null for polled and silence facts.',
  })
  raisedAt!: string | null;

  @ApiProperty({
    example: 'WH-ACC-01 reports linkDown on GE0/0/1, the port facing WH-PE-01',
  })
  reason!: string;
}

export class CustomerCountDto {
  @ApiProperty()
  customerId!: string;

  @ApiProperty()
  customerName!: string;

  @ApiProperty({ description: 'Circuits of this customer concerned (in the caller’s scope).' })
  circuitCount!: number;
}

export class CircuitRefDto {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  customerId!: string;

  @ApiProperty()
  orgUnitId!: string;
}

export class PagedMetaDto {
  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;

  @ApiProperty({ description: 'Items over all pages.' })
  total!: number;
}

export class LiveInfoDto {
  @ApiProperty({ type: String, format: 'date-time', description: 'When the live state was read.' })
  readAt!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    description: 'When the cached inventory index was built (at most 60 s old).',
  })
  inventoryAt!: string;

  @ApiProperty({
    description:
      'False when no element has been polled recently (collectors down): silence then proves nothing and no element is reported silent.',
  })
  pollingAlive!: boolean;
}
