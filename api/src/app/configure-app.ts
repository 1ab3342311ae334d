import { RequestMethod, ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';

import { ProblemDetailsFilter } from '../common/problem/problem-details.filter';
import { RequestValidationException } from '../common/problem/request-validation.exception';
import { buildOpenApiDocument } from '../openapi/openapi-document';

export const API_PREFIX = 'api/v1';

/**
 * /api/v1 on every route but the TMF621 facade, which lives where the standard puts it
 * (api/src/tmf). Shared with the OpenAPI writer so the committed document has the
 * paths the server serves.
 */
export function applyGlobalPrefix(app: NestExpressApplication): void {
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [{ path: 'tmf-api/*path', method: RequestMethod.ALL }],
  });
}

/**
 * Everything main.ts, the tests and the OpenAPI writer must set identically on the
 * application: prefix, validation, error rendering, OpenAPI routes.
 */
export function configureApp(app: NestExpressApplication): void {
  applyGlobalPrefix(app);
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      // Query strings arrive as text; the DTOs declare the real types with @Type.
      transformOptions: { enableImplicitConversion: false },
      exceptionFactory: (errors) => RequestValidationException.fromValidationErrors(errors),
    }),
  );
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.disable('x-powered-by');
  app.enableShutdownHooks();
  const document = buildOpenApiDocument(app);
  // Swagger's routes bypass Nest's guards: the document is public, as it must be for client generators.
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, {
    jsonDocumentUrl: `${API_PREFIX}/openapi.json`,
    raw: ['json'],
  });
}
