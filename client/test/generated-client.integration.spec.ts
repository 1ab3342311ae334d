import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/**
 * Web and mobile compile against client/src/generated: it must be what the generator makes
 * of the committed api/openapi.json (which api/test/openapi.integration.spec.ts holds to
 * the code). Regenerate both with `npm run client:generate`.
 */
describe('generated API client', () => {
  const clientDir = join(__dirname, '..');
  const committedDir = join(clientDir, 'src', 'generated');
  let freshDir: string;

  beforeAll(() => {
    freshDir = mkdtempSync(join(tmpdir(), 'cc-client-'));
    // The locked generator with the committed configuration, only the output redirected.
    execFileSync(
      process.execPath,
      [require.resolve('ng-openapi-gen/lib/index.js'), '-c', 'ng-openapi-gen.json', '-o', freshDir],
      { cwd: clientDir, stdio: 'pipe' },
    );
  });

  afterAll(() => {
    rmSync(freshDir, { recursive: true, force: true });
  });

  const filesOf = (dir: string): string[] =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
      .sort();

  it('client/src/generated is up to date with api/openapi.json (npm run client:generate)', () => {
    const fresh = filesOf(freshDir);
    expect(filesOf(committedDir)).toEqual(fresh);
    const stale = fresh.filter(
      (file) =>
        readFileSync(join(committedDir, file), 'utf8') !==
        readFileSync(join(freshDir, file), 'utf8'),
    );
    expect(stale).toEqual([]);
    expect(fresh.length).toBeGreaterThan(10);
  });
});
