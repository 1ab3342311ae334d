/**
 * The ingestion's view of a Kafka consumer group. kafkajs (unmaintained since 2023)
 * sits behind it in kafkajs-consumer.adapter.ts, so that a successor (e.g. the
 * KafkaJS-compatible API of @confluentinc/kafka-javascript) replaces one file.
 */
export interface ConsumedMessage {
  topic: string;
  partition: number;
  /** Int64 offset as a decimal string. */
  offset: string;
  key: string | null;
  value: Buffer | null;
}

export interface ChunkContext {
  topic: string;
  partition: number;
  /** Keeps the group membership alive during long work. */
  heartbeat(): Promise<void>;
}

/**
 * Handles a chunk of one partition's messages, in offset order. Resolves only when
 * every effect of the chunk is durably written: the port commits the chunk's offsets
 * after that, never before. Throwing leaves the chunk uncommitted; it is redelivered.
 */
export type ChunkHandler = (messages: ConsumedMessage[], context: ChunkContext) => Promise<void>;

export interface TopicSubscription {
  topic: string;
  /** Partitions the topic is created with when missing. */
  partitions: number;
}

export interface ConsumerPort {
  /** Ensures the topics exist, joins the group and starts consuming. */
  start(subscriptions: TopicSubscription[], handler: ChunkHandler): Promise<void>;
  /** Leaves the group after the chunk in flight; uncommitted work is redelivered to others. */
  stop(): Promise<void>;
}
