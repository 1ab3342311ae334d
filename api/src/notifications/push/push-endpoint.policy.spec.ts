import { isLoopbackHost, pushEndpointProblem } from './push-endpoint.policy';

const publicDns = (): Promise<string[]> => Promise.resolve(['142.250.1.1']);
const privateDns = (): Promise<string[]> => Promise.resolve(['10.1.2.3']);
const noDns = (): Promise<string[]> => Promise.resolve([]);
const dev = { allowLoopbackHttp: true };
const prod = { allowLoopbackHttp: false };

describe('push endpoint policy', () => {
  it('takes https endpoints of public push services', async () => {
    expect(
      await pushEndpointProblem('https://fcm.googleapis.com/fcm/send/abc', prod, publicDns),
    ).toBeNull();
    expect(await pushEndpointProblem('https://142.250.1.1/push/x', prod, noDns)).toBeNull();
  });

  it('refuses https to private or unresolvable hosts', async () => {
    expect(await pushEndpointProblem('https://push.internal/x', prod, privateDns)).toBe(
      'must resolve to public addresses',
    );
    expect(await pushEndpointProblem('https://127.0.0.1/x', dev, noDns)).toBe(
      'must resolve to public addresses',
    );
    expect(await pushEndpointProblem('https://nowhere.invalid/x', prod, noDns)).toBe(
      'host does not resolve',
    );
  });

  it('takes plain http only to a loopback address, and never in production', async () => {
    expect(await pushEndpointProblem('http://127.0.0.1:4100/push/1', dev, noDns)).toBeNull();
    expect(await pushEndpointProblem('http://[::1]:4100/push/1', dev, noDns)).toBeNull();
    expect(await pushEndpointProblem('http://localhost:4100/push/1', dev, noDns)).toBeNull();
    expect(await pushEndpointProblem('http://127.0.0.1:4100/push/1', prod, noDns)).toBe(
      'must be https',
    );
    expect(await pushEndpointProblem('http://10.0.0.1/push/1', dev, publicDns)).toBe(
      'must be https (or http to a loopback address)',
    );
    expect(await pushEndpointProblem('http://push.example.com/1', dev, publicDns)).toBe(
      'must be https (or http to a loopback address)',
    );
  });

  it('refuses other schemes, credentials and garbage', async () => {
    expect(await pushEndpointProblem('ftp://push.example.com/1', dev, publicDns)).toBe(
      'must be https',
    );
    expect(await pushEndpointProblem('https://u:p@push.example.com/1', dev, publicDns)).toBe(
      'must not carry credentials',
    );
    expect(await pushEndpointProblem('not a url', dev, publicDns)).toBe('not a URL');
  });

  it('knows loopback hosts', () => {
    for (const h of ['127.0.0.1', '127.8.9.10', '[::1]', 'localhost', 'a.localhost'])
      expect([h, isLoopbackHost(h)]).toEqual([h, true]);
    for (const h of ['10.0.0.1', 'example.com', '::2', 'localhost.example.com'])
      expect([h, isLoopbackHost(h)]).toEqual([h, false]);
  });
});
