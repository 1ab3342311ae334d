import { isPrivateAddress, webhookUrlProblem } from './webhook-url.policy';

describe('webhook URL policy', () => {
  it('tells private from public addresses', () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '::1',
      'fd00::1',
      '::ffff:127.0.0.1',
    ]) {
      expect(isPrivateAddress(a)).toBe(true);
    }
    for (const a of ['8.8.8.8', '172.32.0.1', '2001:db8::1'])
      expect(isPrivateAddress(a)).toBe(false);
  });

  it('refuses odd schemes, credentials and private targets', async () => {
    expect(await webhookUrlProblem('ftp://x', false)).toMatch(/http/);
    expect(await webhookUrlProblem('https://u:p@8.8.8.8/', false)).toMatch(/credentials/);
    expect(await webhookUrlProblem('http://127.0.0.1:9/x', false)).toMatch(/public/);
    expect(await webhookUrlProblem('http://127.0.0.1:9/x', true)).toBeNull();
  });
});
