import { pruneAttempts, type RateLimitRule, takeAttempt } from "@/db/queries/rate-limits";
import { addressBucket } from "@/lib/client-address";
import { AppError } from "@/lib/errors";

/**
 * Failed sign-ins allowed per minute: per email (guessing one password), per client address
 * (spraying many accounts), and across everyone (spraying from many addresses, and the CPU an
 * argon2 check costs). Attempts in flight count as failures until their password check ends.
 */
export const SIGN_IN_LIMITS = { windowMs: 60_000, perEmail: 5, perAddress: 5, global: 100 };

/** Sign-ups allowed per 10 minutes, per client address and across everyone. */
export const SIGN_UP_LIMITS = { windowMs: 10 * 60_000, perAddress: 5, global: 50 };

/**
 * Password reset emails asked for per 15 minutes: per email address, per client address and
 * across everyone (each one that matches an account sends an email).
 */
export const PASSWORD_RESET_LIMITS = {
  windowMs: 15 * 60_000,
  perEmail: 3,
  perAddress: 5,
  global: 50,
};

/** New verification emails asked for per 15 minutes, per user and across everyone. */
export const VERIFICATION_EMAIL_LIMITS = { windowMs: 15 * 60_000, perUser: 3, global: 100 };

export const GLOBAL_SIGN_IN_KEY = "sign-in:all";
export const GLOBAL_SIGN_UP_KEY = "sign-up:all";
export const GLOBAL_PASSWORD_RESET_KEY = "reset:all";
export const GLOBAL_VERIFICATION_EMAIL_KEY = "verify:all";

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

/** Counts an attempt under every rule; throws a rate_limited AppError with the wait when over. */
async function assertWithinLimits(rules: RateLimitRule[], windowMs: number): Promise<void> {
  const result = await takeAttempt(rules, windowMs);
  if (!result.ok) {
    throw new AppError("rate_limited", tooManyAttemptsMessage(result.retryAfterMs), undefined, {
      retryAfterSeconds: Math.ceil(result.retryAfterMs / 1000),
    });
  }
  await pruneAttempts();
}

const addressRule = (prefix: string, address: string | null | undefined, limit: number) =>
  address ? [{ key: `${prefix}:ip:${addressBucket(address)}`, limit }] : [];

/**
 * Counts a sign-up from an address (per address and across everyone); throws a rate_limited
 * AppError with the wait when over a limit. Call it before hashing the password.
 */
export async function assertSignUpAllowed(address: string | null | undefined): Promise<void> {
  await assertWithinLimits(
    [
      ...addressRule("sign-up", address, SIGN_UP_LIMITS.perAddress),
      { key: GLOBAL_SIGN_UP_KEY, limit: SIGN_UP_LIMITS.global },
    ],
    SIGN_UP_LIMITS.windowMs,
  );
}

/**
 * Counts a password reset request, per email (whether or not it has an account, so the limit
 * reveals nothing), per client address and across everyone.
 */
export async function assertPasswordResetAllowed(
  email: string,
  address: string | null | undefined,
): Promise<void> {
  await assertWithinLimits(
    [
      { key: `reset:email:${email}`, limit: PASSWORD_RESET_LIMITS.perEmail },
      ...addressRule("reset", address, PASSWORD_RESET_LIMITS.perAddress),
      { key: GLOBAL_PASSWORD_RESET_KEY, limit: PASSWORD_RESET_LIMITS.global },
    ],
    PASSWORD_RESET_LIMITS.windowMs,
  );
}

/** Counts a request for a new verification email, per user and across everyone. */
export async function assertVerificationEmailAllowed(userId: string): Promise<void> {
  await assertWithinLimits(
    [
      { key: `verify:user:${userId}`, limit: VERIFICATION_EMAIL_LIMITS.perUser },
      { key: GLOBAL_VERIFICATION_EMAIL_KEY, limit: VERIFICATION_EMAIL_LIMITS.global },
    ],
    VERIFICATION_EMAIL_LIMITS.windowMs,
  );
}

/** Where an Auth.js response sends the browser: its Location, or `{ url }` for fetch clients. */
async function authRedirect(request: Request, response: Response): Promise<string | null> {
  const location = response.headers.get("location");
  if (location) return location;
  if (!request.headers.has("x-auth-return-redirect")) return null;
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => null);
  const url = (body as { url?: unknown } | null)?.url;
  return typeof url === "string" ? url : null;
}

/**
 * Auth.js answers a refused sign-in with a redirect to the sign-in page (`code=rate_limited`).
 * A client calling its endpoint directly is told plainly instead: 429, Retry-After and the
 * API's error shape.
 */
export function withTooManyAttemptsStatus<R extends Request>(
  handler: (request: R) => Promise<Response>,
): (request: R) => Promise<Response> {
  return async (request) => {
    const response = await handler(request);
    const target = await authRedirect(request, response);
    if (!target || new URL(target, "http://x").searchParams.get("code") !== "rate_limited") {
      return response;
    }
    const headers = new Headers({
      "Content-Type": "application/json",
      "Retry-After": String(Math.ceil(SIGN_IN_LIMITS.windowMs / 1000)),
    });
    for (const cookie of response.headers.getSetCookie()) headers.append("Set-Cookie", cookie);
    const message = tooManyAttemptsMessage(SIGN_IN_LIMITS.windowMs);
    return new Response(JSON.stringify({ error: { code: "rate_limited", message } }), {
      status: 429,
      headers,
    });
  };
}
