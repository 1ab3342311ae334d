import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { MongoClient } from 'mongodb';
import 'reflect-metadata';

import { hashPassword } from '../auth/password-hasher';
import { loadProvisionConfig } from '../config/provision-config';
import { COLLECTIONS } from '../database/collections';
import type { CustomerDocument } from '../database/documents';
import { type UserProvisioning, UsersRepository } from '../users/users.repository';
import { parseUserProvisioningFile, type UserProvisioningEntry } from './user-provisioning-file';

/**
 * `node api/dist/cli/provision-users.js <users.json>`: creates or updates users by
 * username. Every user gets the password from DEMO_PASSWORD. A customer user
 * without an orgUnitId is placed at its customer's root org unit.
 */
async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) {
    throw new Error('usage: provision-users <users.json>');
  }
  const entries = parseUserProvisioningFile(readFileSync(file, 'utf8'));
  const config = loadProvisionConfig();
  const client = new MongoClient(config.MONGO_URL, { serverSelectionTimeoutMS: 10000 });
  await client.connect();
  try {
    const db = client.db(config.MONGO_DB);
    const users = new UsersRepository(db);
    await users.ensureIndexes();
    const customers = db.collection<CustomerDocument>(COLLECTIONS.customers);
    const resolve = async (e: UserProvisioningEntry): Promise<UserProvisioning> => {
      let orgUnitId = e.orgUnitId ?? null;
      if (e.customerId && !orgUnitId) {
        const customer = await customers.findOne({ _id: e.customerId });
        if (!customer) {
          throw new Error(
            `${e.username}: customer ${e.customerId} does not exist (seed the network first)`,
          );
        }
        orgUnitId = customer.rootOrgUnitId;
      }
      return {
        username: e.username,
        displayName: e.displayName,
        role: e.role,
        customerId: e.customerId ?? null,
        orgUnitId,
        assignedCustomerIds: e.assignedCustomerIds ?? [],
        passwordHash: await hashPassword(config.DEMO_PASSWORD),
      };
    };
    // Resolve everything before writing: a bad entry leaves the users collection untouched.
    const resolved = await Promise.all(entries.map(resolve));
    let created = 0;
    for (const user of resolved) {
      if (await users.upsertByUsername(user, randomUUID(), new Date())) created += 1;
    }
    console.log(
      `provisioned ${resolved.length} users (${created} new, ${resolved.length - created} updated)`,
    );
  } finally {
    await client.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
