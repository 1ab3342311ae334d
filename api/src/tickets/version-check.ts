import { RequestValidationException } from '../common/problem/request-validation.exception';
import type { VersionCheck } from './tickets.service';

/** `If-Match: "3"` (or W/"3", or 3) wins over a body `version`; neither: no check. */
export function versionCheck(
  ifMatch: string | undefined,
  bodyVersion: number | undefined,
): VersionCheck {
  if (ifMatch !== undefined && ifMatch !== '') {
    const m = /^(?:W\/)?"?(\d{1,12})"?$/.exec(ifMatch.trim());
    if (!m)
      throw new RequestValidationException([
        { path: 'If-Match', message: 'must be the ticket version, e.g. "3"' },
      ]);
    return { expected: Number(m[1]), via: 'if-match' };
  }
  return { expected: bodyVersion, via: 'body' };
}
