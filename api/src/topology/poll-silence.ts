import type { TopologyIndex } from '@circuitcare/topology';

/** An element is silent when its last poll is older than this many of its poll intervals. */
export const SILENT_AFTER_INTERVALS = 3;
/** Poll interval assumed for an element the index does not know. */
const DEFAULT_POLL_INTERVAL_SEC = 60;

export interface PollSilence {
  /** Known elements polled before whose last poll is too old: a dead device cannot trap. */
  silentElementIds: string[];
  /** Some element was polled within its allowance: the collectors themselves work. */
  pollingAlive: boolean;
}

/**
 * Silent elements from the last poll time of each element. Silence means something only
 * while the collectors poll: if no element at all was polled within its allowance, the
 * poller is down, not the network, and nobody is called silent. An element never
 * polled is not silent either (nothing is known of it).
 */
export function pollSilence(
  index: Pick<TopologyIndex, 'elements'>,
  lastPollByElement: ReadonlyMap<string, number>,
  now: number,
): PollSilence {
  let pollingAlive = false;
  const silent: string[] = [];
  for (const [deviceId, last] of lastPollByElement) {
    const intervalSec = index.elements.get(deviceId)?.pollIntervalSec ?? DEFAULT_POLL_INTERVAL_SEC;
    if (now - last <= SILENT_AFTER_INTERVALS * intervalSec * 1000) pollingAlive = true;
    else if (index.elements.has(deviceId)) silent.push(deviceId);
  }
  return { silentElementIds: pollingAlive ? silent.sort() : [], pollingAlive };
}
