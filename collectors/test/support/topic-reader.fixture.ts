import { randomUUID } from 'node:crypto';

import { type Consumer, Kafka, logLevel } from 'kafkajs';

import { decodeMessage, type TopicContract } from '../../src/contracts';
import { waitFor } from './wait-for.helper';

export interface TopicReader<V> {
  /** Every message seen so far, decoded (and so validated) through the contract. */
  values: { key: string; value: V; partition: number }[];
  /** Messages that failed the contract, by key (other tests may write poison on purpose). */
  violations: { key: string; error: string }[];
  waitFor<R>(what: string, pick: (values: { key: string; value: V }[]) => R | undefined | false, timeoutMs?: number): Promise<R>;
  stop(): Promise<void>;
}

export const TEST_BROKERS = ['localhost:9092'];

/** Reads a topic from the beginning with its own consumer group, decoding by the contract. */
export async function readTopic<V>(contract: TopicContract<V>): Promise<TopicReader<V>> {
  const kafka = new Kafka({ clientId: 'collectors-it-reader', brokers: TEST_BROKERS, logLevel: logLevel.NOTHING });
  const consumer: Consumer = kafka.consumer({ groupId: `collectors-it-${randomUUID()}`, maxWaitTimeInMs: 200 });
  const values: TopicReader<V>['values'] = [];
  const violations: TopicReader<V>['violations'] = [];
  await consumer.connect();
  await consumer.subscribe({ topics: [contract.topic], fromBeginning: true });
  await consumer.run({
    eachMessage: ({ message, partition }) => {
      const key = message.key?.toString() ?? '';
      try {
        values.push({ key, value: decodeMessage(contract, message.value), partition });
      } catch (error) {
        violations.push({ key, error: (error as Error).message });
      }
      return Promise.resolve();
    },
  });
  return {
    values,
    violations,
    waitFor: (what, pick, timeoutMs = 60000) => waitFor(what, () => pick(values.map(({ key, value }) => ({ key, value }))), timeoutMs),
    stop: () => consumer.disconnect(),
  };
}
