import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import postgres from "postgres";
import { describe, expect, inject, test } from "vitest";

const databaseUrl = inject("databaseUrl");

function migrate(url: string) {
  return new Promise<number>((resolve) => {
    const child = spawn(path.join(process.cwd(), "node_modules/.bin/tsx"), ["scripts/migrate.ts"], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: "ignore",
    });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

// Only meaningful on PostgreSQL, where several app instances may start at once.
describe.runIf(databaseUrl)("migrations on PostgreSQL", () => {
  test("two instances migrating a new database at the same time both succeed, applying each migration once", async () => {
    const admin = postgres(databaseUrl!, { max: 1, onnotice: () => {} });
    const name = `preflight_migrate_${randomBytes(3).toString("hex")}`;
    await admin.unsafe(`create database ${name}`);
    const url = new URL(databaseUrl!);
    url.pathname = `/${name}`;
    try {
      expect(await Promise.all([migrate(url.toString()), migrate(url.toString())])).toEqual([0, 0]);
      const fresh = postgres(url.toString(), { max: 1, onnotice: () => {} });
      const [row] = await fresh`select count(*)::int as n from drizzle.__drizzle_migrations`;
      await fresh.end();
      const journal = await import("@/db/migrations/meta/_journal.json");
      expect(row?.n).toBe(journal.entries.length);
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
