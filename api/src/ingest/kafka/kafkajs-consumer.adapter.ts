import { type Consumer, type EachBatchPayload, Kafka, type LogEntry, logLevel } from 'kafkajs';
import type { Logger } from 'pino';

import type {
  ChunkHandler,
  ConsumedMessage,
  ConsumerPort,
  TopicSubscription,
} from './consumer.port';

export interface KafkajsConsumerOptions {
  brokers: string[];
  clientId: string;
  groupId: string;
  /** Partitions processed at the same time by this member. */
  partitionConcurrency: number;
  /** Messages handled, written and committed together. */
  chunkSize: number;
  logger: Logger;
}

function kafkaLogCreator(logger: Logger) {
  return () =>
    ({ level, log }: LogEntry) => {
      const { message, ...extra } = log;
      if (level === logLevel.ERROR) logger.error(extra, `kafkajs: ${message}`);
      else if (level === logLevel.WARN) logger.warn(extra, `kafkajs: ${message}`);
      else logger.debug(extra, `kafkajs: ${message}`);
    };
}

/**
 * Consumer group on kafkajs 2.2.4 with commits under our control:
 * - autoCommit off, auto-resolve off: an offset is resolved and committed only after
 *   the handler has written its chunk;
 * - heartbeat between chunks, so a slow batch does not get the member evicted;
 * - a handler error propagates: nothing of the chunk is committed and kafkajs
 *   retries, then restarts the member, which resumes at the last commit;
 * - `fromBeginning: true`: a new group (or one whose first commit never happened,
 *   the kafkajs pitfall) starts at the earliest offset, never at the latest, so a
 *   crash before the first commit skips nothing. Reprocessing is harmless: every
 *   write is idempotent.
 */
export class KafkajsConsumerAdapter implements ConsumerPort {
  private readonly kafka: Kafka;
  private consumer: Consumer | null = null;

  constructor(private readonly options: KafkajsConsumerOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: logLevel.WARN,
      logCreator: kafkaLogCreator(options.logger),
      retry: { initialRetryTime: 300, retries: 8 },
    });
  }

  async start(subscriptions: TopicSubscription[], handler: ChunkHandler): Promise<void> {
    await this.ensureTopics(subscriptions);
    const consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      // Heartbeats go between chunks: the session must outlast the slowest chunk on a loaded store.
      sessionTimeout: 60000,
      heartbeatInterval: 3000,
      // Restart the member after any failure, including handler errors: it resumes at the last commit.
      retry: { initialRetryTime: 500, retries: 5, restartOnFailure: () => Promise.resolve(true) },
    });
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, (event) => {
      this.options.logger.error(
        { err: event.payload.error, restart: event.payload.restart },
        'ingestion consumer crashed; kafkajs restarts it from the last committed offsets',
      );
    });
    await consumer.connect();
    await consumer.subscribe({ topics: subscriptions.map((s) => s.topic), fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionConcurrency,
      eachBatch: (payload) => this.processBatch(payload, handler),
    });
  }

  async stop(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = null;
    if (consumer) await consumer.disconnect();
  }

  private async processBatch(payload: EachBatchPayload, handler: ChunkHandler): Promise<void> {
    const { batch } = payload;
    const { topic, partition } = batch;
    const heartbeat = () => payload.heartbeat();
    const size = this.options.chunkSize;
    for (let i = 0; i < batch.messages.length; i += size) {
      // A rebalance or shutdown takes the partition away: stop at a chunk boundary, committed so far.
      if (!payload.isRunning() || payload.isStale()) return;
      const chunk: ConsumedMessage[] = batch.messages.slice(i, i + size).map((m) => ({
        topic,
        partition,
        offset: m.offset,
        key: m.key === null ? null : m.key.toString('utf8'),
        value: m.value,
      }));
      const last = chunk[chunk.length - 1];
      if (last === undefined) continue;
      await handler(chunk, { topic, partition, heartbeat });
      payload.resolveOffset(last.offset);
      // Explicit offsets: with autoCommit off, kafkajs commits nothing on its own.
      await payload.commitOffsetsIfNecessary({
        topics: [
          { topic, partitions: [{ partition, offset: (BigInt(last.offset) + 1n).toString() }] },
        ],
      });
      await heartbeat();
    }
  }

  /** Creates missing topics with the contract's partition count; existing ones are left alone. */
  private async ensureTopics(subscriptions: TopicSubscription[]): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = subscriptions.filter((s) => !existing.has(s.topic));
      if (missing.length === 0) return;
      try {
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((s) => ({ topic: s.topic, numPartitions: s.partitions })),
        });
      } catch (err) {
        // Another replica or the producer may have created it meanwhile.
        if (!(err instanceof Error && /already exists/i.test(err.message))) throw err;
      }
    } finally {
      await admin.disconnect();
    }
  }
}
