import { z } from 'zod';

/** Variables of the live events; spread into the API's configuration (config/app-config.ts). */
export const eventsEnvShape = {
  /** Seconds between SSE heartbeat comments (keep proxies and clients from timing out). */
  EVENTS_HEARTBEAT_SEC: z.coerce.number().int().min(1).max(300).default(15),
  /** Seconds between re-checks of a streaming user: a disabled or changed user's stream closes. */
  EVENTS_USER_RECHECK_SEC: z.coerce.number().int().min(1).max(3600).default(30),
  /** Bytes an SSE client may leave unread before it is dropped (back-pressure). */
  EVENTS_CLIENT_BUFFER_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(512 * 1024),
  /** Lifetime of a single-use stream ticket (`POST /events/ticket`). */
  EVENTS_TICKET_TTL_SEC: z.coerce.number().int().min(5).max(300).default(30),
} as const;
