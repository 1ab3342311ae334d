import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';

import { PROBLEM_CONTENT_TYPE } from './problem-details';
import { ProblemDetailsDto } from './problem-details.dto';

export const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input; `errors[]` names each failing field.',
  401: 'Missing, invalid or expired bearer token.',
  403: 'Your role may not use this operation.',
  404: "Not found, or outside the caller's scope (indistinguishable by design).",
  409: 'Conflicts with the current state of the resource.',
  429: 'Too many requests; retry after the `Retry-After` header (seconds).',
  503: 'A dependency is down.',
};

/** Documents error responses as `application/problem+json` bodies. */
export function ProblemResponses(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDetailsDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: PROBLEM_DESCRIPTIONS[status] ?? 'Error',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } },
      }),
    ),
  );
}
