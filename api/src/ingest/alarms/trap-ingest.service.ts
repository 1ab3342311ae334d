import type { AnyBulkWriteOperation, Db } from 'mongodb';

import type { SnmpTrap } from '@circuitcare/collectors/contracts';

import { COLLECTIONS } from '../../database/collections';
import type { IngestedTrapDocument } from '../../database/documents';
import type { IngestStats } from '../ingest-stats';
import type { IngestInventoryRepository } from '../inventory/ingest-inventory.repository';
import { bulkWriteTolerant } from '../mongo/idempotent-writes';
import type { EventPosition } from './alarm-event';
import type { AlarmIngestService } from './alarm-ingest.service';
import type { CircuitEffects } from './circuit-state.repository';
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
 *
 * Two kinds of duplicates: Kafka redelivery (same position; the alarm writer's
 * per-partition positions catch it) and a trap published twice (same eventId, new
 * offset; the ingestedTraps ledger catches it). The ledger entry is written after the
 * alarms of the chunk, so a crash in between leaves a redelivery, which positions catch.
 */
export class TrapIngestService {
  constructor(
    private readonly db: Db,
    private readonly inventory: IngestInventoryRepository,
    private readonly alarms: AlarmIngestService,
    private readonly stats: IngestStats,
  ) {}

  async ingest(messages: readonly TrapMessage[]): Promise<void> {
    if (messages.length === 0) return;
    // One ledger look-up per chunk; a trap published twice within the chunk counts once.
    const ids = [...new Set(messages.map((m) => m.trap.eventId))];
    const seen = new Set(
      (await this.ledger.find({ _id: { $in: ids } }, { projection: { _id: 1 } }).toArray()).map(
        (d) => d._id,
      ),
    );
    const fresh: TrapMessage[] = [];
    for (const m of messages) {
      if (seen.has(m.trap.eventId)) continue;
      seen.add(m.trap.eventId);
      fresh.push(m);
    }
    this.stats.alarmOutcomes.republished =
      (this.stats.alarmOutcomes.republished ?? 0) + messages.length - fresh.length;

    const byAgent = new Map<string, TrapMessage[]>();
    for (const m of fresh) {
      const list = byAgent.get(m.trap.agentAddress);
      if (list) list.push(m);
      else byAgent.set(m.trap.agentAddress, [m]);
    }
    const effects = this.alarms.newEffects();
    const queues = [...byAgent.values()];
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let q = queues[next++]; q !== undefined; q = queues[next++]) {
        for (const message of q) await this.ingestOne(message, effects);
      }
    };
    // allSettled: no write of this chunk may still run once the chunk has failed.
    const results = await Promise.allSettled(
      Array.from({ length: Math.min(AGENT_CONCURRENCY, queues.length) }, () => worker()),
    );
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) throw failure.reason;
    await this.alarms.settle(effects);
    // After the alarms: a crash before this line leaves a redelivery, which positions catch.
    const entries = fresh.map(
      ({ trap, position }): AnyBulkWriteOperation<IngestedTrapDocument> => ({
        insertOne: { document: { _id: trap.eventId, ...position, ingestedAt: new Date() } },
      }),
    );
    if (entries.length > 0) await bulkWriteTolerant(this.ledger, entries);
    this.stats.trapMessages += messages.length;
  }

  private get ledger() {
    return this.db.collection<IngestedTrapDocument>(COLLECTIONS.ingestedTraps);
  }

  private async ingestOne({ trap, position }: TrapMessage, effects: CircuitEffects): Promise<void> {
    const deviceId = await this.inventory.deviceIdByMgmtIp(trap.agentAddress);
    const outcome = await this.alarms.apply(interpretTrap(trap, deviceId, position), effects);
    this.stats.alarmOutcomes[outcome] = (this.stats.alarmOutcomes[outcome] ?? 0) + 1;
  }
}
