import { Kafka, logLevel, type LogEntry } from 'kafkajs';

import type { Logger } from '../logging/create-logger';

export interface KafkaClientOptions {
  brokers: string[];
  clientId: string;
}

const levels: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/** One kafkajs client whose own log lines go through pino, like the rest of the process. */
export function createKafkaClient(options: KafkaClientOptions, logger: Logger): Kafka {
  const log = logger.child({ component: 'kafkajs' });
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    // kafkajs' INFO is chatty (every group join); keep its warnings and errors.
    logLevel: logLevel.WARN,
    retry: { initialRetryTime: 300, retries: 10, maxRetryTime: 10000 },
    logCreator:
      () =>
      ({ level, log: entry }: LogEntry) => {
        const { message, ...rest } = entry;
        log[levels[level] ?? 'info']({ ...rest, namespace: entry.namespace }, message);
      },
  });
}
