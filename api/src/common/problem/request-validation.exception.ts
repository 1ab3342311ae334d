import { BadRequestException, type ValidationError } from '@nestjs/common';

import type { ProblemFieldError } from './problem-details';

/** Thrown by the global ValidationPipe (and by hand-written checks) with every failing field. */
export class RequestValidationException extends BadRequestException {
  constructor(readonly errors: ProblemFieldError[]) {
    super(`The request has ${errors.length} invalid field${errors.length === 1 ? '' : 's'}.`);
  }

  static fromValidationErrors(errors: ValidationError[]): RequestValidationException {
    return new RequestValidationException(flattenValidationErrors(errors));
  }
}

/** class-validator reports a tree (nested DTOs, arrays); the problem body wants one line per leaf field. */
export function flattenValidationErrors(
  errors: ValidationError[],
  prefix = '',
): ProblemFieldError[] {
  const out: ProblemFieldError[] = [];
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) {
      out.push({ path, message });
    }
    if (error.children && error.children.length > 0) {
      out.push(...flattenValidationErrors(error.children, path));
    }
  }
  return out;
}
