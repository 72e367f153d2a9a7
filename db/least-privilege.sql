-- A least-privilege PostgreSQL role for the running app (see "Databases" in the README).
--
-- The role that runs migrations owns the tables; the app connects as `preflight_app`, which
-- owns nothing and may only insert and read audit events. As a non-owner it can neither
-- TRUNCATE the audit log nor disable or drop its triggers, so history cannot be rewritten
-- even by someone who takes over the app.
--
-- Run it as the owner (the role in MIGRATION_DATABASE_URL) after `npm run db:migrate`, in
-- the app's database, with any client; it is safe to run again:
--
--   psql "$MIGRATION_DATABASE_URL" -f db/least-privilege.sql
--   psql "$MIGRATION_DATABASE_URL" -c "alter role preflight_app password '…'"
--
-- The owner needs the CREATEROLE attribute to create the role (or create it beforehand).
-- Tables that later migrations add to `public` are covered by the default privileges below.

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'preflight_app') THEN
    CREATE ROLE preflight_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO preflight_app', current_database());
END
$$;

-- Start from nothing, so running this again also takes back anything granted by hand.
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM preflight_app;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM preflight_app;

GRANT USAGE ON SCHEMA public TO preflight_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO preflight_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO preflight_app;

-- The audit log is append-only: insert and read, nothing else (TRUNCATE was never granted).
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_events FROM preflight_app;

-- Tables and sequences that later migrations (run by this same owner) create in `public`.
ALTER DEFAULT PRIVILEGES IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO preflight_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public
  GRANT USAGE, SELECT ON SEQUENCES TO preflight_app;
