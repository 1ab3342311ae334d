import type { Role } from '@circuitcare/client';

/** The tab a role lands on in the mobile app (the web's homeOf names web pages). */
export function mobileHomeOf(role: Role | null | undefined): string {
  return role === 'field-engineer' ? '/jobs' : '/home';
}

/** Only a path of this app: an absolute or protocol-relative URL is not followed. */
export function safeReturnUrl(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/login')) {
    return null;
  }
  return value;
}
