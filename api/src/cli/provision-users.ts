import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { MongoClient } from 'mongodb';
import 'reflect-metadata';

import { toAuditDocument } from '../audit/audit-entry';
import { AuditRepository } from '../audit/audit.repository';
import { hashPassword } from '../auth/password-hasher';
import { loadProvisionConfig } from '../config/provision-config';
import { COLLECTIONS } from '../database/collections';
import type { CustomerDocument, OrgUnitDocument } from '../database/documents';
import { type UserProvisioning, UsersRepository } from '../users/users.repository';
import { parseUserProvisioningFile, type UserProvisioningEntry } from './user-provisioning-file';

/**
 * `node api/dist/cli/provision-users.js <users.json>`: creates or updates users by
 * username. Every user gets the password from DEMO_PASSWORD. A customer user
 * without an orgUnitId is placed at its customer's root org unit. Each user written is
 * recorded in the audit log (actor `cli:provision-users`).
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
    const orgUnits = db.collection<OrgUnitDocument>(COLLECTIONS.orgUnits);
    const customerOf = async (username: string, id: string): Promise<CustomerDocument> => {
      const customer = await customers.findOne({ _id: id });
      if (!customer) {
        throw new Error(`${username}: customer ${id} does not exist (seed the network first)`);
      }
      return customer;
    };
    const resolve = async (e: UserProvisioningEntry): Promise<UserProvisioning> => {
      let orgUnitId = e.orgUnitId ?? null;
      if (e.customerId) {
        const customer = await customerOf(e.username, e.customerId);
        orgUnitId ??= customer.rootOrgUnitId;
        const unit = await orgUnits.findOne({ _id: orgUnitId });
        if (unit?.customerId !== e.customerId) {
          throw new Error(`${e.username}: org unit ${orgUnitId} is not a unit of ${e.customerId}`);
        }
      }
      for (const id of e.assignedCustomerIds ?? []) await customerOf(e.username, id);
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
    const audit = new AuditRepository(db);
    for (const user of resolved) {
      const isNew = await users.upsertByUsername(user, randomUUID(), new Date());
      if (isNew) created += 1;
      const stored = await users.findForLogin(user.username);
      await audit.insert(
        toAuditDocument(
          {
            actor: null,
            actorName: 'cli:provision-users',
            action: isNew ? 'user.create' : 'user.update',
            customerId: user.customerId,
            target: { type: 'user', id: stored?._id ?? user.username },
            outcome: 'success',
            detail: { username: user.username, role: user.role, source: 'provision-users' },
          },
          new Date(),
          randomUUID().slice(0, 12),
        ),
      );
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
