import { and, eq, isNull, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { memberships, organisations, users } from "@/db/schema";
import type { Actor, MemberContext } from "@/lib/domain/permissions";
import type { Role } from "@/lib/domain/roles";
import { notFound } from "@/lib/errors";
import { writeAudit } from "./internal/audit";

export type UserDto = { id: string; email: string; name: string; emailVerifiedAt: Date | null };

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  emailVerifiedAt: users.emailVerifiedAt,
};

/** Emails are compared case-insensitively: they are stored lower-cased and trimmed. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/**
 * Whether the person proved they receive mail at their address. Unverified accounts can use
 * the app but cannot join organisations by invitation.
 */
export function isEmailVerified(user: Pick<UserDto, "emailVerifiedAt">): boolean {
  return user.emailVerifiedAt !== null;
}

/** The credentials of a user for the sign-in check; never returned to a browser. */
export async function findUserCredentials(email: string) {
  const [row] = await db
    .select({
      ...userColumns,
      passwordHash: users.passwordHash,
      disabledAt: users.disabledAt,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.email, normaliseEmail(email)));
  return row ?? null;
}

/** A user who may use the app right now (exists and is not disabled), or null. */
export async function getActiveUser(userId: string): Promise<UserDto | null> {
  const [row] = await db
    .select(userColumns)
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  return row ?? null;
}

export type SessionUser =
  | { ok: true; user: UserDto }
  /** "inactive": disabled or deleted; "ended": the session was issued before its user's sessions were ended. */
  | { ok: false; reason: "inactive" | "ended" };

/**
 * The user a session stands for, checked on every request: they exist, are not disabled, and
 * the session carries their current session version (raised by a password change or reset,
 * "sign out of all devices" and disabling, which so end every earlier session).
 */
export async function getSessionUser(userId: string, sessionVersion: number): Promise<SessionUser> {
  const [row] = await db
    .select({ ...userColumns, sessionVersion: users.sessionVersion })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  if (!row) return { ok: false, reason: "inactive" };
  if (row.sessionVersion !== sessionVersion) return { ok: false, reason: "ended" };
  const { sessionVersion: _v, ...user } = row;
  return { ok: true, user };
}

/** An organisation the signed-in user belongs to, for the organisation switcher. */
export type SessionOrganisation = { slug: string; name: string; role: Role };

export type SessionMember =
  | {
      ok: true;
      user: UserDto;
      /** The user's membership in the organisation asked for; null when not a member (or none asked). */
      member: MemberContext | null;
      /** Every organisation the user belongs to, by name. */
      organisations: SessionOrganisation[];
    }
  | { ok: false; reason: "inactive" | "ended" };

/**
 * What a page request needs to know about its session, in one query: the user (existing, not
 * disabled, with the session version the session carries, as getSessionUser checks), their
 * membership in the organisation with `orgSlug` (with the organisation's data version) and the
 * organisations they belong to.
 */
export async function getSessionMember(
  userId: string,
  sessionVersion: number,
  orgSlug: string | null,
): Promise<SessionMember> {
  const [row] = await db
    .select({
      ...userColumns,
      sessionVersion: users.sessionVersion,
      disabled: sql<boolean>`${users.disabledAt} is not null`,
      orgId: organisations.id,
      orgSlug: organisations.slug,
      orgName: organisations.name,
      currency: organisations.currency,
      dataVersion: organisations.dataVersion,
      role: memberships.role,
      organisations: sql<SessionOrganisation[] | string>`(
        select coalesce(json_agg(json_build_object('slug', o.slug, 'name', o.name, 'role', m.role)
          order by o.name), '[]'::json)
        from ${memberships} m join ${organisations} o on o.id = m.org_id
        where m.user_id = ${users.id}
      )`,
    })
    .from(users)
    .leftJoin(organisations, eq(organisations.slug, orgSlug ?? ""))
    .leftJoin(
      memberships,
      and(eq(memberships.orgId, organisations.id), eq(memberships.userId, users.id)),
    )
    .where(eq(users.id, userId));
  if (!row || row.disabled) return { ok: false, reason: "inactive" };
  if (row.sessionVersion !== sessionVersion) return { ok: false, reason: "ended" };
  const user: UserDto = {
    id: row.id,
    email: row.email,
    name: row.name,
    emailVerifiedAt: row.emailVerifiedAt,
  };
  const member: MemberContext | null =
    row.role && row.orgId && row.orgSlug && row.orgName && row.currency
      ? {
          orgId: row.orgId,
          orgSlug: row.orgSlug,
          orgName: row.orgName,
          currency: row.currency,
          role: row.role,
          actor: { type: "user", userId: user.id, label: user.email },
          dataVersion: Number(row.dataVersion),
        }
      : null;
  const orgs =
    typeof row.organisations === "string"
      ? (JSON.parse(row.organisations) as SessionOrganisation[])
      : row.organisations;
  return { ok: true, user, member, organisations: orgs };
}

