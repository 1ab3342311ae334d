import { hostname } from 'node:os';

import { z } from 'zod';

/**
 * The collectors' whole configuration, read from the environment once at start-up.
 * Every variable is listed with its default in docs/collectors.md. Each process
 * (poller, trap receiver) validates only the variables it uses, and a failure names
 * every bad variable at once.
 */

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const bool = z
  .enum(['true', 'false'])
  .default('false')
  .transform((v) => v === 'true');
const list = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string()).min(1, 'must list at least one entry'));

const common = {
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** A name for this process: logs, the Kafka client id, `pollerId` of the samples. */
  COLLECTOR_INSTANCE_ID: z.string().min(1).default(`${hostname()}-${process.pid}`),
  KAFKA_BROKERS: list('localhost:9092'),
  KAFKA_CLIENT_ID: z.string().min(1).default('circuitcare-collectors'),
  /** Replication factor of the topics the collectors create (1 on the single local broker). */
  KAFKA_REPLICATION_FACTOR: int(1, 7).default(1),
};

const pollerSchema = z.object({
  ...common,
  MONGO_URL: z.string().startsWith('mongodb://').default('mongodb://127.0.0.1:27017/'),
  MONGO_DB: z.string().min(1).default('circuitcare'),
  /** Consumer group whose partition assignment splits the targets between pollers. */
  POLLER_GROUP: z.string().min(1).default('circuitcare-pollers'),
  POLLER_ASSIGNMENT_TOPIC: z.string().min(1).default('cc.poller.assignments'),
  /** Partitions the coordination topic is created with: the upper bound on useful pollers. */
  POLLER_ASSIGNMENT_PARTITIONS: int(1, 1000).default(12),
  /** How often the target list is re-read from the inventory. */
  POLLER_TARGET_REFRESH_SEC: int(5, 3600).default(60),
  /** Interval for an element without pollIntervalSec. */
  POLLER_DEFAULT_INTERVAL_SEC: int(5, 86400).default(60),
  /** Device polls in flight at once, across all targets of this poller. */
  POLLER_CONCURRENCY: int(1, 1024).default(64),
  /** Varbinds packed into one GET PDU. */
  POLLER_VARBINDS_PER_PDU: int(1, 128).default(48),
  /** Interface discovery is repeated every N polls (and after a sysUpTime reset). */
  POLLER_REDISCOVER_EVERY: int(1, 100000).default(60),
  /** Upper bound on one discovery walk of a device. */
  POLLER_DISCOVERY_TIMEOUT_MS: int(1000, 600000).default(30000),
  /** Counters log line period; 0 disables it. */
  POLLER_METRICS_LOG_SEC: int(0, 86400).default(60),
  /** Loopback port of a plain-text /metrics endpoint; 0 disables it. */
  POLLER_METRICS_PORT: int(0, 65535).default(0),
  SNMP_COMMUNITY: z.string().min(1).default('public'),
  /** UDP port of the agents (the demo simulator answers on 1161; real devices on 161). */
  SNMP_PORT: int(1, 65535).default(1161),
  /** Wait for one answer before a retransmission. */
  SNMP_TIMEOUT_MS: int(50, 60000).default(2000),
  /** Retransmissions after the first attempt. */
  SNMP_RETRIES: int(0, 10).default(1),
});

const trapReceiverSchema = z.object({
  ...common,
  TRAP_HOST: z.ipv4().default('127.0.0.1'),
  TRAP_PORT: int(1, 65535).default(1162),
  /** Accepted v1/v2c communities, comma separated. */
  TRAP_COMMUNITIES: list('public'),
  /** SO_RCVBUF asked for the UDP socket so a storm is queued by the kernel, not dropped. */
  TRAP_RECV_BUFFER_BYTES: int(65536, 1 << 30).default(8 * 1024 * 1024),
  /** Traps held in memory while Kafka is slow; beyond it new traps are counted as dropped. */
  TRAP_QUEUE_CAPACITY: int(100, 10_000_000).default(100000),
  /** Wait this long to gather a batch before sending. */
  TRAP_LINGER_MS: int(0, 1000).default(5),
  TRAP_BATCH_MAX: int(1, 10000).default(500),
  /** Take the v1 agent-addr field as the device when no snmpTrapAddress.0 is present. */
  TRAP_PREFER_V1_AGENT_ADDR: bool,
  /** Counters log line period; 0 disables it. */
  TRAP_METRICS_LOG_SEC: int(0, 86400).default(60),
});

export type PollerConfig = z.infer<typeof pollerSchema>;
export type TrapReceiverConfig = z.infer<typeof trapReceiverSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function parse<T>(schema: z.ZodType<T>, env: Env): T {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export function loadPollerConfig(env: Env = process.env): PollerConfig {
  return parse(pollerSchema, env);
}

export function loadTrapReceiverConfig(env: Env = process.env): TrapReceiverConfig {
  return parse(trapReceiverSchema, env);
}
