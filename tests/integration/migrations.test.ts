import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import postgres from "postgres";
import { describe, expect, inject, test } from "vitest";
import journal from "@/db/migrations/meta/_journal.json";

const databaseUrl = inject("databaseUrl");

function migrate(env: Record<string, string>) {
  return new Promise<number>((resolve) => {
    const child = spawn(path.join(process.cwd(), "node_modules/.bin/tsx"), ["scripts/migrate.ts"], {
      env: { ...process.env, DATABASE_URL: "", ...env },
      stdio: "ignore",
    });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

// Each run tests the driver it runs on: several app instances may start at once on PostgreSQL;
// on the embedded database a restart migrates the same directory again.
describe("migrations", () => {
  test.runIf(databaseUrl)(
    "on PostgreSQL, two instances migrating a new database at the same time both succeed, applying each migration once",
    async () => {
      const admin = postgres(databaseUrl!, { max: 1, onnotice: () => {} });
      const name = `preflight_migrate_${randomBytes(3).toString("hex")}`;
      await admin.unsafe(`create database ${name}`);
      const url = new URL(databaseUrl!);
      url.pathname = `/${name}`;
      try {
        expect(
          await Promise.all([
            migrate({ DATABASE_URL: url.toString() }),
            migrate({ DATABASE_URL: url.toString() }),
          ]),
        ).toEqual([0, 0]);
        const fresh = postgres(url.toString(), { max: 1, onnotice: () => {} });
        const [row] = await fresh`select count(*)::int as n from drizzle.__drizzle_migrations`;
        await fresh.end();
        expect(row?.n).toBe(journal.entries.length);
      } finally {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    },
    180_000,
  );

  test.runIf(!databaseUrl)(
    "on the embedded database, a new directory is migrated once and a second run changes nothing",
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "preflight-migrate-"));
      try {
        expect(await migrate({ PREFLIGHT_DATA_DIR: dir })).toBe(0);
        expect(await migrate({ PREFLIGHT_DATA_DIR: dir })).toBe(0);
        const pg = new PGlite(path.join(dir, "pglite"), { extensions: { pg_trgm } });
        const { rows } = await pg.query<{ n: number }>(
          "select count(*)::int as n from drizzle.__drizzle_migrations",
        );
        const tables = await pg.query<{ n: number }>(
          "select count(*)::int as n from information_schema.tables where table_schema = 'public'",
        );
        await pg.close();
        expect(rows[0]?.n).toBe(journal.entries.length);
        expect(tables.rows[0]?.n).toBeGreaterThan(10);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );
});
