import { and, desc, eq, isNotNull, isNull } from "drizzle-orm";
import { db } from "@/db";
import { auditEvents, users } from "@/db/schema";
import type { Actor } from "@/lib/domain/permissions";
import { writeAudit } from "./internal/audit";
import { createOrganisation } from "./organisations";
import { consumeUserToken, issueUserToken, retireUserTokens } from "./user-tokens";
import {
  createUser,
  endUserSessions,
  markEmailVerified,
  normaliseEmail,
  setUserPassword,
  type UserDto,
} from "./users";

/** How long a verification link works. */
export const EMAIL_VERIFICATION_TTL_HOURS = 24;
/** How long a password reset link works. */
export const PASSWORD_RESET_TTL_MINUTES = 30;

type UserActor = Extract<Actor, { type: "user" }>;

const userActor = (user: { id: string; email: string }): UserActor => ({
  type: "user",
  userId: user.id,
  label: user.email,
});

// Events about a person rather than an organisation are recorded without one (org_id null),
// like disabling a user from the command line; the account page lists them.
const account = (userId: string) => ({ entityType: "user", entityId: userId });

/**
 * Signs a new user up, in one transaction, with a new organisation they own or, when they
 * came with an invitation link, none yet (they join once their email is verified). Null when
 * the email is already registered.
 */
export async function registerUser(input: {
  name: string;
  email: string;
  passwordHash: string;
  organisationName?: string;
}): Promise<{ user: UserDto; orgSlug: string | null } | null> {
  return db.transaction(async (tx) => {
    const user = await createUser(tx, input);
    if (!user) return null;
    if (!input.organisationName) return { user, orgSlug: null };
    const org = await createOrganisation(tx, userActor(user), {
      name: input.organisationName,
      ownerUserId: user.id,
    });
    return { user, orgSlug: org.slug };
  });
}

/** Creates a verification link for the user's current address; returns its secret. */
export async function createEmailVerification(
  user: { id: string; email: string },
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  return db.transaction(async (tx) => {
    const issued = await issueUserToken(
      tx,
      {
        userId: user.id,
        email: user.email,
        purpose: "verify_email",
        ttlMs: EMAIL_VERIFICATION_TTL_HOURS * 3_600_000,
      },
      now,
    );
    await writeAudit(tx, null, userActor(user), {
      action: "user.verification_email_sent",
      ...account(user.id),
      after: { email: user.email, expiresAt: issued.expiresAt },
    });
    return { token: issued.token, expiresAt: issued.expiresAt };
  });
}

/**
 * Uses a verification link: the address it was sent to, still the user's, becomes verified.
 * Null when the link is unknown, used, expired, or the user's address or standing changed.
 */
export async function verifyEmailWithToken(
  token: string,
  now = new Date(),
): Promise<{ userId: string; email: string } | null> {
  return db.transaction(async (tx) => {
    const used = await consumeUserToken(tx, token, "verify_email", now);
    if (!used) return null;
    await markEmailVerified(tx, used.userId);
    await retireUserTokens(tx, used.userId, "verify_email", now);
    await writeAudit(tx, null, userActor({ id: used.userId, email: used.email }), {
      action: "user.email_verified",
      ...account(used.userId),
      after: { email: used.email },
    });
    return { userId: used.userId, email: used.email };
  });
}

/**
 * Creates a password reset link for an enabled account with a password, or returns null
 * (unknown address, disabled, single sign-on only) without recording anything.
 */
export async function createPasswordReset(
  email: string,
  now = new Date(),
): Promise<{ token: string; user: { id: string; email: string; name: string } } | null> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, email: users.email, name: users.name })
      .from(users)
      .where(
        and(
          eq(users.email, normaliseEmail(email)),
          isNull(users.disabledAt),
          isNotNull(users.passwordHash),
        ),
      );
    if (!user) return null;
    const issued = await issueUserToken(
      tx,
      {
        userId: user.id,
        email: user.email,
        purpose: "reset_password",
        ttlMs: PASSWORD_RESET_TTL_MINUTES * 60_000,
      },
      now,
    );
    // Nobody is signed in to ask for a reset: the form is the actor, not the account holder.
    await writeAudit(
      tx,
      null,
      { type: "system", label: "forgotten password form" },
      {
        action: "user.password_reset_requested",
        ...account(user.id),
        after: { email: user.email, expiresAt: issued.expiresAt },
      },
    );
    return { token: issued.token, user };
  });
}

/**
 * Uses a password reset link: sets the new password, ends every session, retires the user's
 * other reset links and, since the link proves the address, marks it verified. Null when the
 * link cannot be used.
 */
export async function resetPasswordWithToken(
  token: string,
  passwordHash: string,
  now = new Date(),
): Promise<{ id: string; email: string; name: string } | null> {
  return db.transaction(async (tx) => {
    const used = await consumeUserToken(tx, token, "reset_password", now);
    if (!used) return null;
    await setUserPassword(used.userId, passwordHash, tx);
    await markEmailVerified(tx, used.userId);
    await retireUserTokens(tx, used.userId, "reset_password", now);
    const [user] = await tx
      .select({ id: users.id, email: users.email, name: users.name })
      .from(users)
      .where(eq(users.id, used.userId));
    if (!user) return null;
    await writeAudit(tx, null, userActor(user), {
      action: "user.password_reset",
      ...account(user.id),
      after: { sessionsEnded: true },
    });
    return user;
  });
}

/** Sets a new password for a signed-in user (who proved the old one) and ends their sessions. */
export async function changeUserPassword(
  user: { id: string; email: string },
  passwordHash: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    await setUserPassword(user.id, passwordHash, tx);
    await writeAudit(tx, null, userActor(user), {
      action: "user.password_changed",
      ...account(user.id),
      after: { sessionsEnded: true },
    });
  });
}

/** "Sign out of all devices": ends every session of the user, this one included. */
export async function endAllSessions(user: { id: string; email: string }): Promise<void> {
  await db.transaction(async (tx) => {
    await endUserSessions(tx, user.id);
    await writeAudit(tx, null, userActor(user), {
      action: "user.sessions_ended",
      ...account(user.id),
      after: { sessionsEnded: true },
    });
  });
}

export type AccountEventDto = { id: number; action: string; actorLabel: string; createdAt: Date };

/** The latest events about a user's account (not those of their organisations), for them. */
export async function listAccountEvents(userId: string, limit = 10): Promise<AccountEventDto[]> {
  return db
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      actorLabel: auditEvents.actorLabel,
      createdAt: auditEvents.createdAt,
    })
    .from(auditEvents)
    .where(
      and(
        isNull(auditEvents.orgId),
        eq(auditEvents.entityType, "user"),
        eq(auditEvents.entityId, userId),
      ),
    )
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(limit);
}
