import { redactUrl } from './logging.module';

describe('redactUrl', () => {
  it('replaces every ticket value and keeps the rest of the URL', () => {
    expect(redactUrl('/api/v1/events?ticket=abc123&lastEventId=1-0')).toBe(
      '/api/v1/events?ticket=[redacted]&lastEventId=1-0',
    );
    expect(redactUrl('/api/v1/events?lastEventId=1-0&ticket=abc')).toBe(
      '/api/v1/events?lastEventId=1-0&ticket=[redacted]',
    );
    expect(redactUrl('/api/v1/circuits?q=ticket')).toBe('/api/v1/circuits?q=ticket');
  });
});
