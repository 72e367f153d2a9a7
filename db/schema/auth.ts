import {
  bigserial,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { id, timestamps } from "./columns";

export const users = pgTable("users", {
  id: id(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  /** Null for accounts that only sign in through single sign-on. */
  passwordHash: text("password_hash"),
  disabledAt: timestamp("disabled_at", { withTimezone: true }),
  /** When the person proved they receive mail at `email` (a link, single sign-on, an admin). */
  emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
  /**
   * Sessions carry the version current when they signed in; raising it ends every session
   * issued before (password change or reset, "sign out of all devices", disabling).
   */
  sessionVersion: integer("session_version").notNull().default(0),
  ...timestamps,
});

export const userTokenPurpose = pgEnum("user_token_purpose", ["verify_email", "reset_password"]);

/** Single-use links sent by email, stored as SHA-256 hashes. */
export const userTokens = pgTable(
  "user_tokens",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: userTokenPurpose("purpose").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    /** The address the link was sent to: using it proves that address, and only that one. */
    email: text("email").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("user_tokens_user_purpose_idx").on(t.userId, t.purpose)],
);

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

/**
 * Single sign-on identities linked to a user, by the provider's issuer and subject: never by
 * the email claim, which a provider may let people change.
 */
export const ssoIdentities = pgTable(
  "sso_identities",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    /** The email the provider gave when the identity was linked (for people to recognise it). */
    email: text("email").notNull(),
    ...timestamps,
  },
  (t) => [
    unique("sso_identities_issuer_subject_key").on(t.issuer, t.subject),
    index("sso_identities_user_idx").on(t.userId),
  ],
);

export type User = typeof users.$inferSelect;
export type UserToken = typeof userTokens.$inferSelect;
