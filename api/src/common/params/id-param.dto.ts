import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

/** `/:id` path parameter: our ids are short strings of letters, digits and . _ : - */
export class IdParamDto {
  @ApiProperty()
  @Matches(/^[A-Za-z0-9._:-]{1,128}$/, { message: 'id must be 1-128 letters, digits or . _ : -' })
  id!: string;
}
