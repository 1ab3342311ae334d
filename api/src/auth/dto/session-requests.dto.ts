import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

export class RefreshRequestDto {
  @ApiProperty()
  @IsString()
  @Length(1, 200)
  refreshToken!: string;
}

export class TotpCodeDto {
  @ApiProperty({ example: '123456', description: 'The 6-digit code of the authenticator app.' })
  @Matches(/^\d{6}$/, { message: 'code must be 6 digits' })
  code!: string;
}

export class TotpLoginRequestDto extends TotpCodeDto {
  @ApiProperty({ description: 'The mfaToken of the login response.' })
  @IsString()
  @Length(1, 2000)
  mfaToken!: string;
}

export class ChangePasswordRequestDto {
  @ApiProperty({ format: 'password' })
  @IsString()
  @Length(1, 200)
  currentPassword!: string;

  @ApiProperty({
    format: 'password',
    description: 'At least 12 characters, not containing the username.',
  })
  @IsString()
  @Length(1, 200)
  newPassword!: string;
}

export class TotpEnrolmentDto {
  @ApiProperty({ description: 'Base32 secret, for typing into an authenticator app.' })
  secret!: string;

  @ApiProperty({ example: 'otpauth://totp/CircuitCare:bank-a.admin?secret=…&issuer=CircuitCare' })
  otpauthUri!: string;
}
