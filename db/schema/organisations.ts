import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { ROLES } from "@/lib/domain/roles";
import type { Currency } from "@/lib/format";
import { users } from "./auth";
import { id, timestamps, version } from "./columns";

export const memberRole = pgEnum("member_role", ROLES);

export const organisations = pgTable(
  "organisations",
  {
    id: id(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    /**
     * ISO 4217 code of the currency every amount of the organisation is in (annual values,
     * incident costs). One of CURRENCIES (lib/format.ts), checked by zod on write.
     */
    currency: text("currency").$type<Currency>().notNull().default("GBP"),
    /** Organisation-tunable settings (gate thresholds and the like), validated by zod on write. */
    settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default({}),
    /** When on, an override promotion waits for a second owner or admin to approve it. */
    overridesNeedSecondApprover: boolean("overrides_need_second_approver").notNull().default(false),
    version: version(),
    /**
     * Raised once by every transaction that writes the audit log for the organisation (a
     * trigger, migration 0017): cached per-organisation aggregates are keyed by it, so every
     * instance of the app sees a change on its next read.
     */
    dataVersion: bigint("data_version", { mode: "number" }).notNull().default(0),
    ...timestamps,
  },
  (t) => [check("organisations_currency_iso", sql`${t.currency} ~ '^[A-Z]{3}$'`)],
);

/** The owning organisation of a row: every organisation's data goes when it goes. */
export const orgIdColumn = () =>
  uuid("org_id")
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" });

export const memberships = pgTable(
  "memberships",
  {
    id: id(),
    orgId: orgIdColumn(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: memberRole("role").notNull(),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("memberships_org_user_idx").on(t.orgId, t.userId),
    index("memberships_user_idx").on(t.userId),
  ],
);

export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    orgId: orgIdColumn(),
    role: memberRole("role").notNull(),
    /** Optional note of whom the link is meant for; the link works for whoever opens it. */
    email: text("email"),
    tokenHash: text("token_hash").notNull().unique(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedBy: uuid("accepted_by").references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index("invitations_org_idx").on(t.orgId),
    index("invitations_created_by_idx").on(t.createdBy),
    index("invitations_accepted_by_idx").on(t.acceptedBy),
  ],
);

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: id(),
    orgId: orgIdColumn(),
    name: text("name").notNull(),
    role: memberRole("role").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    /** First characters of the token, shown in lists so people can tell tokens apart. */
    tokenPrefix: text("token_prefix").notNull(),
    /**
     * The member whose current membership the token is bound to: it works only while they
     * are an enabled member with a role at least the token's. Null for command-line tokens,
     * which belong to no member; deleting the user deletes their tokens, so a null never
     * means "creator gone".
     */
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "cascade" }),
    /** Every token expires; the default (also for tokens older than expiry) is 90 days. */
    expiresAt: timestamp("expires_at", { withTimezone: true })
      .notNull()
      .default(sql`(now() + interval '90 days')`),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index("api_tokens_org_idx").on(t.orgId),
    index("api_tokens_created_by_idx").on(t.createdBy),
    index("api_tokens_active_idx").on(t.orgId).where(sql`${t.revokedAt} is null`),
  ],
);

export type Organisation = typeof organisations.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
export type ApiToken = typeof apiTokens.$inferSelect;
