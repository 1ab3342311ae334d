import type { ApiHarness } from './api-harness';

/** JSON request against the harness; `token` as bearer. */
export function send(
  api: Pick<ApiHarness, 'baseUrl'>,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<Response> {
  return fetch(`${api.baseUrl}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export interface Session {
  accessToken: string;
  refreshToken: string;
}

export async function signIn(
  api: Pick<ApiHarness, 'baseUrl'>,
  username: string,
  password: string,
): Promise<Session> {
  const res = await send(api, 'POST', '/auth/login', { username, password });
  if (res.status !== 200)
    throw new Error(`login ${username}: HTTP ${res.status} ${await res.text()}`);
  const body = (await res.json()) as Session & { mfaRequired: boolean };
  if (body.mfaRequired) throw new Error(`login ${username}: a second factor is required`);
  return { accessToken: body.accessToken, refreshToken: body.refreshToken };
}
