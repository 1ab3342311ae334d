import { randomBytes } from 'node:crypto';

import { Body, Controller, Get, Inject, Ip, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { AuditService } from '../audit/audit.service';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { VerifiedPrincipal } from '../auth/principal';
import { PageQueryDto } from '../common/paging/page-query.dto';
import { ProblemResponses } from '../common/problem/problem-responses.decorator';
import { RequestValidationException } from '../common/problem/request-validation.exception';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import {
  NotificationLogPageDto,
  NotificationPreferencesDto,
  UpdateNotificationPreferencesDto,
} from './dto/notification-preferences.dto';
import { type NotificationPreferencesDocument, wantsCircuitFaults } from './notification.document';
import { NotificationsRepository } from './notifications.repository';
import { webhookUrlProblem } from './webhook-url.policy';

const DEFAULT_EVENTS = { status: true, notes: true, field: true, sla: true, circuitFaults: true };

/** The caller's own notification settings and deliveries; nobody reads another's. */
@ApiTags('notifications')
@ApiBearerAuth('bearer')
@ProblemResponses(401)
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly repository: NotificationsRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('preferences')
  @ApiOperation({ summary: 'My notification settings (e-mail, phone, webhook, which changes).' })
  @ApiOkResponse({ type: NotificationPreferencesDto })
  async preferences(
    @CurrentPrincipal() principal: VerifiedPrincipal,
  ): Promise<NotificationPreferencesDto> {
    return toDto(await this.load(principal.userId));
  }

  @Put('preferences')
  @ApiOperation({
    summary:
      'Change my notification settings; `rotateWebhookSecret` returns a new signing secret once.',
  })
  @ApiOkResponse({ type: NotificationPreferencesDto })
  @ProblemResponses(400)
  async update(
    @CurrentPrincipal() principal: VerifiedPrincipal,
    @Ip() ip: string,
    @Body() body: UpdateNotificationPreferencesDto,
  ): Promise<NotificationPreferencesDto> {
    const current = await this.load(principal.userId);
    if (body.webhookUrl) {
      const problem = await webhookUrlProblem(body.webhookUrl, this.config.WEBHOOK_ALLOW_PRIVATE);
      if (problem) throw new RequestValidationException([{ path: 'webhookUrl', message: problem }]);
    }
    const secret =
      body.rotateWebhookSecret || (body.webhookUrl && !current.webhookSecret)
        ? randomBytes(24).toString('base64url')
        : null;
    const next: NotificationPreferencesDocument = {
      ...current,
      email: body.email !== undefined ? body.email : current.email,
      phone: body.phone !== undefined ? body.phone : current.phone,
      emailEnabled: body.emailEnabled ?? current.emailEnabled,
      webhookUrl: body.webhookUrl !== undefined ? body.webhookUrl : current.webhookUrl,
      webhookEnabled: body.webhookEnabled ?? (body.webhookUrl ? true : current.webhookEnabled),
      webhookSecret: secret ?? current.webhookSecret,
      // A client that does not know `circuitFaults` yet leaves it as it was.
      events: body.events
        ? {
            status: body.events.status,
            notes: body.events.notes,
            field: body.events.field,
            sla: body.events.sla,
            circuitFaults: body.events.circuitFaults ?? wantsCircuitFaults(current),
          }
        : current.events,
      updatedAt: new Date(),
    };
    await this.repository.savePreferences(next);
    await this.audit.record({
      actor: principal,
      action: 'notifications.preferences',
      customerId: principal.customerId,
      target: { type: 'user', id: principal.userId },
      outcome: 'success',
      detail: { webhook: Boolean(next.webhookUrl), secretRotated: secret !== null },
      ip,
    });
    return { ...toDto(next), ...(secret ? { webhookSecret: secret } : {}) };
  }

  @Get()
  @ApiOperation({ summary: 'Notifications sent to me, newest first.' })
  @ApiOkResponse({ type: NotificationLogPageDto })
  @ProblemResponses(400)
  async log(
    @CurrentPrincipal() principal: VerifiedPrincipal,
    @Query() query: PageQueryDto,
  ): Promise<NotificationLogPageDto> {
    const result = await this.repository.listOwnLog(principal.userId, query);
    return {
      items: result.items.map((e) => ({
        id: e._id,
        ticketId: e.ticketId,
        channel: e.channel,
        kind: e.kind,
        subject: e.subject,
        status: e.status,
        attempts: e.attempts,
        createdAt: new Date(e.createdAt).toISOString(),
        sentAt: e.sentAt ? new Date(e.sentAt).toISOString() : null,
      })),
      page: query.page,
      pageSize: query.pageSize,
      total: result.total,
    };
  }

  private async load(userId: string): Promise<NotificationPreferencesDocument> {
    return (
      (await this.repository.preferencesOf(userId)) ?? {
        _id: userId,
        email: null,
        phone: null,
        emailEnabled: true,
        webhookUrl: null,
        webhookEnabled: false,
        webhookSecret: null,
        events: { ...DEFAULT_EVENTS },
        updatedAt: new Date(),
      }
    );
  }
}

function toDto(p: NotificationPreferencesDocument): NotificationPreferencesDto {
  return {
    email: p.email,
    phone: p.phone,
    emailEnabled: p.emailEnabled,
    webhookUrl: p.webhookUrl,
    webhookEnabled: p.webhookEnabled,
    webhookSecretSet: p.webhookSecret !== null,
    events: { ...p.events, circuitFaults: wantsCircuitFaults(p) },
  };
}
