// Jest global setup of the integration tier: make sure the local stack runs.
// `services.sh acquire <pid>` starts it if needed and records a lease for this jest
// process; global-teardown.js releases it. The stack is stopped only by the last
// runner out, and only when a runner (not a person) started it.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const script = path.join(__dirname, '..', 'services.sh');

module.exports = async function globalSetup() {
  const started = Date.now();
  const result = spawnSync('bash', [script, 'acquire', String(process.pid)], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(
      `scripts/services.sh acquire failed (exit ${result.status}); see .local/run/*.log`,
    );
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stderr.write(`\n[global-setup] local stack ready (${seconds}s)\n`);
};
