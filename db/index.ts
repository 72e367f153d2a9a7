import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { type ExtractTablesWithRelations, sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { getEnv } from "@/lib/env";
import { acquireDirectoryLock } from "./lock";
import * as schema from "./schema";

export { DatabaseLockedError } from "./lock";

type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<
  PgQueryResultHKT,
  Schema,
  ExtractTablesWithRelations<Schema>
>;
/** Anything queries can run on: the database or an open transaction. */
export type Executor = Database | Transaction;
export type DatabaseKind = "pglite" | "postgres";

type Connection = {
  kind: DatabaseKind;
  db: Database;
  close: () => Promise<void>;
  migrate: () => Promise<void>;
};

const MIGRATIONS_FOLDER = path.join(process.cwd(), "db/migrations");
// Any constant works; it only has to be the same for every instance of the app.
const MIGRATION_LOCK_KEY = 7_245_001;

// One connection per process, kept on globalThis: Next loads instrumentation, pages and
// route handlers as separate module instances, and PGlite must never be opened twice.
const globalForDb = globalThis as typeof globalThis & { __preflightDb?: Connection };

type QueryListener = (query: string, params: unknown[]) => void;
const queryListeners = new Set<QueryListener>();

/**
 * Calls `listener` with every query sent until the returned function is called: the query-plan
 * tests read the plans of the queries a page really sends with it.
 */
export function onQuery(listener: QueryListener): () => void {
  queryListeners.add(listener);
  return () => queryListeners.delete(listener);
}

const logger = {
  logQuery(query: string, params: unknown[]) {
    for (const listener of queryListeners) listener(query, params);
  },
};

function open(): Connection {
  const env = getEnv();
  if (env.DATABASE_URL) {
    const url = env.DATABASE_URL;
    // The app may run as a role that owns nothing (db/least-privilege.sql); migrations then
    // connect as the owner.
    const migrationUrl = env.MIGRATION_DATABASE_URL ?? url;
    const client = postgres(url, { max: 10, onnotice: () => {} });
    return {
      kind: "postgres",
      db: drizzlePostgres(client, { schema, casing: "snake_case", logger }),
      close: () => client.end(),
      migrate: async () => {
        // A dedicated single connection holds an advisory lock so that two instances
        // starting at once migrate one after the other instead of racing.
        const single = postgres(migrationUrl, { max: 1, onnotice: () => {} });
        try {
          await single`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
          await migratePostgres(drizzlePostgres(single), { migrationsFolder: MIGRATIONS_FOLDER });
          await single`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
        } finally {
          await single.end();
        }
      },
    };
  }
  const dir = env.dataDir;
  const release = acquireDirectoryLock(dir);
  const client = new PGlite(path.join(dir, "pglite"), { extensions: { pg_trgm } });
  const db = drizzlePglite(client, { schema, casing: "snake_case", logger });
  return {
    kind: "pglite",
    db,
    close: async () => {
      await client.close();
      release();
    },
    migrate: () => migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER }),
  };
}

function connection(): Connection {
  globalForDb.__preflightDb ??= open();
  return globalForDb.__preflightDb;
}

/**
 * The application's database. Opened lazily on first use, so importing this module
 * (during a build, for instance) never touches the database.
 */
export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const real = connection().db;
    const value = Reflect.get(real, property, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
});

/** Which driver is in use, for the health check. */
export function databaseKind(): DatabaseKind {
  return connection().kind;
}

/** Applies pending migrations; safe to call from several instances at once. */
export async function migrateDatabase(): Promise<void> {
  await connection().migrate();
}

/**
 * Refreshes the query planner's statistics of the embedded database. PostgreSQL's autovacuum
 * does this by itself; PGlite has no background worker, so without it the planner never learns
 * how large the tables are and picks plans that take seconds on a large organisation (the
 * Dashboard's figures: 18 s against 2.4 s with 100,000 incidents). No-op on PostgreSQL.
 */
export async function refreshPlannerStatistics(): Promise<void> {
  const current = connection();
  if (current.kind !== "pglite") return;
  await current.db.execute(sql`analyze`);
}

/** Closes the connection and, for the embedded database, releases its directory lock. */
export async function closeDatabase(): Promise<void> {
  const current = globalForDb.__preflightDb;
  globalForDb.__preflightDb = undefined;
  await current?.close();
}
