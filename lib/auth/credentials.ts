import {
  countRecentSignInFailures,
  findUserCredentials,
  normaliseEmail,
  recordSignInFailure,
  SIGN_IN_MAX_FAILURES,
  type UserDto,
} from "@/db/queries/users";
import { verifyPassword } from "./password";

export type CredentialsResult =
  | { ok: true; user: UserDto }
  | { ok: false; reason: "invalid" | "rate_limited" | "disabled" };

/**
 * Checks an email and password, rate-limited per email and per IP address
 * (counters live in the database, so every instance shares them).
 */
export async function authenticateCredentials(input: {
  email: string;
  password: string;
  ip?: string | null;
}): Promise<CredentialsResult> {
  const email = normaliseEmail(input.email);
  const keys = [`email:${email}`, ...(input.ip ? [`ip:${input.ip}`] : [])];
  if ((await countRecentSignInFailures(keys)) >= SIGN_IN_MAX_FAILURES) {
    return { ok: false, reason: "rate_limited" };
  }
  const user = await findUserCredentials(email);
  const valid = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !valid) {
    await recordSignInFailure(keys);
    return { ok: false, reason: "invalid" };
  }
  if (user.disabledAt) return { ok: false, reason: "disabled" };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
