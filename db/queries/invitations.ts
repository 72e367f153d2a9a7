import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { db, type Transaction } from "@/db";
import { invitations, memberships, organisations, users } from "@/db/schema";
import { randomSecret, sha256 } from "@/lib/crypto";
import {
  type Actor,
  assertCan,
  assertCanGrant,
  type MemberContext,
} from "@/lib/domain/permissions";
import { type Role, roleAtLeast } from "@/lib/domain/roles";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { writeAudit } from "./internal/audit";
import { isEmailVerified } from "./users";

export const INVITATION_TTL_DAYS = 7;
/** Links that make someone an admin or owner are worth more to a thief: they expire sooner. */
export const PRIVILEGED_INVITATION_TTL_DAYS = 2;

/** How long an invitation with this role stays valid, in days. */
export function invitationTtlDays(role: Role): number {
  return role === "owner" || role === "admin"
    ? PRIVILEGED_INVITATION_TTL_DAYS
    : INVITATION_TTL_DAYS;
}

export type InvitationDto = {
  id: string;
  role: Role;
  email: string | null;
  createdByName: string | null;
  expiresAt: Date;
  createdAt: Date;
};

/**
 * Creates an invitation for one person's email, with a role; the secret token is returned only
 * here. The link works only for an account with that email, once it is verified.
 */
export async function createInvitation(
  ctx: MemberContext,
  input: { role: Role; email: string },
  now = new Date(),
): Promise<{ invitation: InvitationDto; token: string }> {
  assertCan(ctx, "members:invite");
  assertCanGrant(ctx, input.role);
  const token = randomSecret("inv_", 24);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(invitations)
      .values({
        orgId: ctx.orgId,
        role: input.role,
        email: input.email.trim().toLowerCase(),
        tokenHash: sha256(token),
        createdBy: ctx.actor.type === "user" ? ctx.actor.userId : null,
        expiresAt: new Date(now.getTime() + invitationTtlDays(input.role) * 86_400_000),
      })
      .returning({
        id: invitations.id,
        role: invitations.role,
        email: invitations.email,
        expiresAt: invitations.expiresAt,
        createdAt: invitations.createdAt,
      });
    if (!row) throw new Error("insert returned no row");
    await writeAudit(tx, ctx.orgId, ctx.actor, {
      action: "invitation.created",
      entityType: "invitation",
      entityId: row.id,
      after: { role: row.role, email: row.email, expiresAt: row.expiresAt },
    });
    return { invitation: { ...row, createdByName: ctx.actor.label }, token };
  });
}

/** Invitations that can still be used. */
export async function listPendingInvitations(
  ctx: MemberContext,
  now = new Date(),
): Promise<InvitationDto[]> {
  assertCan(ctx, "members:invite");
  return db
    .select({
      id: invitations.id,
      role: invitations.role,
      email: invitations.email,
      createdByName: users.name,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
    })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.createdBy))
    .where(
      and(
        eq(invitations.orgId, ctx.orgId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .orderBy(desc(invitations.createdAt));
}

/** Revokes a pending invitation so its link stops working. */
export async function revokeInvitation(ctx: MemberContext, invitationId: string): Promise<void> {
  assertCan(ctx, "members:invite");
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(invitations.orgId, ctx.orgId),
          eq(invitations.id, invitationId),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning({ id: invitations.id, role: invitations.role, email: invitations.email });
    if (!row) throw notFound("The invitation");
    await writeAudit(tx, ctx.orgId, ctx.actor, {
      action: "invitation.revoked",
      entityType: "invitation",
      entityId: row.id,
      before: row,
    });
  });
}

export type InvitationPreview = {
  orgName: string;
  orgSlug: string;
  role: Role;
  /** Whom it is for; null for links made before invitations were addressed. */
  email: string | null;
  status: "valid" | "expired" | "used" | "revoked";
};

