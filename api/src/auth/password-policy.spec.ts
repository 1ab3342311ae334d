import { passwordProblems } from './password-policy';

describe('password policy', () => {
  it('accepts a long passphrase', () => {
    expect(passwordProblems('correct horse battery', 'bank-a.ops')).toEqual([]);
  });

  it('names the field and says what is wrong', () => {
    expect(passwordProblems('Short#1', 'bank-a.ops')).toEqual([
      { path: 'password', message: 'password must be at least 12 characters long' },
    ]);
    expect(passwordProblems('my-bank-a.ops-2026', 'bank-a.ops', 'newPassword')).toEqual([
      { path: 'newPassword', message: 'newPassword must not contain the username' },
    ]);
    expect(passwordProblems('aaaaaaaaaaaaaaaa', 'x')).toEqual([
      { path: 'password', message: 'password must not repeat one or two characters' },
    ]);
    expect(passwordProblems('x'.repeat(100) + 'y'.repeat(29) + 'z', 'u')).toHaveLength(1);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(passwordProblems('密码密码密码密码密码长度', 'u')).toEqual([]);
    expect(passwordProblems('😀😀😀😀😀😀😀😀😀😀😀', 'u').map((p) => p.message)).toContain(
      'password must be at least 12 characters long',
    );
  });
});
