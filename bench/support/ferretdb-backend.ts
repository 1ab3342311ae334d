import { spawnSync } from 'node:child_process';

/**
 * SQL on the stack's PostgreSQL, FerretDB's backend (scripts/services/postgres.sh), for
 * the benches that compare runs with and without the GIN companion indexes (ADR 0020).
 */
export function backendSql(query: string): string[] {
  const res = spawnSync(
    'psql',
    [
      '-X',
      '-qAt',
      '-h',
      '127.0.0.1',
      '-p',
      '55432',
      '-U',
      'postgres',
      '-d',
      'ferretdb',
      '-c',
      query,
    ],
    { encoding: 'utf8' },
  );
  if (res.status !== 0) throw new Error(`psql: ${res.stderr}`);
  return res.stdout.split('\n').filter(Boolean);
}

/** Drops the GIN companions in one MongoDB database (a schema): FerretDB's finds scan again. */
export function dropGinCompanions(schema: string): number {
  const names = backendSql(
    `SELECT indexname FROM pg_indexes WHERE schemaname = '${schema}' AND indexname LIKE 'ccgin\\_%'`,
  );
  for (const name of names) backendSql(`DROP INDEX "${schema}"."${name}"`);
  return names.length;
}

/** Gives the btree indexes of one table their GIN companions back. */
export function restoreGinCompanions(schema: string, table: string): void {
  backendSql(
    `SELECT circuitcare_gin_for(indexrelid::regclass) FROM pg_index WHERE indrelid = '"${schema}"."${table}"'::regclass`,
  );
}
