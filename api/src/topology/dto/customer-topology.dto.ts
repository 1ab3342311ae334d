import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

import type {
  CircuitNode,
  CircuitState,
  CustomerCircuitRow,
  CustomerSiteRow,
  ElementNode,
  ElementRole,
  LinkKind,
  LinkNode,
  LiveStatus,
  OrgLevel,
  OrgUnitNode,
  ProductKind,
  Segment,
  SiteKind,
  SiteNode,
  SlaClass,
} from '@circuitcare/topology';

import { CIRCUIT_STATES, PRODUCT_KINDS } from '../../circuits/dto/circuit-list-query.dto';
import { SLA_CLASS_NAMES } from '../../circuits/dto/circuit-summary.dto';
import { PageQueryDto } from '../../common/paging/page-query.dto';
import { IsSortSpec } from '../../common/paging/sort-spec';
import {
  CytoscapeElementsDto,
  LINK_KINDS,
  LIVE_STATUSES,
  LiveInfoDto,
  PagedMetaDto,
  ROLE_NAMES,
  SEGMENT_NAMES,
  StatusCountsDto,
} from './topology-common.dto';

export const TOPOLOGY_FORMATS = ['structure', 'cytoscape', 'circuit-rows', 'site-rows'] as const;
export type TopologyFormat = (typeof TOPOLOGY_FORMATS)[number];

export const CIRCUIT_ROW_SORT_FIELDS = [
  'name',
  'status',
  'product',
  'slaClass',
  'bandwidthBps',
  'orgUnitName',
  'alarmCount',
] as const;
export const SITE_ROW_SORT_FIELDS = ['name', 'status', 'kind', 'city', 'circuitCount'] as const;
const ROW_SORT_FIELDS = [...new Set([...CIRCUIT_ROW_SORT_FIELDS, ...SITE_ROW_SORT_FIELDS])];

const ORG_LEVELS: readonly OrgLevel[] = ['head-office', 'province', 'city', 'outlet'];
const SITE_KINDS: readonly SiteKind[] = ['head-office', 'province', 'city', 'outlet', 'pop', 'idc'];
const ID = /^[A-Za-z0-9._:-]{1,128}$/;

export class CustomerTopologyQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description:
      "The customer. Optional when the caller's scope holds exactly one customer (customer users, an account manager of one bank); required otherwise. Outside the scope: 404.",
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, {
    message: 'customerId must be an id (letters, digits, . _ -)',
  })
  customerId?: string;

  @ApiPropertyOptional({
    description:
      "Limits the picture to this org unit's subtree. An org-subtree user may name a unit inside its own subtree only (else 404).",
  })
  @IsOptional()
  @Matches(ID, { message: 'orgUnitId must be an id (letters, digits, . _ : -)' })
  orgUnitId?: string;

  @ApiPropertyOptional({
    enum: TOPOLOGY_FORMATS,
    default: 'structure',
    description:
      '`structure`: the grouped picture (org units, sites, circuits, elements, links). `cytoscape`: the same as Cytoscape elements. `circuit-rows` / `site-rows`: table rows, paged (page, pageSize) and sorted (sort).',
  })
  @IsOptional()
  @IsIn(TOPOLOGY_FORMATS)
  format: TopologyFormat = 'structure';

  @ApiPropertyOptional({
    description: `Row formats only. Comma-separated keys, \`-\` for descending. circuit-rows: ${CIRCUIT_ROW_SORT_FIELDS.join(', ')} (default status,name); site-rows: ${SITE_ROW_SORT_FIELDS.join(', ')} (default status,name). status sorts down first.`,
    example: 'status,-bandwidthBps',
  })
  @IsOptional()
  @IsSortSpec(ROW_SORT_FIELDS)
  sort?: string;
}

export class OrgUnitNodeDto implements OrgUnitNode {
  @ApiProperty() id!: string;
  @ApiProperty({ nullable: true, type: String }) parentId!: string | null;
  @ApiProperty({ enum: ORG_LEVELS }) level!: OrgLevel;
  @ApiProperty() name!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty({ type: [String], description: 'Ids from the root, including this one.' })
  path!: string[];
  @ApiProperty({ type: [String], description: 'Sites directly in this unit.' })
  siteIds!: string[];
  @ApiProperty({ type: [String], description: 'Circuits owned by this unit (not its children).' })
  circuitIds!: string[];
  @ApiProperty({ type: StatusCountsDto, description: 'Circuit statuses of the whole subtree.' })
  subtreeStatus!: StatusCountsDto;
}

export class SiteNodeDto implements SiteNode {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: SITE_KINDS }) kind!: SiteKind;
  @ApiProperty() name!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty() city!: string;
  @ApiProperty() lat!: number;
  @ApiProperty() lon!: number;
  @ApiProperty({ nullable: true, type: String }) orgUnitId!: string | null;
  @ApiProperty({
    description: 'False for a far end shown only because a visible circuit ends there.',
  })
  inScope!: boolean;
  @ApiProperty({ type: [String], description: "The customer's elements (CPEs) at the site." })
  elementIds!: string[];
  @ApiProperty({ type: [String] }) circuitIds!: string[];
  @ApiProperty({ enum: LIVE_STATUSES }) status!: LiveStatus;
}

