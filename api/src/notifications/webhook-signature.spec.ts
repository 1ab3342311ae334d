import { signWebhook, verifyWebhook } from './webhook-signature';

describe('webhook signature', () => {
  const now = Math.floor(Date.now() / 1000);
  it('verifies its own signature and nothing else', () => {
    const header = signWebhook('s3cret', '{"a":1}', now);
    expect(verifyWebhook('s3cret', '{"a":1}', header, now)).toBe(true);
    expect(verifyWebhook('other', '{"a":1}', header, now)).toBe(false);
    expect(verifyWebhook('s3cret', '{"a":2}', header, now)).toBe(false);
  });
  it('refuses a replay outside the tolerance', () => {
    const header = signWebhook('s3cret', 'x', now - 3600);
    expect(verifyWebhook('s3cret', 'x', header, now)).toBe(false);
  });
});