/** What an invitation link offers, for the page that opens it. Null for an unknown link. */
export async function previewInvitation(
  token: string,
  now = new Date(),
): Promise<InvitationPreview | null> {
  const [row] = await db
    .select({
      orgName: organisations.name,
      orgSlug: organisations.slug,
      role: invitations.role,
      email: invitations.email,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.orgId))
    .where(eq(invitations.tokenHash, sha256(token)));
  if (!row) return null;
  const status = row.revokedAt
    ? "revoked"
    : row.acceptedAt
      ? "used"
      : row.expiresAt <= now
        ? "expired"
        : "valid";
  return { orgName: row.orgName, orgSlug: row.orgSlug, role: row.role, email: row.email, status };
}

/** Why someone with an unverified address cannot join, for the invitation page and errors. */
export const VERIFY_BEFORE_JOINING =
  "Verify your email address before you join an organisation: open the link we emailed you, or ask for a new one.";

/**
 * Accepts an invitation for a signed-in user with a verified email address: they join with
 * the invitation's role. A user who is already a member keeps their current role. Returns the
 * organisation slug.
 */
export function acceptInvitation(
  actor: Extract<Actor, { type: "user" }>,
  token: string,
  now = new Date(),
): Promise<{ orgSlug: string }> {
  return db.transaction((tx) => acceptInvitationIn(tx, actor, token, now));
}

/** acceptInvitation inside the caller's transaction. */
export async function acceptInvitationIn(
  tx: Transaction,
  actor: Extract<Actor, { type: "user" }>,
  token: string,
  now = new Date(),
): Promise<{ orgSlug: string }> {
  const [invite] = await tx
    .select({
      id: invitations.id,
      orgId: invitations.orgId,
      role: invitations.role,
      email: invitations.email,
      createdBy: invitations.createdBy,
      orgSlug: organisations.slug,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.orgId))
    .where(eq(invitations.tokenHash, sha256(token)))
    .for("update");
  if (!invite) throw notFound("The invitation");
  if (invite.acceptedAt || invite.revokedAt || invite.expiresAt <= now) {
    throw new AppError(
      "conflict",
      "This invitation link is no longer valid. Ask an admin of the organisation for a new one.",
    );
  }
  // An invitation addressed to someone is theirs alone.
  const [accepting] = await tx
    .select({ email: users.email, emailVerifiedAt: users.emailVerifiedAt })
    .from(users)
    .where(eq(users.id, actor.userId));
  // Links made before invitations were addressed have no email: they no longer work for anyone.
  if (!invite.email || accepting?.email.toLowerCase() !== invite.email.toLowerCase()) {
    throw new AppError(
      "forbidden",
      invite.email
        ? `This invitation is for ${invite.email}. Sign in with that address, or ask an admin for an invitation of your own.`
        : "This invitation link is not addressed to anyone. Ask an admin of the organisation for a new one.",
    );
  }
  // Only someone who proved they receive mail at their address joins.
  if (!accepting || !isEmailVerified(accepting)) throw forbidden(VERIFY_BEFORE_JOINING);
  // The inviter must still be a member who could grant this role today.
  const [inviter] = invite.createdBy
    ? await tx
        .select({ role: memberships.role })
        .from(memberships)
        .where(and(eq(memberships.orgId, invite.orgId), eq(memberships.userId, invite.createdBy)))
    : [];
  if (!inviter || !roleAtLeast(inviter.role, invite.role) || !roleAtLeast(inviter.role, "admin")) {
    throw new AppError(
      "conflict",
      "The person who sent this invitation can no longer grant it. Ask an admin of the organisation for a new one.",
    );
  }
  const [existing] = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.orgId, invite.orgId), eq(memberships.userId, actor.userId)));
  if (existing) return { orgSlug: invite.orgSlug };
  const [membership] = await tx
    .insert(memberships)
    .values({ orgId: invite.orgId, userId: actor.userId, role: invite.role })
    .returning({ id: memberships.id, userId: memberships.userId, role: memberships.role });
  await tx
    .update(invitations)
    .set({ acceptedAt: now, acceptedBy: actor.userId })
    .where(eq(invitations.id, invite.id));
  await writeAudit(tx, invite.orgId, actor, {
    action: "member.joined",
    entityType: "membership",
    entityId: membership?.id,
    after: { ...membership, email: actor.label, invitationId: invite.id },
  });
  return { orgSlug: invite.orgSlug };
}
