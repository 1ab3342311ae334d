export interface TrapPublishQueueOptions {
  /** Items held at most; beyond it new items are dropped and counted. */
  capacity: number;
  /** Wait this long after the first item of a batch, to gather a storm into few sends. */
  lingerMs: number;
  batchMax: number;
  /** Backoff after a failed send (doubling up to maxBackoffMs): the batch stays at the head. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
}

export interface TrapPublishQueueHooks<T> {
  onDrop?(item: T, droppedTotal: number): void;
  onSendError?(error: unknown, attempt: number, batchSize: number): void;
}

/**
 * A bounded FIFO between the UDP socket and Kafka. One batch is in flight at a time,
 * so order is kept; a failed batch is retried until it is accepted (nothing is lost
 * to a broker hiccup); only when the bound is exceeded is a new item dropped, and
 * counted. UDP cannot push back on its senders: the kernel receive buffer and this
 * bound are the whole backpressure there is.
 */
export class TrapPublishQueue<T> {
  private items: T[] = [];
  private head = 0;
  private timer: NodeJS.Timeout | null = null;
  private sending = false;
  private closed = false;
  private idleWaiters: (() => void)[] = [];
  readonly counters = { accepted: 0, published: 0, dropped: 0, sendErrors: 0, batches: 0 };

  constructor(
    private readonly send: (batch: T[]) => Promise<void>,
    private readonly options: TrapPublishQueueOptions,
    private readonly hooks: TrapPublishQueueHooks<T> = {},
  ) {}

  get size(): number {
    return this.items.length - this.head;
  }

  /** Queues an item; false if it was dropped because the queue is full. */
  offer(item: T): boolean {
    if (this.size >= this.options.capacity) {
      this.counters.dropped += 1;
      this.hooks.onDrop?.(item, this.counters.dropped);
      return false;
    }
    this.items.push(item);
    this.counters.accepted += 1;
    this.kick();
    return true;
  }

  /** Resolves when everything queued so far is published (or `close` gave up waiting). */
  drained(): Promise<void> {
    if (this.size === 0 && !this.sending) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops retrying; pending items stay unsent. Used after a drain deadline at shutdown. */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.notifyIdle();
  }

  private kick(): void {
    if (this.sending || this.closed) return;
    if (this.size >= this.options.batchMax) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      void this.drain();
    } else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.drain();
      }, this.options.lingerMs);
    }
  }

  private async drain(): Promise<void> {
    if (this.sending || this.closed) return;
    this.sending = true;
    let attempt = 0;
    while (this.size > 0 && !this.closed) {
      const batch = this.items.slice(this.head, this.head + this.options.batchMax);
      try {
        await this.send(batch);
        this.head += batch.length;
        this.counters.published += batch.length;
        this.counters.batches += 1;
        attempt = 0;
        this.compact();
      } catch (error) {
        attempt += 1;
        this.counters.sendErrors += 1;
        this.hooks.onSendError?.(error, attempt, batch.length);
        const initial = this.options.initialBackoffMs ?? 200;
        const backoff = Math.min(initial * 2 ** (attempt - 1), this.options.maxBackoffMs ?? 5000);
        await new Promise((resolve) => setTimeout(resolve, backoff));
      }
    }
    this.sending = false;
    if (this.size === 0 || this.closed) this.notifyIdle();
  }

  private compact(): void {
    if (this.head > 4096 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    }
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}
