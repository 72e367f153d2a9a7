import type { RateLimitRule } from "@/db/queries/rate-limits";
import { addressBucket } from "@/lib/client-address";

/**
 * Failed sign-ins allowed per minute: per email (guessing one password), per client address
 * (spraying many accounts), and across everyone (spraying from many addresses, and the CPU an
 * argon2 check costs). Attempts in flight count as failures until their password check ends.
 */
export const SIGN_IN_LIMITS = { windowMs: 60_000, perEmail: 5, perAddress: 5, global: 100 };

export const GLOBAL_SIGN_IN_KEY = "sign-in:all";

/** The counters one sign-in attempt is recorded under. */
export function signInRules(email: string, address: string | null | undefined): RateLimitRule[] {
  return [
    { key: `email:${email}`, limit: SIGN_IN_LIMITS.perEmail },
    ...(address ? [{ key: `ip:${addressBucket(address)}`, limit: SIGN_IN_LIMITS.perAddress }] : []),
    { key: GLOBAL_SIGN_IN_KEY, limit: SIGN_IN_LIMITS.global },
  ];
}

/** What a person is told when refused: how long to wait, in whole minutes. */
export function tooManyAttemptsMessage(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return `Too many attempts; try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
