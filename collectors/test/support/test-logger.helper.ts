import { createLogger, type Logger } from '../../src/logging/create-logger';

/** Quiet unless TEST_LOG_LEVEL asks otherwise (e.g. TEST_LOG_LEVEL=debug). */
export function testLogger(name: string): Logger {
  return createLogger(name, process.env.TEST_LOG_LEVEL ?? 'silent', 'integration-test');
}
