import { ApiProperty } from '@nestjs/swagger';

export class LoginResponseDto {
  @ApiProperty({ description: 'JWT (HS256); send as `Authorization: Bearer <accessToken>`.' })
  accessToken!: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType!: 'Bearer';

  @ApiProperty({ description: 'Lifetime of the token in seconds.', example: 3600 })
  expiresIn!: number;
}
