/** One Server-Sent Event as received. */
export interface SseFrame {
  id: string | null;
  event: string;
  data: unknown;
  receivedAt: number;
}

/** A change event's `data:` (ChangeEventMessage). */
export interface ChangeMessage {
  kind: string;
  action: string;
  id: string;
  time: string;
  data: Record<string, unknown>;
}

/** Asks the API for a single-use stream ticket with a bearer token. */
export async function streamTicket(baseUrl: string, token: string): Promise<string> {
  const res = await fetch(`${baseUrl}/events/ticket`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  if (res.status !== 200) throw new Error(`ticket: HTTP ${res.status} ${await res.text()}`);
  return ((await res.json()) as { ticket: string }).ticket;
}

/**
 * A real SSE client over fetch: reads `GET /events`, parses frames as a browser's
 * EventSource does (id/event/data lines, comments ignored) and keeps them.
 */
export class SseTestClient {
  readonly frames: SseFrame[] = [];
  /** Resolves when the server ends the stream (or the client aborts it). */
  readonly ended: Promise<void>;
  private readonly abort = new AbortController();
  private waiters: Array<() => void> = [];
  private finished = false;

  private constructor(response: Response) {
    this.ended = this.read(response).finally(() => {
      this.finished = true;
      for (const w of this.waiters) w();
    });
  }

  static async open(
    baseUrl: string,
    token: string,
    options: { lastEventId?: string; lastEventIdQuery?: boolean } = {},
  ): Promise<SseTestClient> {
    const ticket = await streamTicket(baseUrl, token);
    const query = new URLSearchParams({ ticket });
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (options.lastEventId && options.lastEventIdQuery)
      query.set('lastEventId', options.lastEventId);
    else if (options.lastEventId) headers['last-event-id'] = options.lastEventId;
    const controller = new AbortController();
    const response = await fetch(`${baseUrl}/events?${query.toString()}`, {
      headers,
      signal: controller.signal,
    });
    if (response.status !== 200) {
      throw new Error(`events: HTTP ${response.status} ${await response.text()}`);
    }
    const client = new SseTestClient(response);
    client.abort.signal.addEventListener('abort', () => controller.abort());
    return client;
  }

  get isEnded(): boolean {
    return this.finished;
  }

  /** Change events only (not ready/resync), as parsed messages. */
  messages(): Array<ChangeMessage & { streamId: string | null; receivedAt: number }> {
    return this.frames
      .filter((f) => f.event.includes('.'))
      .map((f) => ({ ...(f.data as ChangeMessage), streamId: f.id, receivedAt: f.receivedAt }));
  }

  /** Waits for a frame matching `predicate` (already received or to come). */
  async waitFor(
    predicate: (frame: SseFrame) => boolean,
    what: string,
    timeoutMs = 20000,
  ): Promise<SseFrame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.find(predicate);
      if (found) return found;
      if (this.finished) throw new Error(`stream ended before ${what}`);
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(
          `timed out waiting for ${what}; got: ${this.frames.map((f) => f.event).join(', ')}`,
        );
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 250));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  waitForEvent(event: string, id: string, timeoutMs?: number): Promise<SseFrame> {
    return this.waitFor(
      (f) => f.event === event && (f.data as ChangeMessage | null)?.id === id,
      `${event} ${id}`,
      timeoutMs,
    );
  }

  close(): Promise<void> {
    this.abort.abort();
    return this.ended;
  }

  private async read(response: Response): Promise<void> {
    const body = response.body as unknown as AsyncIterable<Uint8Array>;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const value of body) {
        buffer += decoder.decode(value, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          this.parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // Aborted by close(): the stream simply ends.
    }
  }

  private parse(block: string): void {
    let id: string | null = null;
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':') || line === '') continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') id = value;
      else if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length === 0) return;
    this.frames.push({ id, event, data: JSON.parse(data.join('\n')), receivedAt: Date.now() });
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
