import { Inject, Injectable, Logger, UnauthorizedException } from '@nestjs/common';

import { scopeFor } from '../auth/access-scope';
import { principalFromUser } from '../auth/principal';
import { epochOf } from '../auth/sessions.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { UserDocument } from '../database/documents';
import { UsersRepository } from '../users/users.repository';
import { ChangeEventsHub } from './change-events.hub';
import { EventTicketsService } from './event-tickets.service';
import { type SseCloseReason, SseConnection, type SseSink } from './sse-connection';

/** What must stay the same for an open stream to stay open (else the scope could differ). */
function identityOf(user: UserDocument): string {
  return JSON.stringify([
    epochOf(user),
    user.role,
    user.customerId,
    user.orgUnitId,
    [...user.assignedCustomerIds].sort(),
  ]);
}

export interface StreamTransport extends SseSink {
  /** Registers what to do when the client goes away. */
  onClientGone(listener: () => void): void;
}

/** Opens event streams: ticket → user → scope → hub subscription, heartbeats and re-checks. */
@Injectable()
export class EventsStreamService {
  private readonly logger = new Logger(EventsStreamService.name);

  constructor(
    private readonly hub: ChangeEventsHub,
    private readonly tickets: EventTicketsService,
    private readonly users: UsersRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Throws 401 (before anything is written) when the ticket does not open a stream. */
  async authenticate(ticket: string | undefined): Promise<UserDocument> {
    if (ticket === undefined) {
      throw new UnauthorizedException('A stream ticket from POST /events/ticket is required.');
    }
    const userId = await this.tickets.consume(ticket);
    const user = userId ? await this.users.findEnabledById(userId) : null;
    if (!user) throw new UnauthorizedException('The stream ticket is invalid, expired or used.');
    return user;
  }

  /** Streams to the transport until the client leaves, is too slow, or its user changes. */
  async open(
    user: UserDocument,
    transport: StreamTransport,
    lastEventId: string | null,
  ): Promise<void> {
    const identity = identityOf(user);
    const timers: NodeJS.Timeout[] = [];
    let unsubscribe = (): void => undefined;
    const connection = new SseConnection(
      transport,
      scopeFor(principalFromUser(user)),
      this.config.EVENTS_CLIENT_BUFFER_BYTES,
      (reason: SseCloseReason) => {
        for (const t of timers) clearInterval(t);
        unsubscribe();
        this.logger.log({ userId: user._id, reason }, 'event stream closed');
      },
    );
    // Subscribed before the replay is read: live events meanwhile are held, none lost.
    unsubscribe = this.hub.subscribe(connection);
    connection.write('retry: 3000\n\n');
    timers.push(
      setInterval(() => connection.heartbeat(), this.config.EVENTS_HEARTBEAT_SEC * 1000),
      setInterval(() => {
        void this.recheck(user._id, identity, connection);
      }, this.config.EVENTS_USER_RECHECK_SEC * 1000),
    );
    for (const t of timers) t.unref();
    // Last: a client already gone closes at once, which undoes the subscription and timers.
    transport.onClientGone(() => connection.close('client'));
    if (connection.isClosed) return;
    try {
      const { events, gap } = lastEventId
        ? await this.hub.replay(lastEventId)
        : { events: [], gap: false };
      connection.finishReplay(events, gap);
    } catch (err) {
      this.logger.warn(
        { err: err instanceof Error ? err.message : String(err), userId: user._id },
        'event replay failed: the client must reload',
      );
      connection.finishReplay([], true);
    }
    this.logger.log(
      { userId: user._id, resumed: lastEventId !== null, clients: this.hub.subscriberCount },
      'event stream opened',
    );
  }

  /** Closes the stream of a user who was disabled, lost its sessions or changed scope. */
  private async recheck(
    userId: string,
    identity: string,
    connection: SseConnection,
  ): Promise<void> {
    if (connection.isClosed) return;
    try {
      const now = await this.users.findEnabledById(userId);
      if (!now || identityOf(now) !== identity) connection.close('user-changed');
    } catch (err) {
      // The database is away: keep streaming (the scope was right a moment ago), check again later.
      this.logger.warn(
        { err: err instanceof Error ? err.message : String(err), userId },
        'event stream user re-check failed',
      );
    }
  }
}
