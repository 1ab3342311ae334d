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

  it('documents every endpoint of the first read API', () => {
    const doc = JSON.parse(committed) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/v1/alarms',
      '/api/v1/auth/login',
      '/api/v1/circuits',
      '/api/v1/circuits/{id}',
      '/api/v1/circuits/{id}/performance',
      '/api/v1/health',
    ]);
    expect(Object.keys(doc.paths['/api/v1/circuits']!.get!.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401']),
    );
  });
});
