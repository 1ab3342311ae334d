import { randomBytes } from 'node:crypto';

import { open, seal } from './secret-box';

describe('secret box', () => {
  const key = randomBytes(32);

  it('round-trips and never stores the plaintext', () => {
    const box = seal('JBSWY3DPEHPK3PXP', key, 'user-1');
    expect(box).toMatch(/^v1\./);
    expect(box).not.toContain('JBSWY3DPEHPK3PXP');
    expect(open(box, key, 'user-1')).toBe('JBSWY3DPEHPK3PXP');
    expect(seal('JBSWY3DPEHPK3PXP', key, 'user-1')).not.toBe(box);
  });

  it('refuses another user, another key, tampering and garbage', () => {
    const box = seal('secret', key, 'user-1');
    expect(open(box, key, 'user-2')).toBeNull();
    expect(open(box, randomBytes(32), 'user-1')).toBeNull();
    const parts = box.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    expect(
      open([...parts.slice(0, 3), body.toString('base64url')].join('.'), key, 'user-1'),
    ).toBeNull();
    expect(open('v2.a.b.c', key, 'user-1')).toBeNull();
    expect(open('nonsense', key, 'user-1')).toBeNull();
  });
});
