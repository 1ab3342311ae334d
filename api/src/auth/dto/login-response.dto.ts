import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The tokens of a session (login, TOTP step, refresh). */
export class SessionTokensDto {
  @ApiProperty({ description: 'JWT (HS256); send as `Authorization: Bearer <accessToken>`.' })
  accessToken!: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType!: 'Bearer';

  @ApiProperty({ description: 'Lifetime of the access token in seconds.', example: 900 })
  expiresIn!: number;

  @ApiProperty({
    description:
      'Opaque; exchange at `POST /auth/refresh` for new tokens. Single use: each refresh returns a new one.',
  })
  refreshToken!: string;

  @ApiProperty({ description: 'Lifetime of the refresh token in seconds.', example: 604800 })
  refreshExpiresIn!: number;
}

/**
 * `mfaRequired: false`: the session tokens are there. `mfaRequired: true` (the user has
 * a second factor): only `mfaToken`; send it with a code to `POST /auth/login/totp`.
 */
export class LoginResponseDto {
  @ApiProperty()
  mfaRequired!: boolean;

  @ApiPropertyOptional()
  accessToken?: string;

  @ApiPropertyOptional({ enum: ['Bearer'] })
  tokenType?: 'Bearer';

  @ApiPropertyOptional({ example: 900 })
  expiresIn?: number;

  @ApiPropertyOptional()
  refreshToken?: string;

  @ApiPropertyOptional({ example: 604800 })
  refreshExpiresIn?: number;

  @ApiPropertyOptional({ description: 'Short-lived token for the TOTP step.' })
  mfaToken?: string;

  @ApiPropertyOptional({ example: 300 })
  mfaExpiresIn?: number;
}
