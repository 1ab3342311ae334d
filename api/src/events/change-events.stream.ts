import { Redis } from 'ioredis';

import type { ChangeEvent, ChangeEventInput, StoredChangeEvent } from './change-event';

/** Key of the stream: prefixed by the database name, like the other Redis keys, so deployments (and test runs) sharing one Redis never mix. */
export function changeStreamKey(mongoDb: string): string {
  return `${mongoDb}:change-events`;
}

/**
 * Approximate length the stream is trimmed to on every write (`XADD … MAXLEN ~`):
 * it bounds both Redis memory and how far back a Last-Event-ID resume can go.
 */
export const STREAM_MAX_LEN = 10_000;

const FAILURE_LOG_INTERVAL_MS = 10_000;

/** Something that can publish change events (the Nest publisher, or the worker's writer). */
export interface ChangeEventSink {
  publish(events: readonly ChangeEventInput[]): Promise<void>;
}

/** Minimal logger shape shared by pino and the Nest logger adapter. */
export interface EventsLog {
  error(obj: object, msg: string): void;
}

/**
 * A Redis connection for writing. No offline queue: while Redis is away a command fails
 * at once instead of holding the caller (an ingestion chunk) through the reconnects.
 */
export function writerConnection(url: string): Redis {
  const client = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  // Without a listener ioredis reports every reconnect failure as an unhandled error event.
  client.on('error', () => undefined);
  return client;
}

/** Encodes one event as the field/value pairs of a stream entry (one JSON field). */
export function encodeEntry(event: ChangeEventInput, source: string, now: Date): string[] {
  const stored: StoredChangeEvent = { ...event, time: now.toISOString(), source };
  return ['e', JSON.stringify(stored)];
}

/** Decodes a stream entry; null for an entry that is not a change event (never throws). */
export function decodeEntry(streamId: string, fields: readonly string[]): ChangeEvent | null {
  for (let i = 0; i + 1 < fields.length; i += 2) {
    if (fields[i] !== 'e') continue;
    try {
      const parsed = JSON.parse(fields[i + 1]!) as StoredChangeEvent;
      if (
        typeof parsed.kind !== 'string' ||
        typeof parsed.id !== 'string' ||
        !Array.isArray(parsed.customerIds) ||
        !Array.isArray(parsed.orgUnitIds)
      ) {
        return null;
      }
      return { ...parsed, data: parsed.data ?? {}, streamId };
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * Writes change events to the Redis Stream every API replica reads. Never throws: the
 * change the events describe is already stored, so a Redis outage is logged with
 * context and the caller (an HTTP request, the Kafka ingestion) carries on; clients
 * then miss live events and resynchronise by reloading (documented in ADR 0013).
 */
export class RedisChangeEventsWriter implements ChangeEventSink {
  /** Failures since the last logged one: an outage logs once per interval, not once per chunk. */
  private unlogged = 0;
  private lastLoggedAt = 0;

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly source: string,
    private readonly log: EventsLog,
  ) {}

  async publish(events: readonly ChangeEventInput[]): Promise<void> {
    if (events.length === 0) return;
    const at = new Date();
    try {
      const pipeline = this.redis.pipeline();
      for (const event of events) {
        pipeline.xadd(
          this.key,
          'MAXLEN',
          '~',
          STREAM_MAX_LEN,
          '*',
          ...encodeEntry(event, this.source, at),
        );
      }
      const results = (await pipeline.exec()) ?? [];
      const failed = results.find(([err]) => err !== null);
      if (failed?.[0]) throw failed[0];
    } catch (err) {
      this.unlogged += events.length;
      const now = Date.now();
      if (now - this.lastLoggedAt < FAILURE_LOG_INTERVAL_MS) return;
      this.lastLoggedAt = now;
      const dropped = this.unlogged;
      this.unlogged = 0;
      this.log.error(
        {
          err: err instanceof Error ? err.message : String(err),
          stream: this.key,
          dropped,
          first: { kind: events[0]!.kind, action: events[0]!.action, id: events[0]!.id },
        },
        'change events could not be published: live clients miss them',
      );
    }
  }
}
