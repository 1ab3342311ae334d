import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import 'reflect-metadata';

import { renderOpenApi } from './render-openapi';

/** `node api/dist/openapi/write-openapi.js [out]`: writes the OpenAPI document (default api/openapi.json). */
async function main(): Promise<void> {
  const out = process.argv[2] ?? join(__dirname, '..', '..', 'openapi.json');
  writeFileSync(out, await renderOpenApi());
  console.log(`wrote ${out}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
