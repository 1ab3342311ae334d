// Jest global teardown of the integration tier: release this run's lease on the
// local stack (see global-setup.js). services.sh stops the stack only if a test
// runner started it and no other runner still holds a lease.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const script = path.join(__dirname, '..', 'services.sh');

module.exports = async function globalTeardown() {
  const result = spawnSync('bash', [script, 'release', String(process.pid)], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`scripts/services.sh release failed (exit ${result.status})`);
  }
};
