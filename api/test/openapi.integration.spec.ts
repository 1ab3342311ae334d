import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { renderOpenApi } from '../src/openapi/render-openapi';
import { type ApiHarness, startApi } from './support/api-harness';

/** Web and mobile generate their client from the committed document: it must match the code. */
describe('OpenAPI document', () => {
  const committed = readFileSync(join(__dirname, '..', 'openapi.json'), 'utf8');

  it('committed api/openapi.json is up to date (regenerate: npm run build && node api/dist/openapi/write-openapi.js)', async () => {
    expect(committed).toBe(await renderOpenApi());
  });

  describe('served', () => {
    let api: ApiHarness;
    beforeAll(async () => {
      api = await startApi(`api_it_openapi_${process.pid}`);
    });
    afterAll(async () => {
      await api?.close();
    });

    it('is the same document at /api/v1/openapi.json', async () => {
      const res = await api.get('/openapi.json');
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual(JSON.parse(committed));
    });
  });

  it('documents the routes the apps are built on, each with its error responses', () => {
    const doc = JSON.parse(committed) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/alarms',
        '/api/v1/alarms/{id}/acknowledge',
        '/api/v1/audit',
        '/api/v1/auth/login',
        '/api/v1/auth/refresh',
        '/api/v1/circuits',
        '/api/v1/circuits/{id}',
        '/api/v1/circuits/{id}/availability',
        '/api/v1/circuits/{id}/fault-location',
        '/api/v1/circuits/{id}/performance',
        '/api/v1/circuits/{id}/topology',
        '/api/v1/elements/{id}/impact',
        '/api/v1/events',
        '/api/v1/health',
        '/api/v1/topology',
        '/api/v1/users',
      ]),
    );
    expect(Object.keys(doc.paths['/api/v1/circuits']!.get!.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '429']),
    );
    // Every operation but the public ones names its failures as problem+json.
    for (const [path, operations] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(operations))
        expect([
          `${method} ${path}`,
          Object.keys(op.responses).some((s) => s.startsWith('4')),
        ]).toEqual([`${method} ${path}`, true]);
  });
});
