import type { ChangeEventInput } from './change-event';
import {
  RedisChangeEventsWriter,
  changeStreamKey,
  decodeEntry,
  encodeEntry,
} from './change-events.stream';

const input: ChangeEventInput = {
  kind: 'circuit',
  action: 'state',
  id: 'ckt-1',
  customerIds: ['bank-a'],
  orgUnitIds: ['bank-a-HO'],
  data: { state: 'down' },
};

describe('change-event stream entries', () => {
  it('round-trips an event through its stream fields', () => {
    const at = new Date('2026-11-22T08:00:00.000Z');
    const fields = encodeEntry(input, 'api-1', at);
    expect(decodeEntry('5-1', fields)).toEqual({
      ...input,
      time: '2026-11-22T08:00:00.000Z',
      source: 'api-1',
      streamId: '5-1',
    });
  });

  it('ignores entries that are not change events instead of throwing', () => {
    expect(decodeEntry('1-0', ['e', '{not json'])).toBeNull();
    expect(decodeEntry('1-0', ['e', JSON.stringify({ kind: 'alarm' })])).toBeNull();
    expect(decodeEntry('1-0', ['other', 'x'])).toBeNull();
    expect(decodeEntry('1-0', [])).toBeNull();
  });

  it('keys the stream by database, like the other Redis keys', () => {
    expect(changeStreamKey('circuitcare')).toBe('circuitcare:change-events');
  });
});

describe('RedisChangeEventsWriter', () => {
  const failing = {
    pipeline: () => ({
      xadd: () => undefined,
      exec: () =>
        Promise.reject(new Error("Stream isn't writeable and enableOfflineQueue options is false")),
    }),
  };

  it('never throws when Redis fails, and logs once per interval with the count dropped', async () => {
    const logged: Array<Record<string, unknown>> = [];
    const writer = new RedisChangeEventsWriter(failing as never, 'k', 'api-1', {
      error: (obj) => logged.push(obj as Record<string, unknown>),
    });
    await expect(writer.publish([input, input])).resolves.toBeUndefined();
    await expect(writer.publish([input])).resolves.toBeUndefined();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ stream: 'k', dropped: 2 });
  });

  it('writes one XADD per event, trimmed approximately', async () => {
    const calls: unknown[][] = [];
    const redis = {
      pipeline: () => ({
        xadd: (...args: unknown[]) => calls.push(args),
        exec: () => Promise.resolve([[null, '1-0']]),
      }),
    };
    const writer = new RedisChangeEventsWriter(redis as never, 'k', 'api-1', {
      error: () => undefined,
    });
    await writer.publish([input, input]);
    expect(calls).toHaveLength(2);
    expect(calls[0]!.slice(0, 5)).toEqual(['k', 'MAXLEN', '~', 10000, '*']);
  });
});
