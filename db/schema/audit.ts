import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Append-only: triggers (see the migrations) reject UPDATE, DELETE and TRUNCATE, and the app
 * should run as a role with only INSERT and SELECT on it (db/least-privilege.sql).
 * Ids are plain columns without foreign keys, so deleting a user, token or organisation
 * works and leaves their history in place.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** Null for instance-wide events such as disabling a user from the command line. */
    orgId: uuid("org_id"),
    actorUserId: uuid("actor_user_id"),
    actorTokenId: uuid("actor_token_id"),
    /** Who acted, as shown in the log even after the user or token is gone. */
    actorLabel: text("actor_label").notNull(),
    /**
     * Read from the users table when the event is written: the email and display name of
     * the person who acted or, for a token, of the person who created it. Null for the
     * command line and command-line tokens.
     */
    actorEmail: text("actor_email"),
    actorName: text("actor_name"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_events_org_created_idx").on(t.orgId, t.createdAt.desc(), t.id.desc()),
    index("audit_events_org_action_idx").on(t.orgId, t.action),
    index("audit_events_org_entity_idx").on(t.orgId, t.entityType, t.entityId),
    index("audit_events_actor_user_idx").on(t.actorUserId),
    index("audit_events_actor_token_idx").on(t.actorTokenId),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
