import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';

import { PageQueryDto } from '../../common/paging/page-query.dto';

const ID = /^[A-Za-z0-9._:-]{1,128}$/;

export class PlanContactDto {
  @ApiProperty({ enum: [1, 2, 3], description: 'Escalation level: 1 first.' })
  @IsIn([1, 2, 3])
  level!: 1 | 2 | 3;

  @ApiProperty()
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ example: '网络值班 / network duty' })
  @IsString()
  @Length(1, 100)
  role!: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @Matches(/^\+?[0-9 -]{5,20}$/, { message: 'phone must be a phone number' })
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string | null;
}

export class PlanStepDto {
  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  order!: number;

  @ApiProperty()
  @IsString()
  @Length(1, 1000)
  action!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 100)
  owner!: string;
}

export class EmergencyPlanBodyDto {
  @ApiProperty({ example: '核心链路中断应急预案' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiPropertyOptional({ default: '' })
  @IsOptional()
  @IsString()
  @Length(0, 4000)
  scenario?: string;

  @ApiPropertyOptional({ type: [String], default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @Matches(ID, { each: true, message: 'each circuitId must be an id' })
  circuitIds?: string[];

  @ApiPropertyOptional({ type: [String], default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @Matches(ID, { each: true, message: 'each siteId must be an id' })
  siteIds?: string[];

  @ApiProperty({ type: [PlanContactDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PlanContactDto)
  contacts!: PlanContactDto[];

  @ApiProperty({ type: [PlanStepDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PlanStepDto)
  steps!: PlanStepDto[];
}

export class UpdateEmergencyPlanDto extends EmergencyPlanBodyDto {
  @ApiProperty({ description: 'The version this change is based on: a stale one is 409.' })
  @IsInt()
  @Min(1)
  version!: number;
}

export class EmergencyPlanDto {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  version!: number;

  @ApiProperty()
  customerId!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  scenario!: string;

  @ApiProperty({ type: [String] })
  circuitIds!: string[];

  @ApiProperty({ type: [String] })
  siteIds!: string[];

  @ApiProperty({ type: [PlanContactDto], description: 'By level, then as entered.' })
  contacts!: PlanContactDto[];

  @ApiProperty({ type: [PlanStepDto] })
  steps!: PlanStepDto[];

  @ApiProperty()
  updatedBy!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: string;
}

export class EmergencyPlanPageDto {
  @ApiProperty({ type: [EmergencyPlanDto] })
  items!: EmergencyPlanDto[];

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;

  @ApiProperty()
  total!: number;
}

export class EmergencyPlanListQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'customerId must be an id' })
  customerId?: string;
}
