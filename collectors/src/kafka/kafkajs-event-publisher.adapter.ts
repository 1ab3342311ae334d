import { type Admin, type Kafka, Partitioners, type Producer } from 'kafkajs';

import { encodeMessage, type TopicContract } from '../contracts';
import type { EventPublisher, TopicSpec } from './event-publisher.port';

export interface KafkajsPublisherOptions {
  replicationFactor: number;
  /**
   * Retries of one send. Unset: kafkajs' default for an idempotent producer (retry for
   * ever, which a caller with its own bounded queue wants). A number bounds how long a
   * send may block; kafkajs then warns that bounded retries weaken exactly-once.
   */
  retries?: number;
}

/**
 * The EventPublisher on kafkajs 2.2.4: an idempotent producer (acks=all, one request
 * in flight, so retries neither duplicate nor reorder within a partition).
 */
export class KafkajsEventPublisher implements EventPublisher {
  private readonly producer: Producer;
  private connected: Promise<void> | null = null;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: KafkajsPublisherOptions = { replicationFactor: 1 },
  ) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      // The Java client's murmur2 partitioner: the same key lands on the same partition
      // whichever client produced it.
      createPartitioner: Partitioners.DefaultPartitioner,
      retry: { initialRetryTime: 300, maxRetryTime: 5000, retries: options.retries ?? Number.MAX_SAFE_INTEGER },
    });
  }

  async ensureTopics(topics: readonly TopicSpec[]): Promise<void> {
    const admin: Admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = topics.filter((t) => !existing.has(t.topic));
      if (missing.length === 0) return;
      // createTopics answers false (not an error) when another process won the race.
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((t) => ({
          topic: t.topic,
          numPartitions: t.partitions,
          replicationFactor: this.options.replicationFactor,
        })),
      });
    } finally {
      await admin.disconnect();
    }
  }

  async publish<V>(contract: TopicContract<V>, values: readonly V[]): Promise<void> {
    if (values.length === 0) return;
    // Validate everything before sending anything: a bad value never reaches the topic.
    const messages = values.map((v) => encodeMessage(contract, v));
    await this.connect();
    await this.producer.send({ topic: contract.topic, acks: -1, messages });
  }

  async close(): Promise<void> {
    if (this.connected) {
      await this.connected.catch(() => undefined);
      await this.producer.disconnect();
      this.connected = null;
    }
  }

  private connect(): Promise<void> {
    if (!this.connected) {
      this.connected = this.producer.connect().catch((error: unknown) => {
        this.connected = null;
        throw error;
      });
    }
    return this.connected;
  }
}
