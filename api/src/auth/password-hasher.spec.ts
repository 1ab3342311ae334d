import { hashPassword, SCRYPT_PARAMS, verifyPassword } from './password-hasher';

describe('password hashing', () => {
  it('stores scheme, parameters, salt and key, and verifies only the right password', async () => {
    const stored = await hashPassword('Demo#2026');
    const [scheme, n, r, p, salt, key] = stored.split('$');
    expect([scheme, Number(n), Number(r), Number(p)]).toEqual([
      'scrypt',
      SCRYPT_PARAMS.N,
      SCRYPT_PARAMS.r,
      SCRYPT_PARAMS.p,
    ]);
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
    expect(Buffer.from(key!, 'base64')).toHaveLength(32);
    await expect(verifyPassword('Demo#2026', stored)).resolves.toBe(true);
    await expect(verifyPassword('demo#2026', stored)).resolves.toBe(false);
  });

  it('salts: the same password hashes differently', async () => {
    expect(await hashPassword('x')).not.toBe(await hashPassword('x'));
  });

  it('never matches a malformed record', async () => {
    await expect(verifyPassword('x', 'plain')).resolves.toBe(false);
    await expect(verifyPassword('x', 'scrypt$abc$8$1$AAAA$AAAA')).resolves.toBe(false);
  });

  it('verifies hashes made with other parameters (they are stored with the hash)', async () => {
    const { scryptSync } = await import('node:crypto');
    const salt = Buffer.alloc(16, 7);
    const key = scryptSync('old', salt, 32, { N: 1024, r: 8, p: 1 });
    await expect(
      verifyPassword('old', `scrypt$1024$8$1$${salt.toString('base64')}$${key.toString('base64')}`),
    ).resolves.toBe(true);
  });
});
