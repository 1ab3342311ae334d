import type { TopicContract } from '../contracts';

/**
 * What the collectors need from the message bus, and nothing more: the port that a
 * successor of kafkajs replaces in one place (DESIGN.md, "dependencies that age").
 */
export interface EventPublisher {
  /** Creates the topics if missing (idempotent: an existing topic is left as it is). */
  ensureTopics(topics: readonly TopicSpec[]): Promise<void>;
  /**
   * Validates every value against the contract, then writes them keyed by the
   * contract's key. Resolves once the broker acknowledged all of them (acks=all).
   */
  publish<V>(contract: TopicContract<V>, values: readonly V[]): Promise<void>;
  /** Flushes and disconnects. */
  close(): Promise<void>;
}

/** A topic to create: a contract qualifies, and so does the pollers' coordination topic. */
export type TopicSpec = Pick<TopicContract<unknown>, 'topic' | 'partitions'>;
