import { createECDH } from 'node:crypto';

import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Ip,
  NotFoundException,
  Param,
  Post,
  ServiceUnavailableException,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';

import { AuditService } from '../../audit/audit.service';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import type { VerifiedPrincipal } from '../../auth/principal';
import { IdParamDto } from '../../common/params/id-param.dto';
import { ProblemResponses } from '../../common/problem/problem-responses.decorator';
import { RequestValidationException } from '../../common/problem/request-validation.exception';
import {
  CreatePushSubscriptionDto,
  PushPublicKeyDto,
  PushSubscriptionDto,
} from '../dto/push-subscription.dto';
import { isBase64Url } from './push-config';
import { pushEndpointProblem } from './push-endpoint.policy';
import { PushSender } from './push-sender';
import { PushSubscriptionsRepository } from './push-subscriptions.repository';

/** Whether `p256dh` is a point on P-256 (a key the API can agree a secret with). */
function validBrowserKey(p256dh: string): boolean {
  if (!isBase64Url(p256dh.replace(/=+$/, ''), 65)) return false;
  try {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    // Throws for bytes that are not a point on the curve.
    ecdh.computeSecret(Buffer.from(p256dh, 'base64url'));
    return true;
  } catch {
    return false;
  }
}

/**
 * The caller's web push subscriptions (one per browser); deliveries go out with the
 * ticket notifications (notifications.processor.ts), by the same preferences.
 */
@ApiTags('notifications')
@ApiBearerAuth('bearer')
@ProblemResponses(401)
@Controller('push')
export class PushController {
  constructor(
    private readonly repository: PushSubscriptionsRepository,
    private readonly sender: PushSender,
    private readonly audit: AuditService,
  ) {}

  @Get('vapid-public-key')
  @ApiOperation({
    summary: "The server's VAPID public key for PushManager.subscribe, if push is on.",
  })
  @ApiOkResponse({ type: PushPublicKeyDto })
  publicKey(): PushPublicKeyDto {
    return { enabled: this.sender.enabled, publicKey: this.sender.publicKey };
  }

  @Post('subscriptions')
  @ApiOperation({
    summary:
      "Register this browser's push subscription for me (again: renews its keys); returns its id.",
  })
  @ApiCreatedResponse({ type: PushSubscriptionDto })
  @ProblemResponses(400, 503)
  async subscribe(
    @CurrentPrincipal() principal: VerifiedPrincipal,
    @Ip() ip: string,
    @Body() body: CreatePushSubscriptionDto,
  ): Promise<PushSubscriptionDto> {
    if (!this.sender.enabled) {
      throw new ServiceUnavailableException('Web push is not configured on this server.');
    }
    const errors: { path: string; message: string }[] = [];
    const problem = await pushEndpointProblem(body.endpoint, {
      allowLoopbackHttp: this.sender.allowLoopbackHttp,
    });
    if (problem) errors.push({ path: 'endpoint', message: `endpoint ${problem}` });
    if (!validBrowserKey(body.keys.p256dh))
      errors.push({ path: 'keys.p256dh', message: 'p256dh must be a P-256 public key' });
    if (!isBase64Url(body.keys.auth.replace(/=+$/, ''), 16))
      errors.push({ path: 'keys.auth', message: 'auth must be 16 bytes in base64url' });
    if (errors.length > 0) throw new RequestValidationException(errors);
    const now = new Date();
    const { doc, created } = await this.repository.saveOwn(
      principal,
      {
        endpoint: body.endpoint,
        keys: { p256dh: body.keys.p256dh, auth: body.keys.auth },
        expirationTime:
          typeof body.expirationTime === 'number' ? new Date(body.expirationTime) : null,
      },
      now,
    );
    await this.audit.record({
      actor: principal,
      action: 'notifications.push.subscribe',
      customerId: principal.customerId,
      // The id, never the endpoint: the endpoint is a capability to message the browser.
      target: { type: 'push-subscription', id: doc._id },
      outcome: 'success',
      detail: { created },
      ip,
    });
    return {
      id: doc._id,
      createdAt: doc.createdAt.toISOString(),
      updatedAt: doc.updatedAt.toISOString(),
      expirationTime: doc.expirationTime ? doc.expirationTime.toISOString() : null,
      subscriptions: await this.repository.countOwn(principal),
    };
  }

  @Delete('subscriptions/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove one of my push subscriptions (this browser stops receiving).' })
  @ApiNoContentResponse()
  @ProblemResponses(400, 404)
  async unsubscribe(
    @CurrentPrincipal() principal: VerifiedPrincipal,
    @Ip() ip: string,
    @Param() params: IdParamDto,
  ): Promise<void> {
    if (!(await this.repository.deleteOwn(principal, params.id))) {
      throw new NotFoundException(`Push subscription ${params.id} not found.`);
    }
    await this.audit.record({
      actor: principal,
      action: 'notifications.push.unsubscribe',
      customerId: principal.customerId,
      target: { type: 'push-subscription', id: params.id },
      outcome: 'success',
      ip,
    });
  }
}
