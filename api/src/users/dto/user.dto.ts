import { ApiProperty } from '@nestjs/swagger';

import type { Role } from '../../database/documents';
import { ROLES } from '../roles';

/** A user as administrators and the user itself see it: never a hash or a secret. */
export class UserDto {
  @ApiProperty()
  id!: string;

  @ApiProperty({ example: 'bank-a.wuhan' })
  username!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ type: String, nullable: true, example: 'bank-a' })
  customerId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'bank-a-HB-WH' })
  orgUnitId!: string | null;

  @ApiProperty({ type: [String], description: 'account-manager: the customers assigned.' })
  assignedCustomerIds!: string[];

  @ApiProperty()
  disabled!: boolean;

  @ApiProperty({ description: 'Whether a TOTP second factor is enabled.' })
  totpEnabled!: boolean;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  updatedAt!: string | null;
}

export class UserPageDto {
  @ApiProperty({ type: [UserDto] })
  items!: UserDto[];

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;

  @ApiProperty()
  total!: number;
}
