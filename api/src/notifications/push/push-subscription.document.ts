/**
 * One browser's web push subscription of one user (collection pushSubscriptions). The
 * keys are the browser's public key and auth secret (RFC 8291): they let the API encrypt
 * for that browser only, and are worth nothing to anyone else, so they are kept as sent.
 */
export interface PushSubscriptionDocument {
  /** `ps-` + 32 hex of SHA-256(user id, endpoint): one entry per user and browser. */
  _id: string;
  userId: string;
  /** The push service URL of the browser (a capability: never logged, never listed to others). */
  endpoint: string;
  keys: { p256dh: string; auth: string };
  /** When the push service says the subscription ends (null: not said). */
  expirationTime: Date | null;
  createdAt: Date;
  updatedAt: Date;
  lastSuccessAt: Date | null;
}
