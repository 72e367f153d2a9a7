import { beforeAll, inject } from "vitest";

// Point the app's db module at this run's database before anything opens it.
const databaseUrl = inject("databaseUrl");
if (databaseUrl) process.env.DATABASE_URL = databaseUrl;
else {
  delete process.env.DATABASE_URL;
  process.env.PREFLIGHT_DATA_DIR = inject("dataDir");
}

beforeAll(async () => {
  const { migrateDatabase } = await import("@/db");
  await migrateDatabase();
});
