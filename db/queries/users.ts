import { and, eq, isNull, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { writeAudit } from "./audit";

export type UserDto = { id: string; email: string; name: string };

const userColumns = { id: users.id, email: users.email, name: users.name };

/** Emails are compared case-insensitively: they are stored lower-cased and trimmed. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** The credentials of a user for the sign-in check; never returned to a browser. */
export async function findUserCredentials(email: string) {
  const [row] = await db
    .select({ ...userColumns, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
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

/** Looks a user up by email (for single sign-on and scripts). */
export async function findUserByEmail(email: string, tx: Executor = db) {
  const [row] = await tx
    .select({ ...userColumns, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.email, normaliseEmail(email)));
  return row ?? null;
}

/** Creates a user; returns null when the email is already registered. */
export async function createUser(
  tx: Executor,
  input: { email: string; name: string; passwordHash: string | null },
): Promise<UserDto | null> {
  const [row] = await tx
    .insert(users)
    .values({
      email: normaliseEmail(input.email),
      name: input.name,
      passwordHash: input.passwordHash,
    })
    .onConflictDoNothing({ target: users.email })
    .returning(userColumns);
  return row ?? null;
}

/** Sets a user's password (command-line administration and the demo seed). */
export async function setUserPassword(
  userId: string,
  passwordHash: string,
  tx: Executor = db,
): Promise<void> {
  await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

/** Disables or re-enables a user everywhere; their next request is refused. */
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
    await writeAudit(tx, null, actor, {
      action: disabled ? "user.disabled" : "user.enabled",
      entityType: "user",
      entityId: before.id,
      before,
      after,
    });
    return after;
  });
}
