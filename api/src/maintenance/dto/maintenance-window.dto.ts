import { ApiProperty } from '@nestjs/swagger';

import type { MaintenanceStatus } from '../../database/documents';

export const MAINTENANCE_STATUSES: readonly MaintenanceStatus[] = [
  'planned',
  'approved',
  'cancelled',
  'completed',
];

export class MaintenanceCircuitDto {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  customerId!: string;
}

/** A maintenance window as the caller may see it: only its own circuits and customers listed. */
export class MaintenanceWindowDto {
  @ApiProperty({ example: 'mw-6c1f0a4e-…' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({
    type: [String],
    description: "Elements worked on; a customer sees only those on its circuits' routes.",
  })
  elementIds!: string[];

  @ApiProperty({ type: [String], description: 'Links worked on; same visibility rule.' })
  linkIds!: string[];

  @ApiProperty({ type: String, format: 'date-time' })
  start!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  end!: string;

  @ApiProperty({ enum: MAINTENANCE_STATUSES })
  status!: MaintenanceStatus;

  @ApiProperty({ type: [MaintenanceCircuitDto], description: 'Affected circuits in scope.' })
  circuits!: MaintenanceCircuitDto[];

  @ApiProperty({ type: [String], description: 'Affected customers in scope.' })
  customerIds!: string[];

  @ApiProperty({ description: 'Affected circuits in scope (the length of `circuits`).' })
  circuitCount!: number;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Username of the creator; shown to operator staff only.',
  })
  createdBy!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ nullable: true, type: String, description: 'Operator staff only.' })
  approvedBy!: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  approvedAt!: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Operator staff only.' })
  cancelledBy!: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  cancelledAt!: string | null;
}

export class MaintenanceWindowPageDto {
  @ApiProperty({ type: [MaintenanceWindowDto] })
  items!: MaintenanceWindowDto[];

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;

  @ApiProperty()
  total!: number;
}
