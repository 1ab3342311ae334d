import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

import type { FaultSeverity, Segment } from '@circuitcare/topology';

import { PageQueryDto } from '../../common/paging/page-query.dto';
import { IsSortSpec } from '../../common/paging/sort-spec';
import {
  CircuitRefDto,
  CustomerCountDto,
  EvidenceDto,
  FAULT_SEVERITIES,
  LiveInfoDto,
  PagedMetaDto,
  SEGMENT_NAMES,
  SuspectDto,
} from './topology-common.dto';

export const FAULT_SORT_FIELDS = ['circuits', 'confidence', 'severity', 'segment', 'name'] as const;

export class FaultListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: FAULT_SEVERITIES })
  @IsOptional()
  @IsIn(FAULT_SEVERITIES)
  severity?: FaultSeverity;

  @ApiPropertyOptional({ enum: SEGMENT_NAMES })
  @IsOptional()
  @IsIn(SEGMENT_NAMES)
  segment?: Segment;

  @ApiPropertyOptional({
    description:
      "Only faults hurting this customer's circuits. Narrows the scope, never widens it (another customer: empty page).",
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, {
    message: 'customerId must be an id (letters, digits, . _ -)',
  })
  customerId?: string;

  @ApiPropertyOptional({
    description: `Comma-separated keys, \`-\` for descending (default -circuits,severity). Fields: ${FAULT_SORT_FIELDS.join(', ')}. severity sorts down before degraded.`,
    example: '-circuits',
  })
  @IsOptional()
  @IsSortSpec(FAULT_SORT_FIELDS)
  sort?: string;
}

/** One located fault (common cause) and the circuits it hurts in the caller's scope. */
export class CommonCauseDto {
  @ApiProperty({
    example: 'down|element|WH-PE-01',
    description: 'Stable while the evidence stays.',
  })
  id!: string;
  @ApiProperty({ type: SuspectDto }) suspect!: SuspectDto;
  @ApiProperty({ enum: FAULT_SEVERITIES }) severity!: FaultSeverity;
  @ApiProperty({ enum: SEGMENT_NAMES }) segment!: Segment;
  @ApiProperty({ description: '0..1.' }) confidence!: number;
  @ApiProperty({ description: "Circuits it hurts in the caller's scope." }) circuitCount!: number;
  @ApiProperty({
    type: [CircuitRefDto],
    description: "Those circuits (in the caller's scope only).",
  })
  circuits!: CircuitRefDto[];
  @ApiProperty({ type: [CustomerCountDto] }) customers!: CustomerCountDto[];
  @ApiProperty({
    type: [EvidenceDto],
    description:
      "Supporting facts. Operator staff see all of them; customers only those on their visible circuits' routes.",
  })
  evidence!: EvidenceDto[];
  @ApiProperty({ description: 'Further supporting facts not shown to the caller (a count only).' })
  otherSupportingFacts!: number;
}

export class FaultPageDto extends PagedMetaDto {
  @ApiProperty({ type: [CommonCauseDto] }) items!: CommonCauseDto[];
  @ApiProperty({ type: LiveInfoDto }) live!: LiveInfoDto;
}
