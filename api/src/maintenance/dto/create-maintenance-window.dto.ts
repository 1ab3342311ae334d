import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
} from 'class-validator';

const ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

export class CreateMaintenanceWindowDto {
  @ApiProperty({ example: 'PE-GZ-01 software upgrade' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiPropertyOptional({ default: '' })
  @IsOptional()
  @IsString()
  @Length(0, 4000)
  description?: string;

  @ApiPropertyOptional({ type: [String], description: 'Elements worked on.', default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @Matches(ID_PATTERN, { each: true, message: 'each elementId must be an id' })
  elementIds?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Links worked on.', default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @Matches(ID_PATTERN, { each: true, message: 'each linkId must be an id' })
  linkIds?: string[];

  @ApiProperty({ type: String, format: 'date-time' })
  @IsISO8601(
    { strict: true, strictSeparator: true },
    { message: 'start must be an ISO 8601 date-time' },
  )
  start!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    description: 'After `start`, at most 31 days later.',
  })
  @IsISO8601(
    { strict: true, strictSeparator: true },
    { message: 'end must be an ISO 8601 date-time' },
  )
  end!: string;
}
