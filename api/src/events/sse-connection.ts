import type { AccessScope } from '../auth/access-scope';
import { type ChangeEvent, compareStreamIds, redactFor } from './change-event';
import type { ChangeEventSubscriber } from './change-events.hub';

/** The part of an HTTP response an SSE connection writes to. */
export interface SseSink {
  write(chunk: string): boolean;
  /** Bytes written but not yet flushed to the socket. */
  readonly writableLength: number;
  end(): void;
  /** Drops the connection and whatever is still buffered for it (a client that stopped reading). */
  abort(): void;
}

export type SseCloseReason = 'client' | 'slow' | 'user-changed' | 'shutdown' | 'error';

/** Live events buffered while a resume replays: past this the client is dropped. */
const MAX_PENDING = 5000;

/** One SSE line block. `data` is one JSON line, so it never contains a newline. */
export function sseFrame(event: string, data: unknown, id?: string): string {
  return `${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * One client's event stream. Receives every event of the replica (it is a hub
 * subscriber) and writes those its scope may see, redacted for it. While a
 * Last-Event-ID resume replays from the stream, live events are held and then sent
 * after the replay, skipping any already sent (ids only grow). Back-pressure: a client
 * that leaves more than `maxBufferBytes` unread is dropped rather than buffered
 * without end; it reconnects with its Last-Event-ID and resumes.
 */
export class SseConnection implements ChangeEventSubscriber {
  private pending: ChangeEvent[] | null = [];
  private lastSentId: string | null = null;
  /** Last id this client was sent (ids of events it may not see are not shown to it). */
  private lastVisibleId: string | null = null;
  private closed = false;

  constructor(
    private readonly sink: SseSink,
    private readonly scope: AccessScope,
    private readonly maxBufferBytes: number,
    private readonly onClose: (reason: SseCloseReason) => void,
  ) {}

  get isClosed(): boolean {
    return this.closed;
  }

  deliver(event: ChangeEvent): void {
    if (this.closed) return;
    if (this.pending) {
      if (this.pending.length >= MAX_PENDING) {
        this.close('slow');
        return;
      }
      this.pending.push(event);
      return;
    }
    this.send(event);
  }

  /** Ends the replay phase: replayed events first, then the live ones held meanwhile. */
  finishReplay(replayed: readonly ChangeEvent[], gap: boolean): void {
    if (this.closed) return;
    // The client's state is older than the stream: it must reload before applying events.
    if (gap) this.write(sseFrame('resync', { reason: 'events were lost: reload' }));
    for (const event of replayed) this.send(event);
    const held = this.pending ?? [];
    this.pending = null;
    for (const event of held) this.send(event);
    this.write(sseFrame('ready', { lastEventId: this.lastVisibleId }));
  }

  heartbeat(): void {
    this.write(`: heartbeat ${new Date().toISOString()}\n\n`);
  }

  /** Writes a frame that is not a change event (retry hint, ready, resync). */
  write(chunk: string): void {
    if (this.closed) return;
    this.sink.write(chunk);
    if (this.sink.writableLength > this.maxBufferBytes) this.close('slow');
  }

  close(reason: SseCloseReason): void {
    if (this.closed) return;
    this.closed = true;
    this.pending = null;
    // end() would wait for the unread buffer to drain, which a stalled client never does
    // (and a server closing for shutdown waits for every connection to finish).
    if (reason === 'slow' || reason === 'shutdown') this.sink.abort();
    else if (reason !== 'client') this.sink.end();
    this.onClose(reason);
  }

  private send(event: ChangeEvent): void {
    if (this.lastSentId !== null && compareStreamIds(event.streamId, this.lastSentId) <= 0) return;
    this.lastSentId = event.streamId;
    const message = redactFor(this.scope, event);
    if (!message) return;
    this.lastVisibleId = event.streamId;
    this.write(sseFrame(`${message.kind}.${message.action}`, message, event.streamId));
  }
}
