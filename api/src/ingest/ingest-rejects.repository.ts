import type { Db } from 'mongodb';

import { COLLECTIONS } from '../database/collections';
import type { IngestRejectDocument } from '../database/documents';
import type { ConsumedMessage } from './kafka/consumer.port';
import { isDuplicateKey } from './mongo/idempotent-writes';

const PREVIEW_BYTES = 4096;

/** deviceId or agentAddress of a rejected message, when its JSON says so. */
export function sourceOf(message: ConsumedMessage): string | null {
  if (message.value !== null) {
    try {
      const json: unknown = JSON.parse(message.value.toString('utf8'));
      if (json !== null && typeof json === 'object') {
        const record = json as Record<string, unknown>;
        for (const field of ['deviceId', 'agentAddress', 'mgmtIp']) {
          const value = record[field];
          if (typeof value === 'string' && value.length > 0) return value;
        }
      }
    } catch {
      // not JSON: fall back to the key
    }
  }
  return message.key;
}

export function rejectDocument(
  message: ConsumedMessage,
  issues: string[],
  now: Date,
): IngestRejectDocument {
  return {
    _id: `${message.topic}|${message.partition}|${message.offset}`,
    topic: message.topic,
    partition: message.partition,
    offset: message.offset,
    key: message.key,
    source: sourceOf(message),
    issues,
    valuePreview:
      message.value === null ? '' : message.value.subarray(0, PREVIEW_BYTES).toString('utf8'),
    rejectedAt: now,
  };
}

/** Keeps poison messages for inspection; a redelivered one is already there. */
export class IngestRejectsRepository {
  constructor(private readonly db: Db) {}

  async record(reject: IngestRejectDocument): Promise<void> {
    try {
      await this.db.collection<IngestRejectDocument>(COLLECTIONS.ingestRejects).insertOne(reject);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }
}
