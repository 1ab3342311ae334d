import type { Role } from '../database/documents';

/** Operator staff read internal notes, events and attachments; customer users never do. */
export function seesInternal(role: Role): boolean {
  return (
    role === 'noc-operator' ||
    role === 'platform-admin' ||
    role === 'field-engineer' ||
    role === 'account-manager'
  );
}

/**
 * Number shield: which roles see customers' phone numbers and e-mail addresses in
 * clear. The customer's own users, the field engineer who must call the site and the
 * account manager who owns the relationship do; the NOC and platform admins see them
 * masked (they reach the customer through the ticket, not privately).
 */
export function seesContactData(role: Role): boolean {
  return role !== 'noc-operator' && role !== 'platform-admin';
}

/** `13812345678` → `138****5678`; keeps enough to tell two numbers apart. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s+/g, '');
  if (digits.length <= 4) return '*'.repeat(digits.length);
  const head = digits.slice(0, Math.min(3, digits.length - 4));
  return `${head}${'*'.repeat(digits.length - head.length - 4)}${digits.slice(-4)}`;
}

/** `zhang.wei@bank-a.cn` → `z***@bank-a.cn`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}
