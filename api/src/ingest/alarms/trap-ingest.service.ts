import type { SnmpTrap } from '@circuitcare/collectors/contracts';

import type { IngestStats } from '../ingest-stats';
import type { IngestInventoryRepository } from '../inventory/ingest-inventory.repository';
import type { EventPosition } from './alarm-event';
import type { AlarmIngestService } from './alarm-ingest.service';
import { interpretTrap } from './trap-interpretation';

export interface TrapMessage {
  trap: SnmpTrap;
  position: EventPosition;
}

/** How many agents' traps one chunk works on at the same time. */
const AGENT_CONCURRENCY = 16;

/**
 * Traps → alarms for one chunk of one partition. Order matters per agent (a linkDown
 * then its linkUp), not across agents: each agent's traps run in sequence, agents in
 * parallel — that is what keeps up with a storm.
 */
export class TrapIngestService {
  constructor(
    private readonly inventory: IngestInventoryRepository,
    private readonly alarms: AlarmIngestService,
    private readonly stats: IngestStats,
  ) {}

  async ingest(messages: readonly TrapMessage[]): Promise<void> {
    const byAgent = new Map<string, TrapMessage[]>();
    for (const m of messages) {
      const list = byAgent.get(m.trap.agentAddress);
      if (list) list.push(m);
      else byAgent.set(m.trap.agentAddress, [m]);
    }
    const queues = [...byAgent.values()];
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let q = queues[next++]; q !== undefined; q = queues[next++]) {
        for (const message of q) await this.ingestOne(message);
      }
    };
    // allSettled: no write of this chunk may still run once the chunk has failed.
    const results = await Promise.allSettled(
      Array.from({ length: Math.min(AGENT_CONCURRENCY, queues.length) }, () => worker()),
    );
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) throw failure.reason;
    this.stats.trapMessages += messages.length;
  }

  private async ingestOne({ trap, position }: TrapMessage): Promise<void> {
    const deviceId = await this.inventory.deviceIdByMgmtIp(trap.agentAddress);
    const outcome = await this.alarms.apply(interpretTrap(trap, deviceId, position));
    this.stats.alarmOutcomes[outcome] = (this.stats.alarmOutcomes[outcome] ?? 0) + 1;
  }
}
