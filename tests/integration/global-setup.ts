import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string | null;
    dataDir: string;
  }
}

/** Creates the run's database: a fresh PostgreSQL database or a fresh PGlite directory. */
export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "preflight-test-"));
  project.provide("dataDir", dataDir);
  const base = process.env.TEST_DATABASE_URL;
  if (!base) {
    project.provide("databaseUrl", null);
    return () => fs.rmSync(dataDir, { recursive: true, force: true });
  }
  // TEST_DATABASE_PREFIX lets runs that share a server keep to database names of their own.
  const prefix = process.env.TEST_DATABASE_PREFIX ?? "preflight_test";
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  project.provide("databaseUrl", url.toString());
  return async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
