import type { AddressInfo } from 'node:net';

import type { NestExpressApplication } from '@nestjs/platform-express';
import { type Db, MongoClient } from 'mongodb';

import { createApp } from '../../src/app/create-app';
import { type AppConfig, loadConfig } from '../../src/config/app-config';

export const TEST_PASSWORD = 'Correct-Horse-9';

export interface ApiHarness {
  /** `http://127.0.0.1:<port>/api/v1` */
  baseUrl: string;
  app: NestExpressApplication;
  /** The test's own database, for factories. */
  db: Db;
  config: AppConfig;
  get(path: string, token?: string): Promise<Response>;
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Boots the real application in-process on a random loopback port, against the local
 * FerretDB, Kafka and Redis, with a database of its own (dropped on close).
 */
export async function startApi(
  dbName: string,
  env: Record<string, string> = {},
): Promise<ApiHarness> {
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    MONGO_DB: dbName,
    JWT_SECRET: 'integration-test-secret-0123456789abcdef',
    INGEST_ENABLED: 'false',
    LOG_LEVEL: 'silent',
    API_INSTANCE_ID: `api-test-${process.pid}`,
    // Generous request limits, so no test trips them by accident; the rate-limit tests set their own.
    RATE_LIMIT_PER_ADDRESS: '1000000',
    RATE_LIMIT_PER_USER: '1000000',
    RATE_LIMIT_AUTH_PER_ADDRESS: '1000000',
    ...env,
  });
  const mongo = new MongoClient(config.MONGO_URL);
  await mongo.connect();
  const db = mongo.db(dbName);
  await db.dropDatabase();
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}/api/v1`;
  const get = (path: string, token?: string): Promise<Response> =>
    fetch(`${baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return {
    baseUrl,
    app,
    db,
    config,
    get,
    async login(username, password = TEST_PASSWORD) {
      const res = await fetch(`${baseUrl}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      if (res.status !== 200)
        throw new Error(`login ${username}: HTTP ${res.status} ${await res.text()}`);
      return ((await res.json()) as { accessToken: string }).accessToken;
    },
    async close() {
      await app.close();
      await db.dropDatabase();
      await mongo.close();
    },
  };
}

/** The problem+json body, asserting the content type. */
export async function problemOf(res: Response): Promise<{
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors?: Array<{ path: string; message: string }>;
}> {
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return (await res.json()) as never;
}
