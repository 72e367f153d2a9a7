import { and, count, gte, inArray, lt, min } from "drizzle-orm";
import { db } from "@/db";
import { signInFailures } from "@/db/schema";

/** A counter and how many attempts it allows within the window. */
export type RateLimitRule = { key: string; limit: number };

export type AttemptResult =
  | { ok: true; attemptIds: number[] }
  | { ok: false; retryAfterMs: number };

const DAY_MS = 86_400_000;

/**
 * Records an attempt under every rule's key, then counts the window's attempts per key, this one
 * included. Over any limit, the attempt is refused and its rows are removed again.
 *
 * The insert is committed before the count runs, so each count sees every attempt committed
 * before it, in flight or finished: of N concurrent attempts at most `limit` see a count within
 * the limit. (Counting first and recording after a check, as before, let a burst all pass.)
 */
export async function takeAttempt(
  rules: readonly RateLimitRule[],
  windowMs: number,
  now = new Date(),
): Promise<AttemptResult> {
  if (rules.length === 0) return { ok: true, attemptIds: [] };
  const keys = rules.map((r) => r.key);
  const inserted = await db
    .insert(signInFailures)
    .values(keys.map((key) => ({ key, createdAt: now })))
    .returning({ id: signInFailures.id });
  const attemptIds = inserted.map((r) => r.id);
  const counts = await db
    .select({ key: signInFailures.key, n: count(), oldest: min(signInFailures.createdAt) })
    .from(signInFailures)
    .where(
      and(
        inArray(signInFailures.key, keys),
        gte(signInFailures.createdAt, new Date(now.getTime() - windowMs)),
      ),
    )
    .groupBy(signInFailures.key);
  const over = counts.filter((c) => c.n > (rules.find((r) => r.key === c.key)?.limit ?? 0));
  if (over.length === 0) return { ok: true, attemptIds };
  await forgetAttempt(attemptIds);
  // The count falls back under the limit once the oldest attempt in the window has aged out.
  const oldest = Math.min(...over.map((c) => c.oldest?.getTime() ?? now.getTime()));
  return { ok: false, retryAfterMs: Math.max(1_000, oldest + windowMs - now.getTime()) };
}

/**
 * Whether one more attempt would be over any rule's limit, without recording one: for a check
 * that must not add to the count (a right code is not a guess), but must still refuse where
 * the count is already spent. Null when within every limit.
 */
export async function overLimit(
  rules: readonly RateLimitRule[],
  windowMs: number,
  now = new Date(),
): Promise<{ retryAfterMs: number } | null> {
  if (rules.length === 0) return null;
  const counts = await db
    .select({ key: signInFailures.key, n: count(), oldest: min(signInFailures.createdAt) })
    .from(signInFailures)
    .where(
      and(
        inArray(
          signInFailures.key,
          rules.map((r) => r.key),
        ),
        gte(signInFailures.createdAt, new Date(now.getTime() - windowMs)),
      ),
    )
    .groupBy(signInFailures.key);
  const over = counts.filter((c) => c.n >= (rules.find((r) => r.key === c.key)?.limit ?? 0));
  if (over.length === 0) return null;
  const oldest = Math.min(...over.map((c) => c.oldest?.getTime() ?? now.getTime()));
  return { retryAfterMs: Math.max(1_000, oldest + windowMs - now.getTime()) };
}

/** Removes a recorded attempt (a sign-in that succeeded is not a failure to count). */
export async function forgetAttempt(attemptIds: readonly number[]): Promise<void> {
  if (attemptIds.length === 0) return;
  await db.delete(signInFailures).where(inArray(signInFailures.id, [...attemptIds]));
}

/** Forgets attempts older than a day: no window is that long. */
export async function pruneAttempts(now = new Date()): Promise<void> {
  await db
    .delete(signInFailures)
    .where(lt(signInFailures.createdAt, new Date(now.getTime() - DAY_MS)));
}
