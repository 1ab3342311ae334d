import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
} from 'class-validator';

import { PageQueryDto } from '../../common/paging/page-query.dto';

const iso = (name: string) =>
  IsISO8601(
    { strict: true, strictSeparator: true },
    { message: `${name} must be an ISO 8601 date-time` },
  );

export class CreateAnnouncementDto {
  @ApiProperty({ example: '平台升级通知 / Platform upgrade' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 8000)
  body!: string;

  @ApiProperty({ enum: ['all', 'customers'] })
  @IsIn(['all', 'customers'])
  audience!: 'all' | 'customers';

  @ApiPropertyOptional({ type: [String], description: 'For audience `customers`.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { each: true, message: 'each customerId must be an id' })
  customerIds?: string[];

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Default now.' })
  @IsOptional()
  @iso('publishAt')
  publishAt?: string;

  @ApiProperty({ type: String, format: 'date-time' })
  @iso('expiresAt')
  expiresAt!: string;

  @ApiPropertyOptional({ default: false, description: "Also e-mail the customers' admins." })
  @IsOptional()
  @IsBoolean()
  notify?: boolean;
}

export class AnnouncementListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Include expired and future ones (operator staff see all by default).',
    default: false,
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  all?: 'true' | 'false';
}

export class AnnouncementDto {
  @ApiProperty()
  id!: string;

  @ApiProperty({ enum: ['platform', 'maintenance'] })
  kind!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  body!: string;

  @ApiProperty({ enum: ['all', 'customers'] })
  audience!: string;

  @ApiProperty({
    type: [String],
    description: 'Customers addressed (a customer sees only itself).',
  })
  customerIds!: string[];

  @ApiProperty({ nullable: true, type: String })
  maintenanceWindowId!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  publishAt!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  expiresAt!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Recipients mailed (operator staff only).',
  })
  notifiedCount!: number | null;
}

export class AnnouncementPageDto {
  @ApiProperty({ type: [AnnouncementDto] })
  items!: AnnouncementDto[];

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;

  @ApiProperty()
  total!: number;
}
