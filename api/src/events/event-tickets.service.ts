import { createHash, randomBytes } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import type { VerifiedPrincipal } from '../auth/principal';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { EventsRedis } from './events-redis';

/**
 * Single-use, short-lived tickets that open one event stream. A browser's EventSource
 * cannot send an Authorization header, so the client exchanges its bearer token for a
 * ticket (`POST /events/ticket`) and passes the ticket in the stream's URL. Only a hash
 * of the ticket is stored; it is deleted on first use (GETDEL), so a ticket that shows
 * up later in a proxy or access log opens nothing.
 */
@Injectable()
export class EventTicketsService {
  readonly ttlSeconds: number;

  constructor(
    private readonly redis: EventsRedis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.ttlSeconds = config.EVENTS_TICKET_TTL_SEC;
  }

  private keyOf(ticket: string): string {
    return `${this.redis.prefix}event-ticket:${createHash('sha256').update(ticket).digest('hex')}`;
  }

  async issue(principal: VerifiedPrincipal): Promise<string> {
    const ticket = randomBytes(32).toString('base64url');
    await this.redis.client.set(this.keyOf(ticket), principal.userId, 'EX', this.ttlSeconds);
    return ticket;
  }

  /** The user id the ticket was issued to, or null (unknown, expired or already used). */
  async consume(ticket: string): Promise<string | null> {
    return this.redis.client.getdel(this.keyOf(ticket));
  }
}
