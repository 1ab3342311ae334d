import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

import type { CircuitState, ProductKind, Segment, SlaClass } from '@circuitcare/topology';

import { CIRCUIT_STATES, PRODUCT_KINDS } from '../../circuits/dto/circuit-list-query.dto';
import { SLA_CLASS_NAMES } from '../../circuits/dto/circuit-summary.dto';
import { PageQueryDto } from '../../common/paging/page-query.dto';
import { IsSortSpec } from '../../common/paging/sort-spec';
import { PagedMetaDto, SEGMENT_NAMES } from './topology-common.dto';

export const IMPACT_SORT_FIELDS = [
  'id',
  'name',
  'customerId',
  'product',
  'slaClass',
  'bandwidthBps',
  'state',
] as const;

export class ImpactQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: `Sorts the circuits. Comma-separated keys, \`-\` for descending (default customerId,id). Fields: ${IMPACT_SORT_FIELDS.join(', ')}.`,
  })
  @IsOptional()
  @IsSortSpec(IMPACT_SORT_FIELDS)
  sort?: string;
}

export class InterfaceParamDto {
  @ApiProperty()
  @Matches(/^[A-Za-z0-9._:-]{1,128}$/, { message: 'id must be 1-128 letters, digits or . _ : -' })
  id!: string;

  @ApiProperty({ minimum: 0 })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(2_147_483_647)
  ifIndex!: number;
}

export class ProductCountsDto implements Record<ProductKind, number> {
  @ApiProperty({ name: 'leased-line' }) 'leased-line'!: number;
  @ApiProperty({ name: 'mpls-vpn' }) 'mpls-vpn'!: number;
  @ApiProperty() internet!: number;
  @ApiProperty() vpdn!: number;
}

export class SlaCountsDto implements Record<SlaClass, number> {
  @ApiProperty() platinum!: number;
  @ApiProperty() gold!: number;
  @ApiProperty() silver!: number;
  @ApiProperty() bronze!: number;
}

export class CustomerImpactDto {
  @ApiProperty() customerId!: string;
  @ApiProperty() customerName!: string;
  @ApiProperty() circuitCount!: number;
  @ApiProperty({ type: ProductCountsDto }) byProduct!: ProductCountsDto;
  @ApiProperty({ type: SlaCountsDto }) bySla!: SlaCountsDto;
}

export class ImpactedCircuitDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() customerId!: string;
  @ApiProperty() orgUnitId!: string;
  @ApiProperty({ enum: PRODUCT_KINDS }) product!: ProductKind;
  @ApiProperty({ enum: SLA_CLASS_NAMES }) slaClass!: SlaClass;
  @ApiProperty() bandwidthBps!: number;
  @ApiProperty({ enum: CIRCUIT_STATES }) state!: CircuitState;
}

export class ImpactedCircuitPageDto extends PagedMetaDto {
  @ApiProperty({ type: [ImpactedCircuitDto] }) items!: ImpactedCircuitDto[];
}

export class ImpactTargetDto {
  @ApiProperty({ enum: ['element', 'link', 'interface'] }) type!: 'element' | 'link' | 'interface';
  @ApiProperty({ description: 'Element id, link id or `deviceId:ifIndex`.' }) id!: string;
  @ApiProperty({ description: 'sysName, `A ⇄ Z` for a link, `element ifName` for an interface.' })
  name!: string;
  @ApiProperty({ enum: SEGMENT_NAMES }) segment!: Segment;
}

/** What a failure of the target would take down: every circuit and customer it carries. */
export class ImpactDto {
  @ApiProperty({ type: ImpactTargetDto }) target!: ImpactTargetDto;
  @ApiProperty() circuitCount!: number;
  @ApiProperty() customerCount!: number;
  @ApiProperty({ type: ProductCountsDto }) byProduct!: ProductCountsDto;
  @ApiProperty({ type: SlaCountsDto }) bySla!: SlaCountsDto;
  @ApiProperty({ type: [CustomerImpactDto], description: 'Most circuits first.' })
  customers!: CustomerImpactDto[];
  @ApiProperty({ type: ImpactedCircuitPageDto, description: 'The circuits, paged and sorted.' })
  circuits!: ImpactedCircuitPageDto;
}
