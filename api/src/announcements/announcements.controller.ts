import { Body, Controller, Get, Ip, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';

import type { AccessScope } from '../auth/access-scope';
import { CurrentPrincipal, CurrentScope } from '../auth/current-principal.decorator';
import type { VerifiedPrincipal } from '../auth/principal';
import { OPERATOR_ROLES, Roles } from '../auth/roles.decorator';
import { IdParamDto } from '../common/params/id-param.dto';
import { ProblemResponses } from '../common/problem/problem-responses.decorator';
import { AnnouncementsService } from './announcements.service';
import {
  AnnouncementDto,
  AnnouncementListQueryDto,
  AnnouncementPageDto,
  CreateAnnouncementDto,
} from './dto/announcement.dto';

@ApiTags('announcements')
@ApiBearerAuth('bearer')
@ProblemResponses(401)
@Controller()
export class AnnouncementsController {
  constructor(private readonly announcements: AnnouncementsService) {}

  @Post('announcements')
  @Roles(...OPERATOR_ROLES)
  @ApiOperation({
    summary: 'Publish a platform announcement to every customer or chosen ones (operator staff).',
  })
  @ApiCreatedResponse({ type: AnnouncementDto })
  @ProblemResponses(400, 403)
  create(
    @CurrentPrincipal() principal: VerifiedPrincipal,
    @CurrentScope() scope: AccessScope,
    @Ip() ip: string,
    @Body() body: CreateAnnouncementDto,
  ): Promise<AnnouncementDto> {
    return this.announcements.create({ principal, scope, ip }, body, new Date());
  }

  @Get('announcements')
  @ApiOperation({
    summary: 'Announcements the caller may see: current ones (operator staff: all).',
  })
  @ApiOkResponse({ type: AnnouncementPageDto })
  @ProblemResponses(400)
  list(
    @CurrentScope() scope: AccessScope,
    @Query() query: AnnouncementListQueryDto,
  ): Promise<AnnouncementPageDto> {
    return this.announcements.list(scope, query, new Date());
  }

  @Get('announcements/:id')
  @ApiOperation({ summary: 'One announcement.' })
  @ApiOkResponse({ type: AnnouncementDto })
  @ProblemResponses(400, 404)
  detail(
    @CurrentScope() scope: AccessScope,
    @Param() params: IdParamDto,
  ): Promise<AnnouncementDto> {
    return this.announcements.detail(scope, params.id);
  }

  @Post('maintenance-windows/:id/announce')
  @Roles(...OPERATOR_ROLES)
  @ApiOperation({
    summary:
      'Announce a maintenance window to the customers it affects and e-mail their admins and account managers (once per window).',
  })
  @ApiCreatedResponse({ type: AnnouncementDto })
  @ProblemResponses(400, 403, 404)
  announce(
    @CurrentPrincipal() principal: VerifiedPrincipal,
    @CurrentScope() scope: AccessScope,
    @Ip() ip: string,
    @Param() params: IdParamDto,
  ): Promise<AnnouncementDto> {
    return this.announcements.announceMaintenance({ principal, scope, ip }, params.id, new Date());
  }
}
