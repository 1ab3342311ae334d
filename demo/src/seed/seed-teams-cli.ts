import { MongoClient } from 'mongodb';

import { loadDemoConfig } from '../config/demo-config';
import { seedDemoTeams } from './seed-teams';

/**
 * `node demo/dist/seed/seed-teams-cli.js`: the demo's operator teams, once the demo users
 * are provisioned (MONGO_URL, MONGO_DB as for the network seed).
 */
async function main(): Promise<void> {
  const config = loadDemoConfig();
  const client = new MongoClient(config.mongoUrl, { serverSelectionTimeoutMS: 10000 });
  try {
    await client.connect();
    const teams = await seedDemoTeams(client.db(config.mongoDb));
    for (const t of teams) {
      process.stdout.write(
        `team ${t._id} (${t.regions.join(', ')}): ${t.memberUserIds.length} field engineer(s)\n`,
      );
    }
  } finally {
    await client.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`team seed failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
