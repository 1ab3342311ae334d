import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule, getSchemaPath } from '@nestjs/swagger';

import { PROBLEM_CONTENT_TYPE } from '../common/problem/problem-details';
import { ProblemDetailsDto } from '../common/problem/problem-details.dto';
import { PROBLEM_DESCRIPTIONS } from '../common/problem/problem-responses.decorator';

/**
 * The OpenAPI document, generated from the controllers and DTOs. It must be
 * deterministic (no dates, no host): the committed api/openapi.json is compared to it.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('CircuitCare API')
    .setDescription(
      'Self-service network operations for enterprise customers. Errors are RFC 9457 problem details (application/problem+json).',
    )
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controllerKey, methodKey) =>
      `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
  return withRateLimitResponses(document);
}

/**
 * The rate-limit guard is global (per address and per user, ADR 0012): every
 * operation can answer 429, so every operation says so, in the same words.
 */
function withRateLimitResponses(document: OpenAPIObject): OpenAPIObject {
  const tooMany = {
    description: PROBLEM_DESCRIPTIONS[429]!,
    content: {
      [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetailsDto) } },
    },
  };
  for (const item of Object.values(document.paths))
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (operation && !operation.responses['429']) operation.responses['429'] = tooMany;
    }
  return document;
}
