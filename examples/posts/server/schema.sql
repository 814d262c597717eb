-- The example's tables, and the triggers that make every change live.
-- Safe to run on every start: it creates what is missing.

CREATE TABLE IF NOT EXISTS categories (
  id serial PRIMARY KEY,
  title text NOT NULL
);

CREATE TABLE IF NOT EXISTS posts (
  id serial PRIMARY KEY,
  title text NOT NULL,
  content text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'draft',
  category_id integer REFERENCES categories (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One counter per table, raised by every change. The change feed compares
-- it after its LISTEN connection comes back, to know whether it missed a
-- change while it was away.
CREATE TABLE IF NOT EXISTS live_versions (
  table_name text PRIMARY KEY,
  version bigint NOT NULL DEFAULT 0
);
INSERT INTO live_versions (table_name) VALUES ('posts'), ('categories')
  ON CONFLICT DO NOTHING;

-- NOTIFY "live" with what changed: the table, the operation, the row id,
-- the columns whose values differ (updates), the row after the change
-- (inserts and updates, left out when the notification would pass
-- Postgres's 8000-byte limit), the table's new version and the browser
-- session that asked for the change (`live.sender`, set by the API for the
-- transaction; empty for a change made anywhere else).
CREATE OR REPLACE FUNCTION notify_live_change() RETURNS trigger AS $$
DECLARE
  changed text[];
  new_version bigint;
  notice jsonb;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    SELECT coalesce(array_agg(after.key ORDER BY after.key), '{}') INTO changed
      FROM jsonb_each(to_jsonb(NEW)) AS after
      JOIN jsonb_each(to_jsonb(OLD)) AS before USING (key)
      WHERE after.value IS DISTINCT FROM before.value;
    IF cardinality(changed) = 0 THEN
      RETURN NULL;
    END IF;
  END IF;
  UPDATE live_versions SET version = version + 1
    WHERE table_name = TG_TABLE_NAME
    RETURNING version INTO new_version;
  notice := jsonb_build_object(
    'table', TG_TABLE_NAME,
    'op', TG_OP,
    'id', CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END,
    'changed', to_jsonb(changed),
    'version', new_version,
    'sender', coalesce(current_setting('live.sender', true), '')
  );
  IF TG_OP <> 'DELETE' AND octet_length(notice::text || to_jsonb(NEW)::text) < 7900 THEN
    notice := notice || jsonb_build_object('row', to_jsonb(NEW));
  END IF;
  PERFORM pg_notify('live', notice::text);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE TRIGGER posts_live
  AFTER INSERT OR UPDATE OR DELETE ON posts
  FOR EACH ROW EXECUTE FUNCTION notify_live_change();

CREATE OR REPLACE TRIGGER categories_live
  AFTER INSERT OR UPDATE OR DELETE ON categories
  FOR EACH ROW EXECUTE FUNCTION notify_live_change();
