import type { ProblemFieldError } from '../common/problem/problem-details';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Length over composition (NIST SP 800-63B): at least 12 characters, plus the two
 * mistakes a length rule lets through. Returns the problems for the field `path`.
 */
export function passwordProblems(
  password: string,
  username: string,
  path = 'password',
): ProblemFieldError[] {
  const problems: ProblemFieldError[] = [];
  const length = [...password.normalize('NFC')].length;
  if (length < PASSWORD_MIN_LENGTH) {
    problems.push({
      path,
      message: `${path} must be at least ${PASSWORD_MIN_LENGTH} characters long`,
    });
  }
  if (length > PASSWORD_MAX_LENGTH) {
    problems.push({
      path,
      message: `${path} must be at most ${PASSWORD_MAX_LENGTH} characters long`,
    });
  }
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push({ path, message: `${path} must not contain the username` });
  }
  if (length > 0 && new Set(password).size <= 2) {
    problems.push({ path, message: `${path} must not repeat one or two characters` });
  }
  return problems;
}
