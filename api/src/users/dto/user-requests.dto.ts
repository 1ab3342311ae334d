import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
} from 'class-validator';

import { PageQueryDto } from '../../common/paging/page-query.dto';
import type { Role } from '../../database/documents';
import { ROLES } from '../roles';

const ID = /^[A-Za-z0-9._:-]{1,128}$/;

export class CreateUserDto {
  @ApiProperty({ example: 'bank-a.wuhan', description: 'Lower-case letters, digits, . _ -' })
  @Matches(/^[a-z0-9][a-z0-9._-]{1,62}$/, {
    message:
      'username must be 2-63 lower-case letters, digits, . _ - (starting with a letter or digit)',
  })
  username!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 100)
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: "Customer roles; a customer-admin's own customer when omitted.",
  })
  @IsOptional()
  @Matches(ID, { message: 'customerId must be an id' })
  customerId?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: "Customer roles; the customer's root org unit when omitted.",
  })
  @IsOptional()
  @Matches(ID, { message: 'orgUnitId must be an id' })
  orgUnitId?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'account-manager only.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @Matches(ID, { each: true, message: 'assignedCustomerIds must be ids' })
  assignedCustomerIds?: string[];

  @ApiProperty({
    format: 'password',
    description: 'At least 12 characters, not containing the username.',
  })
  @IsString()
  @Length(1, 200)
  password!: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'platform-admin only.' })
  @IsOptional()
  @Matches(ID, { message: 'customerId must be an id' })
  customerId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Matches(ID, { message: 'orgUnitId must be an id' })
  orgUnitId?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @Matches(ID, { each: true, message: 'assignedCustomerIds must be ids' })
  assignedCustomerIds?: string[];
}

export class ResetPasswordDto {
  @ApiProperty({
    format: 'password',
    description: 'At least 12 characters, not containing the username.',
  })
  @IsString()
  @Length(1, 200)
  password!: string;
}

export class UserListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(ID, { message: 'customerId must be an id' })
  customerId?: string;

  @ApiPropertyOptional({ description: 'true or false' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional({ description: 'Username prefix.' })
  @IsOptional()
  @Matches(/^[a-z0-9._-]{1,63}$/, { message: 'q must be a username prefix' })
  q?: string;
}