/** Whether the user signs in with a password (single sign-on accounts have none). */
export async function userHasPassword(userId: string): Promise<boolean> {
  const [row] = await db
    .select({ has: sql<boolean>`${users.passwordHash} is not null` })
    .from(users)
    .where(eq(users.id, userId));
  return row?.has ?? false;
}

/** A user's current session version, put into a session when it signs in (0 when unknown). */
export async function getSessionVersion(userId: string): Promise<number> {
  const [row] = await db
    .select({ sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.id, userId));
  return row?.sessionVersion ?? 0;
}

/** Looks a user up by email (for single sign-on and scripts). */
export async function findUserByEmail(email: string, tx: Executor = db) {
  const [row] = await tx
    .select({ ...userColumns, disabledAt: users.disabledAt, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.email, normaliseEmail(email)));
  return row ?? null;
}

/**
 * Creates a user; returns null when the email is already registered. `emailVerified` when the
 * address is known to be theirs (single sign-on that says so, the command line, the demo).
 */
export async function createUser(
  tx: Executor,
  input: { email: string; name: string; passwordHash: string | null; emailVerified?: boolean },
): Promise<UserDto | null> {
  const [row] = await tx
    .insert(users)
    .values({
      email: normaliseEmail(input.email),
      name: input.name,
      passwordHash: input.passwordHash,
      emailVerifiedAt: input.emailVerified ? sql`now()` : null,
    })
    .onConflictDoNothing({ target: users.email })
    .returning(userColumns);
  return row ?? null;
}

/** Ends every session of a user: sessions signed in before this no longer work. */
export async function endUserSessions(tx: Executor, userId: string): Promise<number> {
  const [row] = await tx
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion });
  if (!row) throw notFound("The user");
  return row.sessionVersion;
}

/**
 * Sets a user's password (command-line administration, the demo seed, changes and resets)
 * and ends their sessions, which were signed in with the old one.
 */
export async function setUserPassword(
  userId: string,
  passwordHash: string,
  tx: Executor = db,
): Promise<void> {
  await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
  await endUserSessions(tx, userId);
}

/** Marks the user's current address as verified (no change when it already is). */
export async function markEmailVerified(tx: Executor, userId: string): Promise<void> {
  await tx
    .update(users)
    .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
    .where(eq(users.id, userId));
}

/**
 * Disables or re-enables a user everywhere; their next request is refused. Disabling also
 * ends their sessions, so re-enabling them does not bring those back.
 */
export async function setUserDisabled(actor: Actor, email: string, disabled: boolean) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ id: users.id, disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.email, normaliseEmail(email)));
    if (!before) throw notFound("The user");
    const [after] = await tx
      .update(users)
      .set({ disabledAt: disabled ? sql`now()` : null })
      .where(eq(users.id, before.id))
      .returning({ id: users.id, disabledAt: users.disabledAt });
    if (disabled) await endUserSessions(tx, before.id);
    await writeAudit(tx, null, actor, {
      action: disabled ? "user.disabled" : "user.enabled",
      entityType: "user",
      entityId: before.id,
      before,
      after: disabled ? { ...after, sessionsEnded: true } : after,
    });
    return after;
  });
}
