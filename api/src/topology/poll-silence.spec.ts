import type { NetworkElement } from '@circuitcare/topology';

import { pollSilence } from './poll-silence';

const element = (id: string, pollIntervalSec: number): NetworkElement => ({
  _id: id,
  name: id,
  role: 'cpe',
  vendor: 'Huawei',
  model: 'AR',
  mgmtIp: '127.1.0.1',
  siteId: 's',
  customerId: null,
  pollIntervalSec,
});
const index = {
  elements: new Map([
    ['fast', element('fast', 30)],
    ['slow', element('slow', 300)],
    ['dead', element('dead', 30)],
  ]),
};
const now = Date.parse('2026-11-22T08:00:00Z');

describe('pollSilence', () => {
  it('calls silent an element whose last poll is older than three of its own intervals', () => {
    const result = pollSilence(
      index,
      new Map([
        ['fast', now - 89_000],
        ['slow', now - 600_000], // 2 intervals of 300 s: still fine
        ['dead', now - 91_000],
      ]),
      now,
    );
    expect(result).toEqual({ silentElementIds: ['dead'], pollingAlive: true });
  });

  it('calls nobody silent when nothing at all was polled lately (the collectors are down)', () => {
    const result = pollSilence(
      index,
      new Map([
        ['fast', now - 3_600_000],
        ['dead', now - 3_600_000],
      ]),
      now,
    );
    expect(result).toEqual({ silentElementIds: [], pollingAlive: false });
  });

  it('ignores elements never polled and devices the inventory does not know', () => {
    const result = pollSilence(
      index,
      new Map([
        ['fast', now],
        ['ghost', now - 3_600_000],
      ]),
      now,
    );
    expect(result).toEqual({ silentElementIds: [], pollingAlive: true });
  });
});
