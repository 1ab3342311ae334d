import { z } from 'zod';

/** Variables of outgoing mail; spread into the API's configuration (config/app-config.ts). */
export const mailEnvShape = {
  /**
   * SMTP server, e.g. `smtp://127.0.0.1:2525` or `smtps://user:pass@mail.example:465`.
   * Unset: no e-mail is sent (notifications are recorded as skipped).
   */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  /** Sender address of every message. */
  MAIL_FROM: z.string().min(3).default('CircuitCare <noreply@circuitcare.local>'),
  /** Refuse a server without STARTTLS (production); off for a loopback test server. */
  SMTP_REQUIRE_TLS: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
} as const;
