import { newTotpSecret, totpCodeAt, totpStepOf } from './totp';

describe('TOTP', () => {
  const t0 = Date.UTC(2026, 10, 22, 8, 0, 10);

  it('makes a 160-bit secret and a URI authenticator apps read', () => {
    const { secret, otpauthUri } = newTotpSecret('bank-a.admin');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri).toMatch(
      new RegExp(`^otpauth://totp/CircuitCare:bank-a\\.admin\\?.*secret=${secret}`),
    );
    expect(otpauthUri).toContain('period=30');
    expect(otpauthUri).toContain('digits=6');
  });

  it('matches RFC 6238 test vector (SHA-1, T=59 s)', () => {
    // Secret "12345678901234567890" in base32; the RFC's 8-digit value is 94287082.
    expect(totpCodeAt('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 59_000)).toBe('287082');
  });

  it('gives the step of a code within one step either side, null otherwise', () => {
    const { secret } = newTotpSecret('u');
    const step = Math.floor(t0 / 30_000);
    expect(totpStepOf(secret, totpCodeAt(secret, t0), t0)).toBe(step);
    expect(totpStepOf(secret, totpCodeAt(secret, t0 - 30_000), t0)).toBe(step - 1);
    expect(totpStepOf(secret, totpCodeAt(secret, t0 + 30_000), t0)).toBe(step + 1);
    expect(totpStepOf(secret, totpCodeAt(secret, t0 - 90_000), t0)).toBeNull();
    expect(totpStepOf(secret, 'abcdef', t0)).toBeNull();
    expect(totpStepOf(secret, '1234567', t0)).toBeNull();
  });
});
