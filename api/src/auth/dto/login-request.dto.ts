import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class LoginRequestDto {
  @ApiProperty({ example: 'bank-a.admin' })
  @IsString()
  @Length(1, 100)
  username!: string;

  @ApiProperty({ example: 'Demo#2026', format: 'password' })
  @IsString()
  @Length(1, 200)
  password!: string;
}
