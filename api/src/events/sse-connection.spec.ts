import { userOf } from '../../test/support/user-documents';
import { scopeFor } from '../auth/access-scope';
import { principalFromUser } from '../auth/principal';
import type { ChangeEvent } from './change-event';
import { type SseCloseReason, SseConnection, type SseSink } from './sse-connection';

class FakeSink implements SseSink {
  chunks: string[] = [];
  ended = false;
  /** Bytes the "socket" has not taken yet: grows with every write until drained. */
  unread = 0;
  write(chunk: string): boolean {
    this.chunks.push(chunk);
    this.unread += chunk.length;
    return true;
  }
  get writableLength(): number {
    return this.unread;
  }
  end(): void {
    this.ended = true;
  }
  aborted = false;
  abort(): void {
    this.aborted = true;
  }
  /** The SSE event ids written so far. */
  ids(): string[] {
    return this.chunks.flatMap((c) => /^id: (\S+)/.exec(c)?.[1] ?? []);
  }
}

const event = (streamId: string, customerIds = ['bank-a']): ChangeEvent => ({
  streamId,
  kind: 'alarm',
  action: 'raised',
  id: `alm-${streamId}`,
  customerIds,
  orgUnitIds: [],
  data: {},
  time: '2026-11-22T08:00:00.000Z',
  source: 'test',
});

const bankA = scopeFor(principalFromUser(userOf('customer-admin', { customerId: 'bank-a' })));

function connection(maxBuffer = 1_000_000) {
  const sink = new FakeSink();
  const closed: SseCloseReason[] = [];
  const conn = new SseConnection(sink, bankA, maxBuffer, (r) => closed.push(r));
  return { sink, conn, closed };
}

describe('SseConnection', () => {
  it('writes events as SSE frames named kind.action, with the stream id', () => {
    const { sink, conn } = connection();
    conn.finishReplay([], false);
    conn.deliver(event('5-0'));
    const frame = sink.chunks.find((c) => c.startsWith('id: 5-0'));
    expect(frame).toBe(
      'id: 5-0\nevent: alarm.raised\ndata: {"kind":"alarm","action":"raised","id":"alm-5-0",' +
        '"time":"2026-11-22T08:00:00.000Z","data":{}}\n\n',
    );
  });

  it('holds live events during the replay, then sends them after it without duplicates', () => {
    const { sink, conn } = connection();
    conn.deliver(event('3-0'));
    conn.deliver(event('4-0'));
    expect(sink.ids()).toEqual([]);
    conn.finishReplay([event('2-0'), event('3-0')], false);
    conn.deliver(event('4-0')); // a late duplicate is skipped too
    conn.deliver(event('6-0'));
    expect(sink.ids()).toEqual(['2-0', '3-0', '4-0', '6-0']);
    expect(sink.chunks.some((c) => c.startsWith('event: ready'))).toBe(true);
  });

  it('skips events outside the scope and never reports their ids', () => {
    const { sink, conn } = connection();
    conn.finishReplay([event('1-0'), event('2-0', ['bank-b'])], false);
    expect(sink.ids()).toEqual(['1-0']);
    const ready = sink.chunks.find((c) => c.startsWith('event: ready'));
    expect(ready).toContain('"lastEventId":"1-0"');
  });

  it('tells the client to reload when the resume has a gap', () => {
    const { sink, conn } = connection();
    conn.finishReplay([], true);
    expect(sink.chunks[0]).toMatch(/^event: resync\n/);
  });

  it('drops a client that does not read instead of buffering without end', () => {
    const { sink, conn, closed } = connection(2000);
    conn.finishReplay([], false);
    for (let i = 1; i <= 100 && !conn.isClosed; i += 1) conn.deliver(event(`${i}-0`));
    expect(closed).toEqual(['slow']);
    // Destroyed, not ended: ending would wait for a drain that never comes.
    expect(sink.aborted).toBe(true);
    const written = sink.chunks.length;
    conn.deliver(event('200-0'));
    expect(sink.chunks.length).toBe(written);
  });

  it('drops a client whose replay backlog grows too long', () => {
    const { conn, closed } = connection();
    for (let i = 1; i <= 5001; i += 1) conn.deliver(event(`${i}-0`));
    expect(closed).toEqual(['slow']);
  });

  it('closes once, and does not end a response the client already closed', () => {
    const { sink, conn, closed } = connection();
    conn.close('client');
    conn.close('user-changed');
    expect(closed).toEqual(['client']);
    expect(sink.ended).toBe(false);
  });
});
