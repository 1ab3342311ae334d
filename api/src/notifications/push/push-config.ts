import { z } from 'zod';

/** A base64url string (no padding) decoding to exactly `bytes` bytes. */
export function isBase64Url(value: string, bytes: number): boolean {
  return /^[A-Za-z0-9_-]+$/.test(value) && Buffer.from(value, 'base64url').length === bytes;
}

/**
 * Variables of web push (VAPID, RFC 8292); spread into the API's configuration
 * (config/app-config.ts). Both keys or neither: without them web push is off, the
 * public-key route says so and nothing is pushed. The private key is never logged.
 */
export const pushEnvShape = {
  /** Application server public key: the uncompressed P-256 point, base64url (65 bytes). */
  VAPID_PUBLIC_KEY: z
    .string()
    .refine(
      (v) => isBase64Url(v, 65) && Buffer.from(v, 'base64url')[0] === 0x04,
      'must be an uncompressed P-256 public key in base64url (npx web-push generate-vapid-keys)',
    )
    .optional(),
  /** Its private key: the 32-byte P-256 scalar, base64url. */
  VAPID_PRIVATE_KEY: z
    .string()
    .refine(
      (v) => isBase64Url(v, 32),
      'must be a 32-byte P-256 private key in base64url (npx web-push generate-vapid-keys)',
    )
    .optional(),
  /** Contact of the operator for the push services (the JWT `sub`): mailto: or https: URL. */
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:\/\/)\S+$/, 'must be a mailto: or https: URL')
    .default('mailto:noc@circuitcare.local'),
  /** How long a push service keeps an undelivered message (seconds, the TTL header). */
  PUSH_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(28 * 86400)
    .default(86400),
  /** Request timeout towards a push service. */
  PUSH_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
} as const;

/** The cross-variable rule of web push: both keys or neither, named as the variables. */
export function vapidPairIssues(env: {
  VAPID_PUBLIC_KEY?: string | undefined;
  VAPID_PRIVATE_KEY?: string | undefined;
}): { path: string; message: string }[] {
  const pub = env.VAPID_PUBLIC_KEY !== undefined;
  const priv = env.VAPID_PRIVATE_KEY !== undefined;
  if (pub === priv) return [];
  return [
    {
      path: pub ? 'VAPID_PRIVATE_KEY' : 'VAPID_PUBLIC_KEY',
      message: `must be set together with ${pub ? 'VAPID_PUBLIC_KEY' : 'VAPID_PRIVATE_KEY'}`,
    },
  ];
}
