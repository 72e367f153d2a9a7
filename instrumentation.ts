/**
 * Validates the environment, records each request's socket address for rate limits, and
 * applies migrations once, when the server starts.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { stampSocketAddresses } = await import("@/lib/client-address");
  stampSocketAddresses();
  const { getEnv } = await import("@/lib/env");
  const env = getEnv();
  if (!env.AUTH_SECRET && process.env.NODE_ENV === "production") {
    throw new Error(
      "AUTH_SECRET is not set. It signs sessions: generate one with `openssl rand -base64 33` " +
        "and set it in the environment or in .env (`npm run demo` does this for you).",
    );
  }
  const { migrateDatabase, refreshPlannerStatistics } = await import("@/db");
  await migrateDatabase();
  // The embedded database has no autovacuum to keep the planner's statistics: refresh them in
  // the background now and every few hours (no-op on PostgreSQL).
  const refresh = () =>
    refreshPlannerStatistics().catch((error) => console.error("Refreshing statistics:", error));
  void refresh();
  setInterval(refresh, STATISTICS_REFRESH_MS).unref();
}

const STATISTICS_REFRESH_MS = 6 * 60 * 60 * 1000;
