import { Secret, TOTP } from 'otpauth';

/** RFC 6238 as every authenticator app does it: SHA-1, 6 digits, 30 s. */
const PERIOD = 30;
const ISSUER = 'CircuitCare';
/** One step either side: a code typed just before its step ended still counts (clock skew). */
const WINDOW = 1;

function totpOf(secretBase32: string, label: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A fresh 160-bit secret (base32) and its otpauth:// URI for authenticator apps. */
export function newTotpSecret(username: string): { secret: string; otpauthUri: string } {
  const secret = new Secret({ size: 20 }).base32;
  return { secret, otpauthUri: totpOf(secret, username).toString() };
}

/**
 * The time step a code belongs to (within ±1 step of `now`), or null when it is wrong.
 * Callers accept a step only if it is later than the last one accepted: that is what
 * rejects a code replayed within its window.
 */
export function totpStepOf(secretBase32: string, code: string, now: number): number | null {
  if (!/^\d{6}$/.test(code)) {
    return null;
  }
  const delta = totpOf(secretBase32, 'x').validate({ token: code, timestamp: now, window: WINDOW });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD) + delta;
}

/** The code of a given time; the tests use it as an authenticator app would. */
export function totpCodeAt(secretBase32: string, now: number): string {
  return totpOf(secretBase32, 'x').generate({ timestamp: now });
}
