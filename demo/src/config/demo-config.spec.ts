import { loadDemoConfig } from './demo-config';

describe('loadDemoConfig', () => {
  it('has defaults for the local stack', () => {
    expect(loadDemoConfig({})).toEqual({
      mongoUrl: 'mongodb://127.0.0.1:27017/',
      mongoDb: 'circuitcare',
      seed: 2026,
    });
  });

  it('names every bad variable', () => {
    expect(() => loadDemoConfig({ MONGO_URL: 'http://x', DEMO_SEED: 'abc' })).toThrow(
      /MONGO_URL[\s\S]*DEMO_SEED|DEMO_SEED[\s\S]*MONGO_URL/,
    );
  });
});
