import { parseArgs } from 'node:util';

import { MongoClient } from 'mongodb';

import { loadDemoConfig } from './config/demo-config';
import { DEFAULT_SITES_PER_CUSTOMER, generateDemoNetwork } from './network/demo-network.generator';
import { formatSummary, summarizeInventory } from './network/inventory-summary.report';
import { seedInventory } from './seed/seed-inventory';

const USAGE = `usage: node demo/dist/seed-cli.js [--seed N] [--mongo URL] [--db NAME] [--sites N] [--dry-run]
  Generates the demo network (deterministic from the seed) and writes it to MongoDB/FerretDB.
  Defaults: DEMO_SEED (2026), MONGO_URL (mongodb://127.0.0.1:27017/), MONGO_DB (circuitcare).`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string' },
      mongo: { type: 'string' },
      db: { type: 'string' },
      sites: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const env = loadDemoConfig();
  const seed = values.seed !== undefined ? Number(values.seed) : env.seed;
  const sitesPerCustomer =
    values.sites !== undefined ? Number(values.sites) : DEFAULT_SITES_PER_CUSTOMER;
  const mongoUrl = values.mongo ?? env.mongoUrl;
  const mongoDb = values.db ?? env.mongoDb;

  const t0 = performance.now();
  const inv = generateDemoNetwork({ seed, sitesPerCustomer });
  const generatedMs = performance.now() - t0;
  process.stdout.write(
    `demo network, seed ${seed}, ${sitesPerCustomer} sites per customer (generated in ${generatedMs.toFixed(0)} ms)\n`,
  );
  process.stdout.write(`${formatSummary(summarizeInventory(inv))}\n`);
  if (values['dry-run']) {
    process.stdout.write('dry run: nothing written\n');
    return;
  }

  const client = new MongoClient(mongoUrl, { serverSelectionTimeoutMS: 10000 });
  try {
    await client.connect();
    const t1 = performance.now();
    const results = await seedInventory(client.db(mongoDb), inv);
    const seededMs = performance.now() - t1;
    process.stdout.write(`\nseeded ${mongoDb} at ${mongoUrl} in ${seededMs.toFixed(0)} ms\n`);
    process.stdout.write(
      `${'collection'.padEnd(12)} ${['docs', 'inserted', 'replaced', 'unchanged', 'deleted'].map((h) => h.padStart(9)).join(' ')}\n`,
    );
    for (const r of results) {
      const cells = [r.documents, r.inserted, r.replaced, r.unchanged, r.deleted].map((n) =>
        String(n).padStart(9),
      );
      process.stdout.write(`${r.collection.padEnd(12)} ${cells.join(' ')}\n`);
    }
  } finally {
    await client.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`seed failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
