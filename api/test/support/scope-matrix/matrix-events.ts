/** One SSE frame as received. */
export interface SseFrame {
  event: string;
  id: string | null;
  data: string;
}

/** An open `GET /events` stream: everything received is kept, raw and parsed. */
export interface EventStream {
  /** The raw text received so far (scanned whole for markers). */
  text(): string;
  frames(): SseFrame[];
  close(): Promise<void>;
}

/**
 * Opens the caller's event stream the way a browser does: a single-use ticket from
 * `POST /events/ticket` (bearer), then `GET /events?ticket=…`. Resolves once the server
 * says `ready` (the subscription is in place), so nothing published after it is missed.
 */
export async function openEventStream(baseUrl: string, token: string): Promise<EventStream> {
  const issued = await fetch(`${baseUrl}/events/ticket`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  if (issued.status !== 200) {
    throw new Error(`POST /events/ticket: HTTP ${issued.status} ${await issued.text()}`);
  }
  const { ticket } = (await issued.json()) as { ticket: string };
  const abort = new AbortController();
  const res = await fetch(`${baseUrl}/events?ticket=${encodeURIComponent(ticket)}`, {
    signal: abort.signal,
    headers: { accept: 'text/event-stream' },
  });
  if (res.status !== 200 || !res.body) {
    throw new Error(`GET /events: HTTP ${res.status} ${await res.text()}`);
  }
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  let readyResolve: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (readyResolve = resolve));
  const pump = (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
        if (/^event: ready$/m.test(text)) readyResolve();
      }
    } catch {
      // Aborted by close(): the stream ends here.
    }
    readyResolve();
  })();
  const timeout = setTimeout(readyResolve, 10_000);
  await ready;
  clearTimeout(timeout);
  if (!/^event: ready$/m.test(text)) throw new Error(`GET /events: no ready frame in ${text}`);
  return {
    text: () => text,
    frames: () => parseFrames(text),
    async close() {
      abort.abort();
      await pump;
    },
  };
}

export function parseFrames(text: string): SseFrame[] {
  const frames: SseFrame[] = [];
  for (const block of text.split('\n\n')) {
    let event = 'message';
    let id: string | null = null;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':') || line === '') continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'id') id = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length > 0) frames.push({ event, id, data: data.join('\n') });
  }
  return frames;
}
