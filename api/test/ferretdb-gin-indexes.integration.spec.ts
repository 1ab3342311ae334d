import { execFileSync } from 'node:child_process';

import { MongoClient } from 'mongodb';

const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017/';
const PG_PORT = process.env.PG_PORT ?? '55432';

/** One query against the stack's PostgreSQL (FerretDB's backend), rows as text. */
function sql(query: string): string[] {
  const out = execFileSync(
    'psql',
    [
      '-X',
      '-qAt',
      '-h',
      '127.0.0.1',
      '-p',
      PG_PORT,
      '-U',
      'postgres',
      '-d',
      'ferretdb',
      '-c',
      query,
    ],
    { encoding: 'utf8' },
  );
  return out.split('\n').filter((line) => line.length > 0);
}

/**
 * The stack's PostgreSQL gives each btree index FerretDB builds a GIN companion
 * (scripts/services/ferretdb-gin-indexes.sql), so that FerretDB's pushed-down equality
 * (`_jsonb -> 'field' @> value`) is an index lookup instead of a scan of the collection.
 */
describe('GIN companions of FerretDB indexes', () => {
  const dbName = `api_it_gin_${process.pid}`;
  const mongo = new MongoClient(MONGO_URL);

  beforeAll(async () => {
    await mongo.connect();
    await mongo.db(dbName).dropDatabase();
  });

  afterAll(async () => {
    await mongo.db(dbName).dropDatabase();
    await mongo.close();
  });

  it('follow the indexes of a collection, answer its equality filters, and go with them', async () => {
    const things = mongo
      .db(dbName)
      .collection<{ _id: string; circuitIds: string[]; n: number }>('things');
    const docs = Array.from({ length: 3000 }, (_, i) => ({
      _id: `TT-${i}`,
      circuitIds: [`c-${i % 100}`, `c-${(i + 1) % 100}`],
      n: i,
    }));
    for (let i = 0; i < docs.length; i += 256) await things.insertMany(docs.slice(i, i + 256));
    await things.createIndex({ circuitIds: 1 });

    const indexes = () =>
      sql(
        `SELECT indexdef FROM pg_indexes WHERE schemaname = '${dbName}' AND tablename LIKE 'things\\_%' AND indexname LIKE 'ccgin\\_%'`,
      );
    const gin = indexes();
    expect(gin.some((d) => d.includes(`gin (((_jsonb -> '_id'::text)) jsonb_path_ops)`))).toBe(
      true,
    );
    expect(
      gin.some((d) => d.includes(`gin (((_jsonb -> 'circuitIds'::text)) jsonb_path_ops)`)),
    ).toBe(true);

    // The form of FerretDB's pushed-down filter, planned as the stack plans it.
    const [table] = sql(
      `SELECT tablename FROM pg_tables WHERE schemaname = '${dbName}' AND tablename LIKE 'things\\_%'`,
    );
    sql(`ANALYZE "${dbName}"."${table}"`);
    const plan = sql(
      `EXPLAIN SELECT _jsonb FROM "${dbName}"."${table}" WHERE _jsonb -> '_id' @> '"TT-42"'`,
    ).join('\n');
    expect(plan).toMatch(/Bitmap Index Scan on ccgin_/);

    // Answers stay those of MongoDB: by _id, and array membership.
    expect(await things.findOne({ _id: 'TT-42' })).toEqual(docs[42]);
    expect(await things.countDocuments({ circuitIds: 'c-7' })).toBe(60);

    await things.dropIndex('circuitIds_1');
    expect(indexes().some((d) => d.includes('circuitIds'))).toBe(false);
    await things.drop();
    expect(indexes()).toEqual([]);
  });
});
