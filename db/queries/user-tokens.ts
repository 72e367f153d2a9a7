import { and, eq, gt, isNull, lt, or } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { users, userTokens } from "@/db/schema";
import { randomSecret, sha256 } from "@/lib/crypto";

export type UserTokenPurpose = (typeof userTokens.purpose.enumValues)[number];

const PREFIX: Record<UserTokenPurpose, string> = {
  verify_email: "vfy_",
  reset_password: "rst_",
};

/**
 * Creates a single-use link secret for a user's current address, valid for `ttlMs` from
 * `now`. Only its hash is stored; the secret is returned only here.
 */
export async function issueUserToken(
  tx: Executor,
  input: { userId: string; email: string; purpose: UserTokenPurpose; ttlMs: number },
  now = new Date(),
): Promise<{ token: string; id: string; expiresAt: Date }> {
  const token = randomSecret(PREFIX[input.purpose], 32);
  await pruneUserTokens(tx, now);
  const [row] = await tx
    .insert(userTokens)
    .values({
      userId: input.userId,
      purpose: input.purpose,
      email: input.email,
      tokenHash: sha256(token),
      expiresAt: new Date(now.getTime() + input.ttlMs),
    })
    .returning({ id: userTokens.id, expiresAt: userTokens.expiresAt });
  if (!row) throw new Error("insert returned no row");
  return { token, ...row };
}

// A link works only while it is unused, unexpired, and its user still has the address it
// was sent to and is not disabled.
const usable = (token: string, purpose: UserTokenPurpose, now: Date) =>
  and(
    eq(userTokens.tokenHash, sha256(token)),
    eq(userTokens.purpose, purpose),
    isNull(userTokens.usedAt),
    gt(userTokens.expiresAt, now),
    eq(users.email, userTokens.email),
    isNull(users.disabledAt),
  );

/** The user a link would act for, without using it up (to show the form it opens), or null. */
export async function findUsableUserToken(
  token: string,
  purpose: UserTokenPurpose,
  now = new Date(),
): Promise<{ userId: string; email: string } | null> {
  const [row] = await db
    .select({ userId: userTokens.userId, email: userTokens.email })
    .from(userTokens)
    .innerJoin(users, eq(users.id, userTokens.userId))
    .where(usable(token, purpose, now));
  return row ?? null;
}

/**
 * Uses a link up, in the caller's transaction: the token row is locked and marked used, so of
 * two concurrent uses only one succeeds. Null when it is unknown, used, expired or no longer
 * matches its user.
 */
export async function consumeUserToken(
  tx: Executor,
  token: string,
  purpose: UserTokenPurpose,
  now = new Date(),
): Promise<{ id: string; userId: string; email: string } | null> {
  const [row] = await tx
    .select({ id: userTokens.id, userId: userTokens.userId, email: userTokens.email })
    .from(userTokens)
    .innerJoin(users, eq(users.id, userTokens.userId))
    .where(usable(token, purpose, now))
    .for("update", { of: userTokens });
  if (!row) return null;
  const [used] = await tx
    .update(userTokens)
    .set({ usedAt: now })
    .where(and(eq(userTokens.id, row.id), isNull(userTokens.usedAt)))
    .returning({ id: userTokens.id });
  return used ? row : null;
}

/** Retires a user's other unused links of one kind (after one of them has done its job). */
export async function retireUserTokens(
  tx: Executor,
  userId: string,
  purpose: UserTokenPurpose,
  now = new Date(),
): Promise<void> {
  await tx
    .update(userTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(userTokens.userId, userId),
        eq(userTokens.purpose, purpose),
        isNull(userTokens.usedAt),
      ),
    );
}

/** Deletes links that expired or were used more than a week ago (run as new ones are made). */
async function pruneUserTokens(tx: Executor, now: Date): Promise<void> {
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  await tx
    .delete(userTokens)
    .where(or(lt(userTokens.expiresAt, weekAgo), lt(userTokens.usedAt, weekAgo)));
}
