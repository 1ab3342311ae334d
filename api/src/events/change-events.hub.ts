import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Redis } from 'ioredis';

import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { type ChangeEvent, compareStreamIds } from './change-event';
import { decodeEntry } from './change-events.stream';
import { EventsRedis } from './events-redis';

/** A live consumer of this replica's events (one SSE connection). */
export interface ChangeEventSubscriber {
  deliver(event: ChangeEvent): void;
  /** The replica is stopping: end the stream (the client reconnects, to another replica). */
  close(reason: 'shutdown'): void;
}

/** Most events a Last-Event-ID resume replays; further back, the client must reload. */
export const REPLAY_LIMIT = 1000;
const READ_BLOCK_MS = 5000;
const READ_COUNT = 500;
const RETRY_MS = 1000;

/**
 * This replica's reader of the change-event stream. Every API replica runs one: a
 * blocking XREAD loop on its own Redis connection, starting after the newest entry
 * present at start-up, fanning each event out to the replica's SSE connections. So
 * an event published by any replica or by the ingestion worker reaches the clients of
 * every replica, without a load balancer or sticky sessions.
 */
@Injectable()
export class ChangeEventsHub
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger(ChangeEventsHub.name);
  private readonly reader: Redis;
  private readonly subscribers = new Set<ChangeEventSubscriber>();
  private running = false;
  private loop: Promise<void> | null = null;
  /** Id of the last entry read; null until the start position is known. */
  private lastId: string | null = null;

  constructor(
    private readonly redis: EventsRedis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    // A blocking read holds its connection: this one is the reader's alone.
    this.reader = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: true });
    this.reader.on('error', () => undefined);
  }

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  /**
   * Before the HTTP server closes: it waits for open connections, and an event stream
   * never ends by itself, so every stream is closed here or shutdown would hang.
   */
  beforeApplicationShutdown(): void {
    for (const subscriber of [...this.subscribers]) subscriber.close('shutdown');
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    // Aborts the blocked XREAD at once instead of waiting out its timeout.
    this.reader.disconnect();
    await this.loop;
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  subscribe(subscriber: ChangeEventSubscriber): () => void {
    this.subscribers.add(subscriber);
    return () => {
      this.subscribers.delete(subscriber);
    };
  }

  /**
   * Events after `afterId` still in the stream (for a Last-Event-ID resume). `gap` says
   * some were trimmed away (or more than REPLAY_LIMIT follow): the client must reload.
   */
  async replay(afterId: string): Promise<{ events: ChangeEvent[]; gap: boolean }> {
    const client = this.redis.client;
    const key = this.redis.streamKey;
    const first = await client.xrange(key, '-', '+', 'COUNT', 1);
    const firstId = first[0]?.[0];
    if (firstId === undefined) return { events: [], gap: false };
    let gap = false;
    if (compareStreamIds(afterId, firstId) < 0) {
      // Older than the oldest entry: a gap iff the stream has ever lost entries.
      gap = (await this.entriesAdded(key)) > (await client.xlen(key));
    }
    const raw = await client.xrange(key, `(${afterId}`, '+', 'COUNT', REPLAY_LIMIT + 1);
    if (raw.length > REPLAY_LIMIT) return { events: [], gap: true };
    const events = raw
      .map(([id, fields]) => decodeEntry(id, fields))
      .filter((e): e is ChangeEvent => e !== null);
    return { events, gap };
  }

  private async entriesAdded(key: string): Promise<number> {
    const info = (await this.redis.client.call('XINFO', 'STREAM', key)) as unknown[];
    const at = info.indexOf('entries-added');
    // Redis < 7 does not count additions: assume entries were lost (the client reloads).
    return at >= 0 ? Number(info[at + 1]) : Number.POSITIVE_INFINITY;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        if (this.reader.status === 'wait' || this.reader.status === 'end') {
          await this.reader.connect();
        }
        if (this.lastId === null) this.lastId = await this.newestId();
        const reply = await this.reader.xread(
          'COUNT',
          READ_COUNT,
          'BLOCK',
          READ_BLOCK_MS,
          'STREAMS',
          this.redis.streamKey,
          this.lastId,
        );
        failures = 0;
        for (const [, entries] of reply ?? []) {
          for (const [id, fields] of entries) {
            this.lastId = id;
            const event = decodeEntry(id, fields);
            if (event) this.fanOut(event);
          }
        }
      } catch (err) {
        if (!this.running) break;
        failures += 1;
        // Once per outage, then every 30 failures: the loop retries every second.
        if (failures === 1 || failures % 30 === 0) {
          this.logger.warn(
            { err: err instanceof Error ? err.message : String(err), failures },
            'change-event stream read failed: retrying',
          );
        }
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  }

  private async newestId(): Promise<string> {
    const newest = await this.reader.xrevrange(this.redis.streamKey, '+', '-', 'COUNT', 1);
    return newest[0]?.[0] ?? '0-0';
  }

  private fanOut(event: ChangeEvent): void {
    for (const subscriber of this.subscribers) {
      try {
        subscriber.deliver(event);
      } catch (err) {
        this.logger.warn(
          { err: err instanceof Error ? err.message : String(err) },
          'an event subscriber failed',
        );
      }
    }
  }
}
