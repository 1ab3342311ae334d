import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { loadDemoRunnerConfig } from '../config/demo-runner-config';
import { ProcessGroup, runToCompletion } from './process-group';

/**
 * `npm run demo`: the whole product on one machine. Starts the local stack, seeds the
 * demo network and users, starts the device simulator, the collectors and the API,
 * prints where to look, and on Ctrl-C stops everything it started.
 */
const repoRoot = resolve(__dirname, '..', '..', '..');
const config = loadDemoRunnerConfig();
const logDir = resolve(repoRoot, '.local', 'run', 'demo');

/** The demo's TOTP key lives with its data: a new key would make every enrolment unreadable. */
function demoTotpKey(): string {
  const file = resolve(repoRoot, '.local', 'demo-totp.key');
  if (!existsSync(file)) {
    mkdirSync(resolve(repoRoot, '.local'), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

/**
 * The demo's web push (VAPID) pair, made once and kept with its data: browsers subscribed
 * with the public key stop receiving if it changes. A development pair, never for production.
 */
function demoVapidKeys(): { publicKey: string; privateKey: string } {
  const file = resolve(repoRoot, '.local', 'demo-vapid.json');
  if (!existsSync(file)) {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const jwk = privateKey.export({ format: 'jwk' });
    const pub = publicKey.export({ format: 'der', type: 'spki' });
    const pair = {
      // The uncompressed point ends the SPKI encoding of a P-256 key.
      publicKey: pub.subarray(pub.length - 65).toString('base64url'),
      privateKey: jwk.d!,
    };
    mkdirSync(resolve(repoRoot, '.local'), { recursive: true });
    writeFileSync(file, JSON.stringify(pair), { mode: 0o600 });
  }
  return JSON.parse(readFileSync(file, 'utf8')) as { publicKey: string; privateKey: string };
}
const vapid = config.vapidKeys ?? demoVapidKeys();

const env: Record<string, string> = {
  ...config.inheritedEnv,
  NODE_ENV: 'production',
  LOG_LEVEL: config.logLevel,
  DEMO_SEED: String(config.seed),
  DEMO_PASSWORD: config.demoPassword,
  JWT_SECRET: config.jwtSecret,
  TOTP_ENCRYPTION_KEY: config.totpEncryptionKey ?? demoTotpKey(),
  VAPID_PUBLIC_KEY: vapid.publicKey,
  VAPID_PRIVATE_KEY: vapid.privateKey,
  API_PORT: String(config.apiPort),
  SIM_CONTROL_PORT: String(config.simulatorControlPort),
};

const DEMO_USERS = [
  ['bank-a.admin', 'customer-admin of bank-a: every circuit of bank-a'],
  ['bank-b.admin', 'customer-admin of bank-b: every circuit of bank-b'],
  ['bank-a.wuhan', 'customer-engineer of bank-a Wuhan branch (bank-a-HB-WH): its subtree only'],
  ['bank-a.viewer', 'customer-viewer of bank-a (bank-a-HO): read-only, whole bank'],
  ['am.zhang', 'account-manager of bank-a'],
  ['noc.li', 'noc-operator: all customers'],
  [
    'field.wang',
    'field-engineer: only the tickets dispatched to him (teams team-wuhan, team-hubei)',
  ],
  ['admin', 'platform-admin: users of every customer, audit log'],
] as const;

let shuttingDown = false;
const group = new ProcessGroup(repoRoot, logDir, (name, code) => {
  if (shuttingDown) return;
  console.error(`\n✗ ${name} exited unexpectedly (code ${code}); see ${logDir}/${name}.log`);
  void shutdown(1);
});

async function shutdown(exitCode: number): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log('\nStopping the demo…');
  await group.stopAll();
  if (!config.keepServices) {
    await runToCompletion('bash', ['scripts/services.sh', 'down'], repoRoot, env).catch(
      (e: Error) => console.error(e.message),
    );
  }
  process.exit(exitCode);
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
      last = `HTTP ${res.status}: ${await res.text()}`;
    } catch (e) {
      last = (e as Error).message;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`API not healthy after ${timeoutMs} ms: ${last}`);
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  console.log('▶ local stack (Kafka, FerretDB/PostgreSQL, Redis)');
  await runToCompletion('bash', ['scripts/services.sh', 'up'], repoRoot, env);

  console.log('▶ demo network and users');
  await runToCompletion(
    'node',
    ['demo/dist/seed-cli.js', '--seed', String(config.seed)],
    repoRoot,
    env,
  );
  await runToCompletion(
    'node',
    ['api/dist/cli/provision-users.js', 'api/fixtures/demo-users.json'],
    repoRoot,
    env,
  );
  // Teams name their members by user id: after the users exist.
  await runToCompletion('node', ['demo/dist/seed/seed-teams-cli.js'], repoRoot, env);

  console.log('▶ device simulator, trap receiver, poller, API');
  const logs = [
    group.start({
      name: 'simulator',
      command: 'node',
      args: ['demo/dist/simulator/simulator-cli.js', 'serve', '--seed', String(config.seed)],
      env,
    }),
    group.start({
      name: 'trap-receiver',
      command: 'node',
      args: ['collectors/dist/traps/trap-receiver-main.js'],
      env,
    }),
    group.start({ name: 'api', command: 'node', args: ['api/dist/main.js'], env }),
    group.start({
      name: 'poller',
      command: 'node',
      args: ['collectors/dist/poller/poller-main.js'],
      env,
    }),
  ];
  const api = `http://127.0.0.1:${config.apiPort}/api/v1`;
  await waitForHealth(`${api}/health`, 90_000);

  // The portal: the production build of web/ (npm run build:web), /api proxied to the API.
  const webRoot = resolve(repoRoot, 'web', 'dist', 'browser');
  const portal = `http://127.0.0.1:${config.webPort}/`;
  const webBuilt = existsSync(resolve(webRoot, 'index.html'));
  if (webBuilt) {
    logs.push(
      group.start({
        name: 'web',
        command: 'node',
        args: [
          'demo/dist/web-server/web-server-cli.js',
          '--root',
          webRoot,
          '--port',
          String(config.webPort),
          '--api',
          `http://127.0.0.1:${config.apiPort}`,
        ],
        env,
      }),
    );
  }

  // The mobile app (PWA): the production build of mobile/ (npm run build:mobile), the same proxy.
  const mobileRoot = resolve(repoRoot, 'mobile', 'dist', 'browser');
  const mobile = `http://127.0.0.1:${config.mobilePort}/`;
  const mobileBuilt = existsSync(resolve(mobileRoot, 'index.html'));
  if (mobileBuilt) {
    logs.push(
      group.start({
        name: 'mobile',
        command: 'node',
        args: [
          'demo/dist/web-server/web-server-cli.js',
          '--root',
          mobileRoot,
          '--port',
          String(config.mobilePort),
          '--api',
          `http://127.0.0.1:${config.apiPort}`,
        ],
        env,
      }),
    );
  }

  console.log(`
CircuitCare demo is running.

  Portal         ${webBuilt ? portal : '(not built: npm run build:web)'}
  Mobile app     ${mobileBuilt ? mobile : '(not built: npm run build:mobile)'}
  API            ${api}   (OpenAPI: ${api}/openapi.json)
  Simulator      http://127.0.0.1:${config.simulatorControlPort}/faults   (fault injection)
  Logs           ${logs.map((l) => l.replace(repoRoot + '/', '')).join('\n                 ')}

  Users (password ${config.demoPassword === 'Demo#2026' ? 'Demo#2026' : 'from DEMO_PASSWORD'}):
${DEMO_USERS.map(([u, what]) => `    ${u.padEnd(15)} ${what}`).join('\n')}

  Try:
    TOKEN=$(curl -s ${api}/auth/login -H 'content-type: application/json' \\
      -d '{"username":"bank-a.admin","password":"${config.demoPassword === 'Demo#2026' ? 'Demo#2026' : '…'}"}' | jq -r .accessToken)
    curl -s -H "authorization: Bearer $TOKEN" '${api}/circuits?pageSize=5' | jq
    npm run simulator -- fault link-down <linkId>      # then: curl … ${api}/alarms?state=raised

Press Ctrl-C to stop everything.`);
}

main().catch((e: Error) => {
  console.error(`✗ demo failed: ${e.message}`);
  void shutdown(1);
});
