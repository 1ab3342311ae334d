import type { z } from 'zod';

/**
 * One Kafka topic's contract: its name, schema version, and the key and value
 * schemas. Producers encode through it and consumers decode through it, so both
 * sides validate the same shape.
 */
export interface TopicContract<V> {
  readonly topic: string;
  readonly version: number;
  /** Partitions the owner creates the topic with: the unit of parallelism of its consumers. */
  readonly partitions: number;
  readonly valueSchema: z.ZodType<V>;
  /** The partition key: keeps order per device. */
  keyOf(value: V): string;
}

export interface EncodedMessage {
  key: string;
  value: string;
  headers: Record<string, string>;
}

export class ContractViolationError extends Error {
  constructor(
    readonly topic: string,
    readonly issues: string[],
  ) {
    super(`message on ${topic} violates its contract: ${issues.join('; ')}`);
    this.name = 'ContractViolationError';
  }
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
}

export function encodeMessage<V>(contract: TopicContract<V>, value: V): EncodedMessage {
  const parsed = contract.valueSchema.safeParse(value);
  if (!parsed.success) throw new ContractViolationError(contract.topic, describeIssues(parsed.error));
  return {
    key: contract.keyOf(parsed.data),
    value: JSON.stringify(parsed.data),
    headers: { 'content-type': 'application/json', 'schema-version': String(contract.version) },
  };
}

export function decodeMessage<V>(contract: TopicContract<V>, value: Buffer | string | null): V {
  if (value === null) throw new ContractViolationError(contract.topic, ['(root): empty message']);
  let json: unknown;
  try {
    json = JSON.parse(typeof value === 'string' ? value : value.toString('utf8'));
  } catch {
    throw new ContractViolationError(contract.topic, ['(root): not JSON']);
  }
  const parsed = contract.valueSchema.safeParse(json);
  if (!parsed.success) throw new ContractViolationError(contract.topic, describeIssues(parsed.error));
  return parsed.data;
}
