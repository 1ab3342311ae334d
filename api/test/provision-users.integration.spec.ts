import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { MongoClient } from 'mongodb';

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
    await insertCustomer(mongo.db(dbName), 'bank-a', { 'bank-a-gz': 'bank-a-root' });
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
    expect(stdout).toMatch(/provisioned 3 users \(3 new, 0 updated\)/);
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
    expect(stdout).toMatch(/\(0 new, 3 updated\)/);
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
