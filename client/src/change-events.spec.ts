import { of, throwError } from 'rxjs';

import { type ChangeStreamItem, type EventSourceLike, changeEvents } from './change-events';

type Listener = (event: { data?: string; lastEventId?: string }) => void;

/** An EventSource double: records its URL, lets the test fire frames and errors. */
class FakeEventSource implements EventSourceLike {
  readyState = 1;
  closed = false;
  private readonly listeners = new Map<string, Listener[]>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close(): void {
    this.closed = true;
    this.readyState = 2;
  }
  fire(type: string, event: { data?: string; lastEventId?: string } = {}): void {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

describe('changeEvents', () => {
  const message = {
    kind: 'alarm',
    action: 'raised',
    id: 'alm-1',
    time: '2026-11-22T08:00:00.000Z',
    data: {},
  };

  function setUp(tickets: string[]) {
    const sources: FakeEventSource[] = [];
    const items: ChangeStreamItem[] = [];
    let issued = 0;
    const subscription = changeEvents({
      rootUrl: 'https://api.example',
      retryMs: 1,
      ticket: () => {
        const ticket = tickets[issued++];
        return ticket ? of({ ticket, expiresInSeconds: 30 }) : throwError(() => new Error('401'));
      },
      eventSource: (url) => {
        const source = new FakeEventSource(url);
        sources.push(source);
        return source;
      },
    }).subscribe((item) => items.push(item));
    return { sources, items, subscription };
  }

  it('opens the stream with a ticket and emits ready and the parsed changes', async () => {
    const { sources, items, subscription } = setUp(['t-1']);
    await tick();
    expect(sources.map((s) => s.url)).toEqual(['https://api.example/api/v1/events?ticket=t-1']);
    sources[0]!.fire('ready', { data: '{}' });
    sources[0]!.fire('alarm.raised', { data: JSON.stringify(message), lastEventId: '1-0' });
    sources[0]!.fire('alarm.raised', { data: 'not json', lastEventId: '2-0' });
    expect(items).toEqual([{ type: 'ready' }, { type: 'change', name: 'alarm.raised', message }]);
    subscription.unsubscribe();
    expect(sources[0]!.closed).toBe(true);
  });

  it('reconnects after an error with a new ticket and the last event id seen', async () => {
    const { sources, items, subscription } = setUp(['t-1', 't-2']);
    await tick();
    sources[0]!.fire('circuit.state', {
      data: JSON.stringify({ ...message, kind: 'circuit' }),
      lastEventId: '7-3',
    });
    sources[0]!.fire('error');
    expect(sources[0]!.closed).toBe(true);
    await tick(20);
    expect(sources[1]!.url).toBe('https://api.example/api/v1/events?ticket=t-2&lastEventId=7-3');
    sources[1]!.fire('resync');
    expect(items.map((i) => i.type)).toEqual(['change', 'resync']);
    subscription.unsubscribe();
  });

  it('keeps trying while no ticket can be had, and stops when unsubscribed', async () => {
    const { sources, subscription } = setUp([]);
    await tick(20);
    expect(sources).toEqual([]);
    subscription.unsubscribe();
  });
});
