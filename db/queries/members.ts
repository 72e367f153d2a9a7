import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import { db, type Transaction } from "@/db";
import { invitations, memberships, organisations, users } from "@/db/schema";
import {
  assertCan,
  assertCanGrant,
  assertCanManageMember,
  type MemberContext,
} from "@/lib/domain/permissions";
import type { Role } from "@/lib/domain/roles";
import { AppError, conflict, notFound } from "@/lib/errors";
import { writeAudit } from "./internal/audit";

export type MemberDto = {
  id: string;
  userId: string;
  name: string;
  email: string;
  role: Role;
  version: number;
  joinedAt: Date;
};

const memberColumns = {
  id: memberships.id,
  userId: memberships.userId,
  name: users.name,
  email: users.email,
  role: memberships.role,
  version: memberships.version,
  joinedAt: memberships.createdAt,
};

/** Everyone in the caller's organisation. */
export async function listMembers(ctx: MemberContext): Promise<MemberDto[]> {
  assertCan(ctx, "members:read");
  return db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, ctx.orgId))
    .orderBy(asc(users.name));
}

// Serialises membership changes per organisation, so two concurrent demotions
// cannot both pass the "last owner" check.
async function lockOrganisation(tx: Transaction, orgId: string) {
  await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, orgId))
    .for("update");
}

async function loadMember(tx: Transaction, ctx: MemberContext, membershipId: string) {
  const [row] = await tx
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.id, membershipId)));
  if (!row) throw notFound("The member");
  return row;
}

async function countOwners(tx: Transaction, orgId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, "owner")));
  return row?.n ?? 0;
}

const LAST_OWNER = "An organisation needs at least one owner: make someone else an owner first.";

/** Changes a member's role (admins and owners; never above their own, never the last owner). */
export async function changeMemberRole(
  ctx: MemberContext,
  input: { membershipId: string; role: Role; version: number },
): Promise<MemberDto> {
  assertCan(ctx, "members:manage");
  assertCanGrant(ctx, input.role);
  return db.transaction(async (tx) => {
    await lockOrganisation(tx, ctx.orgId);
    const before = await loadMember(tx, ctx, input.membershipId);
    assertCanManageMember(ctx, before.role);
    if (before.version !== input.version) {
      throw conflict(`${before.name}'s role was changed by someone else. Reload to see it.`);
    }
    if (before.role === input.role) return before;
    if (before.role === "owner" && (await countOwners(tx, ctx.orgId)) <= 1) {
      throw new AppError("conflict", LAST_OWNER);
    }
    await tx
      .update(memberships)
      .set({ role: input.role, version: sql`${memberships.version} + 1` })
      .where(and(eq(memberships.id, before.id), eq(memberships.version, input.version)));
    const after = await loadMember(tx, ctx, input.membershipId);
    await writeAudit(tx, ctx.orgId, ctx.actor, {
      action: "member.role_changed",
      entityType: "membership",
      entityId: before.id,
      before: { userId: before.userId, email: before.email, role: before.role },
      after: { userId: after.userId, email: after.email, role: after.role },
    });
    return after;
  });
}

/**
 * Removes a member (admins and owners), or lets any member leave on their own.
 * The last owner can never be removed.
 */
export async function removeMember(
  ctx: MemberContext,
  input: { membershipId: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    await lockOrganisation(tx, ctx.orgId);
    const before = await loadMember(tx, ctx, input.membershipId);
    const leaving = ctx.actor.type === "user" && ctx.actor.userId === before.userId;
    if (!leaving) {
      assertCan(ctx, "members:manage");
      assertCanManageMember(ctx, before.role);
    }
    if (before.role === "owner" && (await countOwners(tx, ctx.orgId)) <= 1) {
      throw new AppError("conflict", LAST_OWNER);
    }
    await tx.delete(memberships).where(eq(memberships.id, before.id));
    // Invitations the member sent and nobody used yet stop working with their access.
    const revoked = await tx
      .update(invitations)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(invitations.orgId, ctx.orgId),
          eq(invitations.createdBy, before.userId),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning({ id: invitations.id });
    await writeAudit(tx, ctx.orgId, ctx.actor, {
      action: leaving ? "member.left" : "member.removed",
      entityType: "membership",
      entityId: before.id,
      before: { userId: before.userId, email: before.email, role: before.role },
      after: revoked.length ? { invitationsRevoked: revoked.map((r) => r.id) } : undefined,
    });
  });
}

/** How many members hold each role, counted in SQL. */
export async function countMembersByRole(ctx: MemberContext): Promise<Record<Role, number>> {
  assertCan(ctx, "members:read");
  const rows = await db
    .select({ role: memberships.role, n: count() })
    .from(memberships)
    .where(eq(memberships.orgId, ctx.orgId))
    .groupBy(memberships.role);
  const counts: Record<Role, number> = { owner: 0, admin: 0, lead: 0, contributor: 0, viewer: 0 };
  for (const row of rows) counts[row.role] = row.n;
  return counts;
}
