import { userOf } from '../../test/support/user-documents';
import { principalFromUser } from '../auth/principal';
import { sanitizeDetail, toAuditDocument } from './audit-entry';

describe('audit entries', () => {
  it('drops secret-looking keys and operator keys, keeps plain facts', () => {
    expect(
      sanitizeDetail({
        password: 'x',
        newPassword: 'x',
        refreshToken: 'x',
        totpCode: '123456',
        secret: 'x',
        passwordHash: 'x',
        apiKey: 'x',
        $where: 'x',
        'a.b': 'x',
        rows: 12,
        format: 'csv',
        reason: 'bad-credentials',
        ok: true,
        nothing: null,
        inf: Infinity,
      }),
    ).toEqual({
      rows: 12,
      format: 'csv',
      reason: 'bad-credentials',
      ok: true,
      nothing: null,
      inf: null,
    });
  });

  it('bounds sizes', () => {
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i]));
    expect(Object.keys(sanitizeDetail(many))).toHaveLength(20);
    expect(sanitizeDetail({ long: 'x'.repeat(1000) }).long).toHaveLength(201);
  });

  it('takes the actor from the principal, or the name given for anonymous events', () => {
    const at = new Date('2026-11-22T08:00:00Z');
    const actor = principalFromUser(
      userOf('customer-admin', { _id: 'u1', username: 'bank-a.admin', customerId: 'bank-a' }),
    );
    expect(
      toAuditDocument(
        {
          actor,
          action: 'user.create',
          customerId: 'bank-a',
          target: { type: 'user', id: 'u2' },
          outcome: 'success',
        },
        at,
        'abc',
      ),
    ).toEqual({
      _id: '2026-11-22T08:00:00.000Z-abc',
      at,
      actorId: 'u1',
      actorName: 'bank-a.admin',
      actorRole: 'customer-admin',
      action: 'user.create',
      customerId: 'bank-a',
      targetType: 'user',
      targetId: 'u2',
      outcome: 'success',
      detail: {},
      ip: null,
    });
    const anonymous = toAuditDocument(
      {
        actor: null,
        actorName: 'nobody',
        action: 'auth.login.failed',
        customerId: null,
        outcome: 'failure',
        ip: '10.0.0.1',
      },
      at,
      'def',
    );
    expect([anonymous.actorId, anonymous.actorName, anonymous.actorRole, anonymous.ip]).toEqual([
      null,
      'nobody',
      null,
      '10.0.0.1',
    ]);
  });
});
