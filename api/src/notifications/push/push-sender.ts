import { Inject, Injectable } from '@nestjs/common';
import { generateRequestDetails } from 'web-push';

import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { pushEndpointProblem } from './push-endpoint.policy';
import type { PushMessage } from './push-payload';
import type { PushSubscriptionDocument } from './push-subscription.document';

export type PushOutcome =
  | { kind: 'sent' }
  /** 404/410: the browser dropped the subscription; it is to be forgotten. */
  | { kind: 'gone'; status: number }
  /** `retry`: worth another try later (timeouts, 429, 5xx); else the request itself is refused. */
  | { kind: 'failed'; reason: string; retry: boolean };

/**
 * Sends one web push message: `web-push` encrypts it (aes128gcm, RFC 8291) and signs the
 * VAPID JWT (RFC 8292); the request goes out through fetch, which (unlike web-push's own
 * https-only transport) also reaches a loopback http push service outside production.
 */
@Injectable()
export class PushSender {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Both VAPID keys are configured. */
  get enabled(): boolean {
    return Boolean(this.config.VAPID_PUBLIC_KEY && this.config.VAPID_PRIVATE_KEY);
  }

  get publicKey(): string | null {
    return this.config.VAPID_PUBLIC_KEY ?? null;
  }

  get allowLoopbackHttp(): boolean {
    return this.config.NODE_ENV !== 'production';
  }

  async send(sub: PushSubscriptionDocument, message: PushMessage): Promise<PushOutcome> {
    const { VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY } = this.config;
    if (!VAPID_PUBLIC_KEY || !VAPID_PRIVATE_KEY) {
      return { kind: 'failed', reason: 'web push not configured', retry: false };
    }
    // Checked again at sending: a name may resolve elsewhere than when it was registered.
    const problem = await pushEndpointProblem(sub.endpoint, {
      allowLoopbackHttp: this.allowLoopbackHttp,
    });
    if (problem) return { kind: 'failed', reason: `refused: ${problem}`, retry: false };
    const details = generateRequestDetails(
      { endpoint: sub.endpoint, keys: sub.keys },
      JSON.stringify(message),
      {
        vapidDetails: {
          subject: this.config.VAPID_SUBJECT,
          publicKey: VAPID_PUBLIC_KEY,
          privateKey: VAPID_PRIVATE_KEY,
        },
        TTL: this.config.PUSH_TTL_SECONDS,
        contentEncoding: 'aes128gcm',
      },
    );
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(details.headers)) {
      // fetch computes the length itself.
      if (name.toLowerCase() !== 'content-length') headers[name] = String(value);
    }
    try {
      const res = await fetch(details.endpoint, {
        method: 'POST',
        headers,
        body: new Uint8Array(details.body),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.PUSH_TIMEOUT_MS),
      });
      // The answer's body says nothing we use; read it so the connection is released.
      await res.arrayBuffer().catch(() => undefined);
      if (res.status >= 200 && res.status < 300) return { kind: 'sent' };
      if (res.status === 404 || res.status === 410) return { kind: 'gone', status: res.status };
      return {
        kind: 'failed',
        reason: `HTTP ${res.status}`,
        retry: res.status === 429 || res.status >= 500,
      };
    } catch (error) {
      return { kind: 'failed', reason: (error as Error).message.slice(0, 200), retry: true };
    }
  }
}
