import type { Db } from 'mongodb';

import type { SnmpTrap } from '@circuitcare/collectors/contracts';

import { COLLECTIONS } from '../../database/collections';
import type { IngestedTrapDocument } from '../../database/documents';
import type { IngestStats } from '../ingest-stats';
import type { IngestInventoryRepository } from '../inventory/ingest-inventory.repository';
import { insertReportingDuplicates } from '../mongo/idempotent-writes';
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
 * offset; the ingestedTraps ledger catches it). The ledger entry is written before the
 * alarms, with its position, so a crash in between leaves a redelivery at the same
 * position, which is processed again (and which alarm positions keep idempotent).
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
    // A trap published twice within the chunk counts once.
    const unique: TrapMessage[] = [];
    const inChunk = new Set<string>();
    for (const m of messages) {
      if (inChunk.has(m.trap.eventId)) continue;
      inChunk.add(m.trap.eventId);
      unique.push(m);
    }
    const republished = await this.republishedBefore(unique);
    const fresh = unique.filter((m) => !republished.has(m.trap.eventId));
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
    this.stats.trapMessages += messages.length;
  }

  /**
   * Ledger first: each trap's eventId is inserted with its Kafka position before its
   * alarms are written. An eventId already there at the same position is this very
   * message redelivered (its alarm effects may be missing after a crash: process it;
   * alarm positions keep that idempotent); at another position it is the receiver's
   * re-publication of a trap already taken: skip it.
   */
  private async republishedBefore(messages: readonly TrapMessage[]): Promise<Set<string>> {
    const entries = messages.map(({ trap, position }): IngestedTrapDocument => ({
      _id: trap.eventId,
      ...position,
      ingestedAt: new Date(),
    }));
    const republished = new Set<string>();
    for (const index of await insertReportingDuplicates(this.ledger, entries)) {
      const entry = entries[index]!;
      const stored = await this.ledger.findOne({ _id: entry._id });
      const samePosition =
        stored?.topic === entry.topic &&
        stored.partition === entry.partition &&
        stored.offset === entry.offset;
      if (!samePosition) republished.add(entry._id);
    }
    return republished;
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
