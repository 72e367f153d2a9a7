import { sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { apiTokens, auditEvents, users } from "@/db/schema";
import type { Actor } from "@/lib/domain/permissions";

// Checks no permission: callers in db/queries have already checked the actor may make the
// change this records.

export type AuditInput = {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
};

/**
 * The person behind an actor, read when the event is written so the log keeps who it was
 * even after they change their email or are deleted: the user, or the creator of a token.
 * Subqueries of the insert itself, so an audited write costs one round trip.
 */
function actorPerson(actor: Actor, column: "email" | "name") {
  if (actor.type === "system") return null;
  return actor.type === "user"
    ? sql<
        string | null
      >`(select ${sql.identifier(column)} from ${users} where ${users.id} = ${actor.userId})`
    : sql<
        string | null
      >`(select u.${sql.identifier(column)} from ${users} u join ${apiTokens} t on t.created_by = u.id where t.id = ${actor.tokenId})`;
}

/** The audit row of one event by one actor (who is read as they are at that moment). */
function auditRow(orgId: string | null, actor: Actor, event: AuditInput) {
  return {
    orgId,
    actorUserId: actor.type === "user" ? actor.userId : null,
    actorTokenId: actor.type === "token" ? actor.tokenId : null,
    actorLabel: actor.label,
    actorEmail: actorPerson(actor, "email"),
    actorName: actorPerson(actor, "name"),
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    before: event.before ?? null,
    after: event.after ?? null,
  };
}

/** Appends one audit event; call it inside the transaction of the change it records. */
export async function writeAudit(
  tx: Executor,
  orgId: string | null,
  actor: Actor,
  event: AuditInput,
): Promise<void> {
  await tx.insert(auditEvents).values(auditRow(orgId, actor, event));
}

/** Appends many audit events of one actor in one insert (a batch of changes it made at once). */
export async function writeAuditMany(
  tx: Executor,
  orgId: string | null,
  actor: Actor,
  events: AuditInput[],
): Promise<void> {
  if (events.length === 0) return;
  await tx.insert(auditEvents).values(events.map((event) => auditRow(orgId, actor, event)));
}
