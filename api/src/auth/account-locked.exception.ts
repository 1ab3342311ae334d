import { HttpException, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';

/**
 * 429: the username is locked after repeated failed sign-ins. The same answer for a
 * known and an unknown username (the lock is kept per name typed).
 */
export class AccountLockedException extends HttpException {
  constructor(readonly until: Date) {
    super(
      `This account is temporarily locked after repeated failed sign-ins; try again after ${until.toISOString()}.`,
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }

  get retryAfterSeconds(): number {
    return Math.max(1, Math.ceil((this.until.getTime() - Date.now()) / 1000));
  }
}

/** Awaits the work; on a lock, adds `Retry-After` to the response before the error renders. */
export async function withRetryAfter<T>(res: Response, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AccountLockedException) {
      res.setHeader('Retry-After', String(error.retryAfterSeconds));
    }
    throw error;
  }
}
