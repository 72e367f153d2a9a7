import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { apiTokens, organisations } from "./organisations";

/** Append-only: a trigger (see the migrations) rejects UPDATE and DELETE. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** Null for instance-wide events such as disabling a user from the command line. */
    orgId: uuid("org_id").references(() => organisations.id, { onDelete: "cascade" }),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    actorTokenId: uuid("actor_token_id").references(() => apiTokens.id, { onDelete: "set null" }),
    /** Who acted, as shown in the log even after the user or token is gone. */
    actorLabel: text("actor_label").notNull(),
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
