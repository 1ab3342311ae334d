import { z } from 'zod';

import { parseSlaTargets } from '../sla/sla-targets';

const bool = (d: 'true' | 'false') =>
  z
    .enum(['true', 'false'])
    .default(d)
    .transform((v) => v === 'true');

/** Variables of tickets, SLA clocks, attachments and notifications (config/app-config.ts). */
export const ticketsEnvShape = {
  /**
   * SLA targets in minutes by SLA class × priority, as JSON
   * `{"platinum":{"P1":{"responseMin":15,"restoreMin":120},…},…}` (the whole table).
   * Unset: the defaults of sla/sla-targets.ts (docs/tickets.md).
   */
  TICKET_SLA_TARGETS: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      try {
        parseSlaTargets(v);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: `invalid SLA table: ${(e as Error).message}` });
      }
    })
    .transform((v) => parseSlaTargets(v)),
  /** Share of a target at which the warning goes out (0.8 = at 80 %). */
  TICKET_SLA_WARN_SHARE: z.coerce.number().gt(0).lt(1).default(0.8),
  /** Minutes after a breach (escalated to the team lead) before the duty manager is called. */
  TICKET_ESCALATE_DUTY_AFTER_MIN: z.coerce.number().positive().default(30),
  /** Minutes a resolved ticket waits for the customer before it closes by itself. */
  TICKET_AUTO_CLOSE_MIN: z.coerce
    .number()
    .positive()
    .default(72 * 60),
  /** Seconds a service-affecting alarm waits for a customer report before a proactive ticket opens. */
  TICKET_PROACTIVE_GRACE_SEC: z.coerce.number().int().min(0).default(120),
  /** Seconds between sweeps for alarms that need a proactive ticket; 0 turns them off. */
  TICKET_PROACTIVE_SWEEP_SEC: z.coerce.number().int().min(0).default(30),
  /** Largest attachment accepted, bytes. */
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(64 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  /** Webhook deliveries: request timeout and tries. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  WEBHOOK_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  /** Allow webhook URLs on loopback/private addresses (tests, on-premises gateways). */
  WEBHOOK_ALLOW_PRIVATE: bool('false'),
  /** Base URL of the web app, for links in e-mails. */
  PUBLIC_WEB_URL: z.string().url().default('http://127.0.0.1:4200'),
} as const;
