import { forgetAttempt, pruneAttempts, takeAttempt } from "@/db/queries/rate-limits";
import { findUserCredentials, normaliseEmail, type UserDto } from "@/db/queries/users";
import { verifyPassword } from "./password";
import { SIGN_IN_LIMITS, signInRules } from "./rate-limits";

export type CredentialsResult =
  | { ok: true; user: UserDto & { sessionVersion: number } }
  | { ok: false; reason: "rate_limited"; retryAfterMs: number }
  | { ok: false; reason: "invalid" | "disabled" };

/**
 * Checks an email and password, rate-limited per email, per client address and across everyone
 * (counters live in the database, so every instance shares them). The attempt is recorded
 * before the password is checked, so concurrent attempts count against each other.
 */
export async function authenticateCredentials(input: {
  email: string;
  password: string;
  ip?: string | null;
}): Promise<CredentialsResult> {
  const email = normaliseEmail(input.email);
  const attempt = await takeAttempt(signInRules(email, input.ip), SIGN_IN_LIMITS.windowMs);
  if (!attempt.ok) return { ok: false, reason: "rate_limited", retryAfterMs: attempt.retryAfterMs };
  const user = await findUserCredentials(email);
  const valid = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !valid) {
    await pruneAttempts();
    return { ok: false, reason: "invalid" };
  }
  await forgetAttempt(attempt.attemptIds);
  if (user.disabledAt) return { ok: false, reason: "disabled" };
  return {
    ok: true,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      emailVerifiedAt: user.emailVerifiedAt,
      sessionVersion: user.sessionVersion,
    },
  };
}
