import { databaseKind, migrateDatabase } from "@/db";
import { runCli } from "./lib/cli";

await runCli(async () => {
  const started = Date.now();
  await migrateDatabase();
  console.log(`Database (${databaseKind()}) is up to date (${Date.now() - started} ms).`);
});
