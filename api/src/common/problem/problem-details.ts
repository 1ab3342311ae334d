/** One failing input field, named by its dotted path (`pageSize`, `aEnd.ifIndex`, `items.0.name`). */
export interface ProblemFieldError {
  path: string;
  message: string;
}

/** RFC 9457 problem details, the body of every error response (`application/problem+json`). */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors?: ProblemFieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Problem types are URNs: stable identifiers that do not pretend to be resolvable pages. */
export function problemType(slug: string): string {
  return `urn:circuitcare:problem:${slug}`;
}
