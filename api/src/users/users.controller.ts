import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Ip,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';

import type { AccessScope } from '../auth/access-scope';
import { CurrentPrincipal, CurrentScope } from '../auth/current-principal.decorator';
import type { VerifiedPrincipal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { IdParamDto } from '../common/params/id-param.dto';
import { ProblemResponses } from '../common/problem/problem-responses.decorator';
import {
  CreateUserDto,
  ResetPasswordDto,
  UpdateUserDto,
  UserListQueryDto,
} from './dto/user-requests.dto';
import { UserDto, UserPageDto } from './dto/user.dto';
import { USER_ADMIN_ROLES } from './user-assignment.policy';
import { UsersService } from './users.service';

/**
 * User administration: platform-admin for everyone, customer-admin for its own
 * customer's users (customer roles only). Any other role: 403. Users outside the
 * caller's scope: 404.
 */
@ApiTags('users')
@ApiBearerAuth('bearer')
@Roles(...USER_ADMIN_ROLES)
@ProblemResponses(401, 403)
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: "Users in the caller's scope, by username." })
  @ApiOkResponse({ type: UserPageDto })
  @ProblemResponses(400)
  list(@CurrentScope() scope: AccessScope, @Query() query: UserListQueryDto): Promise<UserPageDto> {
    return this.users.list(scope, query);
  }

  @Post()
  @ApiOperation({ summary: 'Create a user.' })
  @ApiCreatedResponse({ type: UserDto })
  @ProblemResponses(400, 409)
  create(
    @CurrentPrincipal() actor: VerifiedPrincipal,
    @Body() body: CreateUserDto,
    @Ip() ip: string,
  ): Promise<UserDto> {
    return this.users.create(actor, body, ip);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One user.' })
  @ApiOkResponse({ type: UserDto })
  @ProblemResponses(400, 404)
  get(@CurrentScope() scope: AccessScope, @Param() params: IdParamDto): Promise<UserDto> {
    return this.users.get(scope, params.id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change name, role, org unit or assigned customers.' })
  @ApiOkResponse({ type: UserDto })
  @ProblemResponses(400, 404, 409)
  update(
    @CurrentPrincipal() actor: VerifiedPrincipal,
    @CurrentScope() scope: AccessScope,
    @Param() params: IdParamDto,
    @Body() body: UpdateUserDto,
    @Ip() ip: string,
  ): Promise<UserDto> {
    return this.users.update(actor, scope, params.id, body, ip);
  }

  @Post(':id/disable')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Disable a user: sign-in refused, every session ended at once.' })
  @ApiOkResponse({ type: UserDto })
  @ProblemResponses(400, 404, 409)
  disable(
    @CurrentPrincipal() actor: VerifiedPrincipal,
    @CurrentScope() scope: AccessScope,
    @Param() params: IdParamDto,
    @Ip() ip: string,
  ): Promise<UserDto> {
    return this.users.setDisabled(actor, scope, params.id, true, ip);
  }

  @Post(':id/enable')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Enable a disabled user.' })
  @ApiOkResponse({ type: UserDto })
  @ProblemResponses(400, 404)
  enable(
    @CurrentPrincipal() actor: VerifiedPrincipal,
    @CurrentScope() scope: AccessScope,
    @Param() params: IdParamDto,
    @Ip() ip: string,
  ): Promise<UserDto> {
    return this.users.setDisabled(actor, scope, params.id, false, ip);
  }

  @Post(':id/password')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: "Set a user's password (administrator reset); ends the user's sessions.",
  })
  @ApiNoContentResponse()
  @ProblemResponses(400, 404)
  async resetPassword(
    @CurrentPrincipal() actor: VerifiedPrincipal,
    @CurrentScope() scope: AccessScope,
    @Param() params: IdParamDto,
    @Body() body: ResetPasswordDto,
    @Ip() ip: string,
  ): Promise<void> {
    await this.users.resetPassword(actor, scope, params.id, body.password, ip);
  }

  @Delete(':id/sessions')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'End every session of a user (refresh and access tokens).' })
  @ApiNoContentResponse()
  @ProblemResponses(400, 404)
  async revokeSessions(
    @CurrentPrincipal() actor: VerifiedPrincipal,
    @CurrentScope() scope: AccessScope,
    @Param() params: IdParamDto,
    @Ip() ip: string,
  ): Promise<void> {
    await this.users.revokeSessions(actor, scope, params.id, ip);
  }

  @Delete(':id/totp')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: "Remove a user's second factor (lost phone); the user may enrol again.",
  })
  @ApiNoContentResponse()
  @ProblemResponses(400, 404)
  async resetTotp(
    @CurrentPrincipal() actor: VerifiedPrincipal,
    @CurrentScope() scope: AccessScope,
    @Param() params: IdParamDto,
    @Ip() ip: string,
  ): Promise<void> {
    await this.users.resetTotp(actor, scope, params.id, ip);
  }
}
