import { Body, Controller, Get, HttpCode, HttpStatus, Ip, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';

import { ProblemResponses } from '../common/problem/problem-responses.decorator';
import { AuthRateLimited } from '../rate-limit/rate-limit.decorator';
import { UserDto } from '../users/dto/user.dto';
import { toUserDto } from '../users/user-dto.mapper';
import { withRetryAfter } from './account-locked.exception';
import { AuthService } from './auth.service';
import { CurrentPrincipal } from './current-principal.decorator';
import { LoginRequestDto } from './dto/login-request.dto';
import { LoginResponseDto, SessionTokensDto } from './dto/login-response.dto';
import {
  ChangePasswordRequestDto,
  RefreshRequestDto,
  TotpCodeDto,
  TotpEnrolmentDto,
  TotpLoginRequestDto,
} from './dto/session-requests.dto';
import type { VerifiedPrincipal } from './principal';
import { Public } from './public.decorator';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @AuthRateLimited()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Sign in with username and password.',
    description:
      'Returns the session tokens, or `mfaRequired: true` and an `mfaToken` for `POST /auth/login/totp` when the user has a second factor. ' +
      'After LOGIN_MAX_FAILURES failures within LOGIN_FAILURE_WINDOW_SECONDS the username is locked for LOGIN_LOCK_SECONDS: 429 with Retry-After.',
  })
  @ApiOkResponse({ type: LoginResponseDto })
  @ProblemResponses(400, 401, 429)
  login(
    @Body() body: LoginRequestDto,
    @Ip() ip: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponseDto> {
    return withRetryAfter(res, this.auth.login(body.username, body.password, ip));
  }

  @Public()
  @AuthRateLimited()
  @Post('login/totp')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Second sign-in step: the mfaToken and a TOTP code.' })
  @ApiOkResponse({ type: SessionTokensDto })
  @ProblemResponses(400, 401, 429)
  loginTotp(
    @Body() body: TotpLoginRequestDto,
    @Ip() ip: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionTokensDto> {
    return withRetryAfter(res, this.auth.loginTotp(body.mfaToken, body.code, ip));
  }

  @Public()
  @AuthRateLimited()
  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Exchange a refresh token for new tokens (the old refresh token is spent).',
    description:
      'Presenting a spent refresh token again revokes the whole session (reuse detection).',
  })
  @ApiOkResponse({ type: SessionTokensDto })
  @ProblemResponses(400, 401, 429)
  refresh(@Body() body: RefreshRequestDto, @Ip() ip: string): Promise<SessionTokensDto> {
    return this.auth.refresh(body.refreshToken, ip);
  }

  @Public()
  @AuthRateLimited()
  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'End the session of a refresh token.',
    description:
      'Always 204, whether the token was known or not. The access token lives on until it expires.',
  })
  @ApiNoContentResponse()
  @ProblemResponses(400, 429)
  async logout(@Body() body: RefreshRequestDto, @Ip() ip: string): Promise<void> {
    await this.auth.logout(body.refreshToken, ip);
  }

  @Get('me')
  @ApiBearerAuth('bearer')
  @ApiOperation({ summary: 'The signed-in user.' })
  @ApiOkResponse({ type: UserDto })
  @ProblemResponses(401)
  async me(@CurrentPrincipal() principal: VerifiedPrincipal): Promise<UserDto> {
    return toUserDto(await this.auth.self(principal));
  }

  @Post('password')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth('bearer')
  @ApiOperation({
    summary: "Change one's own password.",
    description: 'Ends every session of the user, this one included: sign in again.',
  })
  @ApiNoContentResponse()
  @ProblemResponses(400, 401)
  async changePassword(
    @CurrentPrincipal() principal: VerifiedPrincipal,
    @Body() body: ChangePasswordRequestDto,
    @Ip() ip: string,
  ): Promise<void> {
    await this.auth.changePassword(principal, body.currentPassword, body.newPassword, ip);
  }

  @Post('totp/enrol')
  @ApiBearerAuth('bearer')
  @AuthRateLimited()
  @ApiOperation({
    summary: 'Start enrolling a TOTP second factor.',
    description:
      'Returns the secret and its otpauth:// URI (show it as a QR code); the factor is on once `POST /auth/totp/confirm` gets a correct code.',
  })
  @ApiOkResponse({ type: TotpEnrolmentDto })
  @ProblemResponses(401, 409, 503)
  enrol(
    @CurrentPrincipal() principal: VerifiedPrincipal,
    @Ip() ip: string,
  ): Promise<TotpEnrolmentDto> {
    return this.auth.enrolTotp(principal, ip);
  }

  @Post('totp/confirm')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth('bearer')
  @AuthRateLimited()
  @ApiOperation({ summary: 'Turn the enrolled second factor on with a first correct code.' })
  @ApiNoContentResponse()
  @ProblemResponses(400, 401, 409, 503)
  async confirm(
    @CurrentPrincipal() principal: VerifiedPrincipal,
    @Body() body: TotpCodeDto,
    @Ip() ip: string,
  ): Promise<void> {
    await this.auth.confirmTotp(principal, body.code, ip);
  }

  @Post('totp/disable')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth('bearer')
  @AuthRateLimited()
  @ApiOperation({ summary: 'Turn the second factor off, with a current code.' })
  @ApiNoContentResponse()
  @ProblemResponses(400, 401, 409, 503)
  async disable(
    @CurrentPrincipal() principal: VerifiedPrincipal,
    @Body() body: TotpCodeDto,
    @Ip() ip: string,
  ): Promise<void> {
    await this.auth.disableTotp(principal, body.code, ip);
  }
}
