import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';

import { AppModule } from '../app.module';
import { applyGlobalPrefix } from '../app/configure-app';
import { loadConfig } from '../config/app-config';
import { buildOpenApiDocument } from './openapi-document';

/**
 * The OpenAPI document as committed text. Nest's preview mode resolves the module
 * graph without instantiating providers, so no database or broker is needed.
 */
export async function renderOpenApi(): Promise<string> {
  // Only the shape of the app matters here; the secret is a placeholder that never signs anything.
  const config = loadConfig({
    JWT_SECRET: 'openapi-generation-placeholder-secret-000',
    INGEST_ENABLED: 'false',
  });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  applyGlobalPrefix(app);
  const document = buildOpenApiDocument(app);
  await app.close();
  return `${JSON.stringify(document, null, 2)}\n`;
}