export class CircuitNodeDto implements CircuitNode {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PRODUCT_KINDS }) product!: ProductKind;
  @ApiProperty({ enum: SLA_CLASS_NAMES }) slaClass!: SlaClass;
  @ApiProperty() bandwidthBps!: number;
  @ApiProperty() orgUnitId!: string;
  @ApiProperty() aSiteId!: string;
  @ApiProperty() zSiteId!: string;
  @ApiProperty() aSiteName!: string;
  @ApiProperty() zSiteName!: string;
  @ApiProperty() aDeviceId!: string;
  @ApiProperty() zDeviceId!: string;
  @ApiProperty({ enum: CIRCUIT_STATES, description: 'State stored by ingestion (fresh).' })
  storedState!: CircuitState;
  @ApiProperty({ enum: LIVE_STATUSES, description: 'Worst live status along the route.' })
  status!: LiveStatus;
  @ApiProperty({ type: [String] }) routeDeviceIds!: string[];
  @ApiProperty({ type: [String] }) routeLinkIds!: string[];
  @ApiProperty({ type: [String], description: "Active alarms on the circuit's own route." })
  alarmIds!: string[];
}

export class ElementNodeDto implements ElementNode {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLE_NAMES }) role!: ElementRole;
  @ApiProperty() vendor!: string;
  @ApiProperty() model!: string;
  @ApiProperty() siteId!: string;
  @ApiProperty({ description: 'A shared operator element (PE, access, core).' })
  shared!: boolean;
  @ApiProperty({ enum: SEGMENT_NAMES }) segment!: Segment;
  @ApiProperty({ enum: LIVE_STATUSES }) status!: LiveStatus;
  @ApiProperty({ description: 'No poll answer for more than three poll intervals.' })
  silent!: boolean;
  @ApiProperty({ type: [String], description: 'Visible circuits crossing it (never others).' })
  circuitIds!: string[];
  @ApiProperty({
    type: [String],
    description:
      'Alarms on the element itself and, on a shared element, only on the ports the visible circuits cross.',
  })
  alarmIds!: string[];
}

export class LinkNodeDto implements LinkNode {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: LINK_KINDS }) kind!: LinkKind;
  @ApiProperty() aDeviceId!: string;
  @ApiProperty() zDeviceId!: string;
  @ApiProperty() capacityBps!: number;
  @ApiProperty({ enum: SEGMENT_NAMES }) segment!: Segment;
  @ApiProperty({ enum: LIVE_STATUSES }) status!: LiveStatus;
  @ApiProperty({ type: [String] }) circuitIds!: string[];
}

export class CustomerTopologySummaryDto {
  @ApiProperty({ type: StatusCountsDto }) circuits!: StatusCountsDto;
  @ApiProperty() sites!: number;
  @ApiProperty() sharedElements!: number;
  @ApiProperty() customerElements!: number;
  @ApiProperty({ description: 'Located faults touching the visible circuits.' })
  faults!: number;
}

export class CustomerTopologyStructureDto {
  @ApiProperty({ type: [OrgUnitNodeDto], description: 'Root first, parents before children.' })
  orgUnits!: OrgUnitNodeDto[];
  @ApiProperty({ type: [SiteNodeDto] }) sites!: SiteNodeDto[];
  @ApiProperty({ type: [CircuitNodeDto] }) circuits!: CircuitNodeDto[];
  @ApiProperty({ type: [ElementNodeDto] }) elements!: ElementNodeDto[];
  @ApiProperty({ type: [LinkNodeDto] }) links!: LinkNodeDto[];
}

export class CircuitRowDto implements CustomerCircuitRow {
  @ApiProperty() circuitId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PRODUCT_KINDS }) product!: string;
  @ApiProperty({ enum: SLA_CLASS_NAMES }) slaClass!: string;
  @ApiProperty() bandwidthBps!: number;
  @ApiProperty() orgUnitId!: string;
  @ApiProperty() orgUnitName!: string;
  @ApiProperty() aSiteName!: string;
  @ApiProperty() zSiteName!: string;
  @ApiProperty({ enum: LIVE_STATUSES }) status!: LiveStatus;
  @ApiProperty() alarmCount!: number;
}

export class CircuitRowPageDto extends PagedMetaDto {
  @ApiProperty({ type: [CircuitRowDto] }) items!: CircuitRowDto[];
}

export class SiteRowDto implements CustomerSiteRow {
  @ApiProperty() siteId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: SITE_KINDS }) kind!: string;
  @ApiProperty() city!: string;
  @ApiProperty({ nullable: true, type: String }) orgUnitName!: string | null;
  @ApiProperty() circuitCount!: number;
  @ApiProperty({ enum: LIVE_STATUSES }) status!: LiveStatus;
}

export class SiteRowPageDto extends PagedMetaDto {
  @ApiProperty({ type: [SiteRowDto] }) items!: SiteRowDto[];
}

/**
 * The caller's customer topology. Exactly one of `structure`, `cytoscape`,
 * `circuitRows`, `siteRows` is present, as `format` asked.
 */
export class CustomerTopologyDto {
  @ApiProperty({ enum: TOPOLOGY_FORMATS }) format!: TopologyFormat;
  @ApiProperty() customerId!: string;
  @ApiProperty() customerName!: string;
  @ApiProperty({ description: 'Root of the visible hierarchy (the customer root or a subtree).' })
  rootOrgUnitId!: string;
  @ApiProperty({ type: CustomerTopologySummaryDto }) summary!: CustomerTopologySummaryDto;
  @ApiProperty({ type: LiveInfoDto }) live!: LiveInfoDto;
  @ApiPropertyOptional({ type: CustomerTopologyStructureDto })
  structure?: CustomerTopologyStructureDto;
  @ApiPropertyOptional({ type: CytoscapeElementsDto }) cytoscape?: CytoscapeElementsDto;
  @ApiPropertyOptional({ type: CircuitRowPageDto }) circuitRows?: CircuitRowPageDto;
  @ApiPropertyOptional({ type: SiteRowPageDto }) siteRows?: SiteRowPageDto;
}
