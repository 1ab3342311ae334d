import type { Logger } from 'pino';

import {
  ContractViolationError,
  type SnmpSample,
  type SnmpTrap,
  type TopicContract,
  decodeMessage,
  snmpSampleContract,
  snmpTrapContract,
} from '@circuitcare/collectors/contracts';

import type { TrapIngestService, TrapMessage } from './alarms/trap-ingest.service';
import type { IngestRejectsRepository } from './ingest-rejects.repository';
import { rejectDocument } from './ingest-rejects.repository';
import type { IngestStats } from './ingest-stats';
import type { ChunkContext, ConsumedMessage, TopicSubscription } from './kafka/consumer.port';
import type { SampleIngestService } from './perf/sample-ingest.service';
import type { SampleMessage } from './perf/sample-plan';

export const INGEST_SUBSCRIPTIONS: TopicSubscription[] = [
  { topic: snmpSampleContract.topic, partitions: snmpSampleContract.partitions },
  { topic: snmpTrapContract.topic, partitions: snmpTrapContract.partitions },
];

/**
 * The Kafka side of the ingestion: validates each message against its topic's
 * contract and hands the valid ones to the services. A message that violates its
 * contract (poison) is logged with its position and source, counted, kept in
 * ingestRejects and skipped — committed with its chunk, it never blocks a partition.
 */
export class IngestConsumer {
  constructor(
    private readonly samples: SampleIngestService,
    private readonly traps: TrapIngestService,
    private readonly rejects: IngestRejectsRepository,
    private readonly stats: IngestStats,
    private readonly logger: Logger,
  ) {}

  readonly handle = async (messages: ConsumedMessage[], context: ChunkContext): Promise<void> => {
    if (context.topic === snmpSampleContract.topic) {
      const valid = await this.decode(snmpSampleContract, messages);
      await this.samples.ingest(
        valid.map(({ value, position }): SampleMessage => ({ sample: value, position })),
        () => context.heartbeat(),
      );
    } else if (context.topic === snmpTrapContract.topic) {
      const valid = await this.decode(snmpTrapContract, messages);
      await this.traps.ingest(
        valid.map(({ value, position }): TrapMessage => ({ trap: value, position })),
      );
    } else {
      this.logger.warn(
        { topic: context.topic },
        'message on a topic the ingestion does not handle: skipped',
      );
    }
    this.stats.chunks += 1;
    this.stats.lastChunkAt = new Date();
  };

  private async decode<V extends SnmpSample | SnmpTrap>(
    contract: TopicContract<V>,
    messages: ConsumedMessage[],
  ): Promise<Array<{ value: V; position: { topic: string; partition: number; offset: string } }>> {
    const valid: Array<{
      value: V;
      position: { topic: string; partition: number; offset: string };
    }> = [];
    for (const message of messages) {
      const position = {
        topic: message.topic,
        partition: message.partition,
        offset: message.offset,
      };
      try {
        valid.push({ value: decodeMessage(contract, message.value), position });
      } catch (err) {
        if (!(err instanceof ContractViolationError)) throw err;
        const reject = rejectDocument(message, err.issues, new Date());
        this.logger.warn(
          {
            topic: reject.topic,
            partition: reject.partition,
            offset: reject.offset,
            source: reject.source,
            issues: reject.issues,
          },
          'poison message skipped: it violates its topic contract',
        );
        await this.rejects.record(reject);
        this.stats.rejected += 1;
      }
    }
    return valid;
  }
}
