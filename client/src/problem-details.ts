import type { ProblemDetailsDto } from './generated/models/problem-details-dto';
import type { ProblemFieldErrorDto } from './generated/models/problem-field-error-dto';

/**
 * The RFC 9457 body of a failed call, or null when the failure carries none (network
 * error, proxy page). Takes the `HttpErrorResponse` as `unknown` so that effects can pass
 * whatever `catchError` received; only its `error` body is read.
 */
export function problemOf(failure: unknown): ProblemDetailsDto | null {
  if (!isRecord(failure)) return null;
  const body = failure['error'];
  if (!isRecord(body)) return null;
  const { type, title, status, detail, instance, errors } = body;
  if (
    typeof type !== 'string' ||
    typeof title !== 'string' ||
    typeof status !== 'number' ||
    typeof detail !== 'string' ||
    typeof instance !== 'string'
  ) {
    return null;
  }
  const problem: ProblemDetailsDto = { type, title, status, detail, instance };
  if (Array.isArray(errors)) problem.errors = errors.filter(isFieldError);
  return problem;
}

/** The messages of a validation problem by field path, for showing beside form fields. */
export function fieldErrorsOf(failure: unknown): Map<string, string[]> {
  const byPath = new Map<string, string[]>();
  for (const { path, message } of problemOf(failure)?.errors ?? []) {
    byPath.set(path, [...(byPath.get(path) ?? []), message]);
  }
  return byPath;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isFieldError(value: unknown): value is ProblemFieldErrorDto {
  return (
    isRecord(value) && typeof value['path'] === 'string' && typeof value['message'] === 'string'
  );
}
