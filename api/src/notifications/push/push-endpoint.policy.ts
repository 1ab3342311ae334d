import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

import { isPrivateAddress } from '../webhook-url.policy';

/** Whether a host names this machine: loopback addresses and `localhost`. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || /^::ffff:127\./.test(host);
  return false;
}

/**
 * A push service endpoint we may POST to: https to public addresses (a user must not make
 * the API call into the operator's network), or — outside production only — plain http to
 * a loopback address (a local push service in tests and development). The reason, or null.
 */
export async function pushEndpointProblem(
  endpoint: string,
  options: { allowLoopbackHttp: boolean },
  resolve: (host: string) => Promise<string[]> = resolveHost,
): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'not a URL';
  }
  if (url.username || url.password) return 'must not carry credentials';
  if (url.protocol === 'http:') {
    if (options.allowLoopbackHttp && isLoopbackHost(url.hostname)) return null;
    return options.allowLoopbackHttp
      ? 'must be https (or http to a loopback address)'
      : 'must be https';
  }
  if (url.protocol !== 'https:') return 'must be https';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : await resolve(host);
  if (addresses.length === 0) return 'host does not resolve';
  if (addresses.some(isPrivateAddress)) return 'must resolve to public addresses';
  return null;
}

async function resolveHost(host: string): Promise<string[]> {
  return lookup(host, { all: true })
    .then((r) => r.map((x) => x.address))
    .catch(() => []);
}
