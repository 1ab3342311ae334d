import { type ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Response } from 'express';

/**
 * @nestjs/throttler's guard, answering like the rest of the API: a 429 problem with
 * a plain `Retry-After` (seconds). The library would name the header after the
 * throttler (`Retry-After-ip`), which clients do not read.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const retryAfter = Math.max(1, detail.timeToBlockExpire);
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfter));
    await Promise.resolve();
    throw new HttpException(
      `Too many requests; retry after ${retryAfter} s.`,
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
