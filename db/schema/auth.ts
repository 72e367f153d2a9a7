import { bigserial, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { id, timestamps } from "./columns";

export const users = pgTable("users", {
  id: id(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  /** Null for accounts that only sign in through single sign-on. */
  passwordHash: text("password_hash"),
  disabledAt: timestamp("disabled_at", { withTimezone: true }),
  ...timestamps,
});

/**
 * Rate-limit counters shared by every instance, one row per attempt: failed (or in-flight)
 * sign-ins keyed "email:…", "ip:…" and "sign-in:all"; sign-ups keyed "sign-up:ip:…" and
 * "sign-up:all". The table keeps its first name to avoid a migration.
 */
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    key: text("key").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sign_in_failures_key_created_at_idx").on(t.key, t.createdAt)],
);

export type User = typeof users.$inferSelect;
