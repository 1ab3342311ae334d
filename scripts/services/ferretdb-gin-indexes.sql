-- GIN companions for FerretDB's indexes (see docs/adr/0020-gin-companion-indexes.md).
--
-- FerretDB 1.24 pushes a top-level equality filter down to PostgreSQL as
-- `_jsonb -> $1 @> $2`, but it builds every MongoDB index as a btree on
-- `(_jsonb -> 'field')`, and a btree cannot answer `@>`: each find by `_id` (and by any
-- indexed field) is a sequential scan that detoasts every document. For each btree
-- index FerretDB creates on its collection tables, this creates a GIN (jsonb_path_ops)
-- index over the same expressions, which `@>` can use. FerretDB never sees these
-- indexes (it keeps its own catalogue); they live and die with its table and btree.
--
-- Idempotent: run on every start of the cluster (scripts/services/postgres.sh).

-- The companion's name: derived from the btree's schema and name, so that a drop finds it.
CREATE OR REPLACE FUNCTION circuitcare_gin_name(schema_name text, index_name text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT 'ccgin_' || substr(md5(schema_name || '.' || index_name), 1, 24)
$$;

-- The GIN companion of one btree index, when it is one of FerretDB's: all its columns
-- are `_jsonb -> 'key'` expressions on a table with a `_jsonb` column.
CREATE OR REPLACE FUNCTION circuitcare_gin_for(btree regclass) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  idx pg_index%ROWTYPE;
  cols text[] := '{}';
  col text;
  ns text;
  name text;
BEGIN
  SELECT * INTO idx FROM pg_index WHERE indexrelid = btree;
  IF NOT FOUND OR idx.indpred IS NOT NULL THEN RETURN; END IF;
  IF (SELECT amname FROM pg_am a JOIN pg_class c ON c.relam = a.oid WHERE c.oid = btree) <> 'btree' THEN
    RETURN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_attribute
                 WHERE attrelid = idx.indrelid AND attname = '_jsonb' AND NOT attisdropped) THEN
    RETURN;
  END IF;
  FOR i IN 1 .. idx.indnatts LOOP
    col := pg_get_indexdef(btree, i, false);
    IF col !~ '^\(\(_jsonb -> ''[^'']+''::text\)\)$' THEN RETURN; END IF;
    cols := cols || (col || ' jsonb_path_ops');
  END LOOP;
  SELECT n.nspname, c.relname INTO ns, name
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = btree;
  EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %s USING gin (%s)',
                 circuitcare_gin_name(ns, name), idx.indrelid::regclass, array_to_string(cols, ', '));
END
$$;

CREATE OR REPLACE FUNCTION circuitcare_gin_on_create() RETURNS event_trigger
LANGUAGE plpgsql AS $$
DECLARE
  cmd record;
BEGIN
  FOR cmd IN SELECT * FROM pg_event_trigger_ddl_commands()
             WHERE command_tag = 'CREATE INDEX' AND object_type = 'index' LOOP
    PERFORM circuitcare_gin_for(cmd.objid::regclass);
  END LOOP;
END
$$;

-- A dropped MongoDB index takes its companion along (a dropped table takes both).
CREATE OR REPLACE FUNCTION circuitcare_gin_on_drop() RETURNS event_trigger
LANGUAGE plpgsql AS $$
DECLARE
  obj record;
BEGIN
  FOR obj IN SELECT * FROM pg_event_trigger_dropped_objects()
             WHERE object_type = 'index' AND object_name NOT LIKE 'ccgin\_%' LOOP
    EXECUTE format('DROP INDEX IF EXISTS %I.%I', obj.schema_name,
                   circuitcare_gin_name(obj.schema_name, obj.object_name));
  END LOOP;
END
$$;

DROP EVENT TRIGGER IF EXISTS circuitcare_gin_on_create;
CREATE EVENT TRIGGER circuitcare_gin_on_create ON ddl_command_end
  WHEN TAG IN ('CREATE INDEX') EXECUTE FUNCTION circuitcare_gin_on_create();

DROP EVENT TRIGGER IF EXISTS circuitcare_gin_on_drop;
CREATE EVENT TRIGGER circuitcare_gin_on_drop ON sql_drop
  WHEN TAG IN ('DROP INDEX') EXECUTE FUNCTION circuitcare_gin_on_drop();

-- Indexes created before the trigger existed.
DO $$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT i.indexrelid FROM pg_index i
           JOIN pg_class c ON c.oid = i.indexrelid
           JOIN pg_am a ON a.oid = c.relam
           JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE a.amname = 'btree' AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') LOOP
    PERFORM circuitcare_gin_for(r.indexrelid::regclass);
  END LOOP;
END
$$;
