import { eq } from "drizzle-orm";
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
 */
async function actorPerson(tx: Executor, actor: Actor) {
  if (actor.type === "system") return null;
  const person = tx.select({ email: users.email, name: users.name }).from(users);
  const [row] =
    actor.type === "user"
      ? await person.where(eq(users.id, actor.userId))
      : await person
          .innerJoin(apiTokens, eq(apiTokens.createdBy, users.id))
          .where(eq(apiTokens.id, actor.tokenId));
  return row ?? null;
}

/** Appends one audit event; call it inside the transaction of the change it records. */
export async function writeAudit(
  tx: Executor,
  orgId: string | null,
  actor: Actor,
  event: AuditInput,
): Promise<void> {
  const person = await actorPerson(tx, actor);
  await tx.insert(auditEvents).values({
    orgId,
    actorUserId: actor.type === "user" ? actor.userId : null,
    actorTokenId: actor.type === "token" ? actor.tokenId : null,
    actorLabel: actor.label,
    actorEmail: person?.email ?? null,
    actorName: person?.name ?? null,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    before: event.before ?? null,
    after: event.after ?? null,
  });
}
