import { TRAP_OIDS } from '../contracts';
import { TrapTranslationError, v1TrapOid } from './v1-trap-translation';

describe('v1TrapOid (RFC 3584 §3.1)', () => {
  it('maps the generic traps to snmpTraps', () => {
    expect(v1TrapOid('1.3.6.1.4.1.8072', 0, 0)).toBe(TRAP_OIDS.coldStart);
    expect(v1TrapOid('1.3.6.1.4.1.8072', 1, 0)).toBe(TRAP_OIDS.warmStart);
    expect(v1TrapOid('1.3.6.1.4.1.8072', 2, 0)).toBe(TRAP_OIDS.linkDown);
    expect(v1TrapOid('1.3.6.1.4.1.8072', 3, 0)).toBe(TRAP_OIDS.linkUp);
    expect(v1TrapOid('1.3.6.1.4.1.8072', 4, 0)).toBe(TRAP_OIDS.authenticationFailure);
    expect(v1TrapOid('1.3.6.1.4.1.8072', 5, 0)).toBe('1.3.6.1.6.3.1.1.5.6');
  });

  it('ignores the specific code for a generic trap', () => {
    expect(v1TrapOid('1.3.6.1.4.1.9', 2, 17)).toBe(TRAP_OIDS.linkDown);
  });

  it('builds enterprise.0.specific for enterprise-specific traps', () => {
    expect(v1TrapOid('1.3.6.1.4.1.9.9.41.2', 6, 1)).toBe('1.3.6.1.4.1.9.9.41.2.0.1');
    expect(v1TrapOid('1.3.6.1.4.1.2636', 6, 0)).toBe('1.3.6.1.4.1.2636.0.0');
  });

  it('rejects impossible fields', () => {
    expect(() => v1TrapOid('1.3.6.1.4.1.9', 7, 0)).toThrow(TrapTranslationError);
    expect(() => v1TrapOid('1.3.6.1.4.1.9', -1, 0)).toThrow(TrapTranslationError);
    expect(() => v1TrapOid('not-an-oid', 6, 1)).toThrow(TrapTranslationError);
    expect(() => v1TrapOid('1.3.6.1.4.1.9', 6, -3)).toThrow(TrapTranslationError);
  });
});
