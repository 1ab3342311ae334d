import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { MongoClient } from 'mongodb';

import type { AuditEntryDocument } from '../src/audit/audit-entry';
import { verifyPassword } from '../src/auth/password-hasher';
import type { UserDocument } from '../src/database/documents';
import { insertCustomer } from './support/factories';

const run = promisify(execFile);
const CLI = join(__dirname, '..', 'dist', 'cli', 'provision-users.js');
const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017/';

/** The built CLI (npm run build first) against the real database. */
describe('provision-users CLI', () => {
  const dbName = `api_it_provision_${process.pid}`;
  const mongo = new MongoClient(MONGO_URL);
  const env = { ...process.env, MONGO_URL, MONGO_DB: dbName, DEMO_PASSWORD: 'Provisioned#1' };

  beforeAll(async () => {
    await mongo.connect();
    await mongo.db(dbName).dropDatabase();
    await insertCustomer(mongo.db(dbName), 'bank-a', {
      'bank-a-HO': 'bank-a-root',
      'bank-a-HB': 'bank-a-HO',
      'bank-a-HB-WH': 'bank-a-HB',
      'bank-a-gz': 'bank-a-root',
    });
    await insertCustomer(mongo.db(dbName), 'bank-b');
  });

  afterAll(async () => {
    await mongo.db(dbName).dropDatabase();
    await mongo.close();
  });

  const users = () => mongo.db(dbName).collection<UserDocument>('users');

  it('provisions the demo users, placing customer admins at their customer root', async () => {
    const { stdout } = await run(
      'node',
      [CLI, join(__dirname, '..', 'fixtures', 'demo-users.json')],
      { env },
    );
    expect(stdout).toMatch(/provisioned 8 users \(8 new, 0 updated\)/);
    const a = await users().findOne({ username: 'bank-a.admin' });
    expect(a).toMatchObject({
      role: 'customer-admin',
      customerId: 'bank-a',
      orgUnitId: 'bank-a-root',
      disabled: false,
    });
    expect(a!.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    await expect(verifyPassword('Provisioned#1', a!.passwordHash)).resolves.toBe(true);
    expect(await users().findOne({ username: 'noc.li' })).toMatchObject({
      role: 'noc-operator',
      customerId: null,
      orgUnitId: null,
    });
    const scopes = await users()
      .find({ username: { $in: ['bank-a.wuhan', 'bank-a.viewer', 'am.zhang', 'admin'] } })
      .sort({ username: 1 })
      .toArray();
    expect(
      scopes.map((u) => [u.username, u.role, u.customerId, u.orgUnitId, u.assignedCustomerIds]),
    ).toEqual([
      ['admin', 'platform-admin', null, null, []],
      ['am.zhang', 'account-manager', null, null, ['bank-a']],
      ['bank-a.viewer', 'customer-viewer', 'bank-a', 'bank-a-HO', []],
      ['bank-a.wuhan', 'customer-engineer', 'bank-a', 'bank-a-HB-WH', []],
    ]);
    const audit = await mongo
      .db(dbName)
      .collection<AuditEntryDocument>('auditLog')
      .find({ actorName: 'cli:provision-users' })
      .toArray();
    expect(audit.map((e) => e.action)).toEqual(Array(8).fill('user.create'));
  });

  it('refuses an org unit of another customer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-users-'));
    const file = join(dir, 'users.json');
    writeFileSync(
      file,
      JSON.stringify([
        {
          username: 'b.spy',
          displayName: 'B',
          role: 'customer-viewer',
          customerId: 'bank-b',
          orgUnitId: 'bank-a-HB-WH',
        },
      ]),
    );
    const failure = await run('node', [CLI, file], { env }).then(
      () => null,
      (error: { stderr: string }) => error,
    );
    expect(failure?.stderr).toMatch(/org unit bank-a-HB-WH is not a unit of bank-b/);
    expect(await users().countDocuments({ username: 'b.spy' })).toBe(0);
  });

  it('is idempotent by username: a second run updates and keeps ids', async () => {
    const before = await users()
      .find({}, { sort: { username: 1 } })
      .toArray();
    const { stdout } = await run(
      'node',
      [CLI, join(__dirname, '..', 'fixtures', 'demo-users.json')],
      { env },
    );
    expect(stdout).toMatch(/\(0 new, 8 updated\)/);
    const after = await users()
      .find({}, { sort: { username: 1 } })
      .toArray();
    expect(after.map((u) => u._id)).toEqual(before.map((u) => u._id));
  });

  it('refuses a file naming an unknown customer, writing nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-users-'));
    const file = join(dir, 'users.json');
    writeFileSync(
      file,
      JSON.stringify([
        {
          username: 'gz.eng',
          displayName: 'GZ',
          role: 'customer-engineer',
          customerId: 'bank-a',
          orgUnitId: 'bank-a-gz',
        },
        { username: 'x.admin', displayName: 'X', role: 'customer-admin', customerId: 'bank-x' },
      ]),
    );
    const failure = await run('node', [CLI, file], { env }).then(
      () => null,
      (error: { stderr: string }) => error,
    );
    expect(failure?.stderr).toMatch(/bank-x does not exist/);
    expect(await users().countDocuments({ username: 'gz.eng' })).toBe(0);
  });
});
