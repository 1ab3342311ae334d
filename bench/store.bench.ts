import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { MongoClient } from 'mongodb';

import { argNumber, fmt, median, percentile, repoRoot } from './support/bench-util';
import { backendSql, dropGinCompanions, restoreGinCompanions } from './support/ferretdb-backend';

/**
 * npm run bench:store — the reads every request and timer makes, on FerretDB 1.24 over the
 * stack's PostgreSQL, with and without the GIN companion indexes of
 * scripts/services/ferretdb-gin-indexes.sql (ADR 0020), in the same process: the
 * baseline drops the companions of the bench's own collection, the second round puts
 * them back. Documents shaped like tickets (an 8-entry timeline, ≈ 3 kB).
 * Per collection size (`--sizes 1000,10000`): findOne by _id, the version-guarded
 * findOneAndUpdate by {_id, version}, find by an indexed array field (limit 20), and
 * insertOne (what the companions cost on writes), `--ops` (200) of each, p50/p99.
 */
const MONGO_URL = 'mongodb://127.0.0.1:27017/';
const DB = 'cc_bench_store';
const sizes = (
  process.argv.includes('--sizes')
    ? process.argv[process.argv.indexOf('--sizes') + 1]!
    : '1000,10000'
)
  .split(',')
  .map(Number);
const ops = argNumber('--ops', 200);

interface Doc {
  _id: string;
  version: number;
  circuitIds: string[];
  timeline: Array<{ seq: number; summary: string; at: Date }>;
}

const id = (i: number) => `TT-${String(i).padStart(6, '0')}`;

function ticket(i: number): Doc {
  return {
    _id: id(i),
    version: 1,
    circuitIds: [`bank-a-MPLS-${String(i % 500).padStart(4, '0')}`],
    timeline: Array.from({ length: 8 }, (_, k) => ({
      seq: k,
      summary: `Entry ${k} of ticket ${i}: `.padEnd(300, 'x'),
      at: new Date(),
    })),
  };
}

async function timeOps(n: number, op: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    await op(i);
    out.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return out;
}

async function main(): Promise<void> {
  const lease = spawnSync(
    'bash',
    [join(repoRoot, 'scripts/services.sh'), 'acquire', String(process.pid)],
    { stdio: 'inherit' },
  );
  if (lease.status !== 0) throw new Error('scripts/services.sh acquire failed');
  const mongo = await MongoClient.connect(MONGO_URL);
  try {
    const db = mongo.db(DB);
    console.log(`bench:store — ${ops} operations of each kind; milliseconds p50 / p99\n`);
    console.log(
      'documents  companions  findOne _id      findOneAndUpdate  find array field  insertOne',
    );
    for (const size of sizes) {
      await db.dropDatabase();
      const col = db.collection<Doc>('tickets');
      await col.createIndex({ circuitIds: 1 });
      for (let i = 0; i < size; i += 256) {
        await col.insertMany(
          Array.from({ length: Math.min(256, size - i) }, (_, k) => ticket(i + k)),
        );
      }
      const [table] = backendSql(
        `SELECT tablename FROM pg_tables WHERE schemaname = '${DB}' AND tablename LIKE 'tickets\\_%'`,
      );
      const medians: Record<string, number[]> = {};
      for (const companions of [false, true]) {
        if (companions) restoreGinCompanions(DB, table!);
        else dropGinCompanions(DB);
        backendSql(`ANALYZE "${DB}"."${table}"`);
        const pick = (i: number) => (i * 7919) % size;
        const rows = [
          await timeOps(ops, (i) => col.findOne({ _id: id(pick(i)) })),
          await timeOps(ops, (i) =>
            col.findOneAndUpdate(
              { _id: id(pick(i + 1)), version: 1 },
              { $set: { lastUpdate: new Date() } },
              { returnDocument: 'after' },
            ),
          ),
          await timeOps(ops, (i) =>
            col
              .find({ circuitIds: `bank-a-MPLS-${String(i % 500).padStart(4, '0')}` })
              .limit(20)
              .toArray(),
          ),
          await timeOps(ops, (i) => col.insertOne(ticket(size + (companions ? ops : 0) + i))),
        ];
        medians[String(companions)] = rows.map(median);
        console.log(
          `${fmt(size, 0).padStart(9)}  ${(companions ? 'yes' : 'no').padEnd(10)}  ${rows
            .map((r) => `${fmt(median(r), 2)} / ${fmt(percentile(r, 0.99), 2)}`.padEnd(17))
            .join(' ')}`,
        );
      }
      const ratio = medians['false']!.map((b, k) => b / medians['true']![k]!);
      console.log(
        `${''.padStart(9)}  ${'no ÷ yes'.padEnd(10)}  ${ratio
          .map((r) => `×${fmt(r, 2)}`.padEnd(17))
          .join(' ')}`,
      );
    }
    await db.dropDatabase();
  } finally {
    await mongo.close();
    spawnSync('bash', [join(repoRoot, 'scripts/services.sh'), 'release', String(process.pid)], {
      stdio: 'inherit',
    });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
